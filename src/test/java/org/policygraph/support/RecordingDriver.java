package org.policygraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * Wraps the service's driver to record what it is asked: the access mode of every session
 * and every Cypher statement run, so tests can assert read transactions and count round
 * trips. Every integration test's driver is wrapped (one Spring context for all of them),
 * so the lists are plain synchronized ones, cheap to add to (a copy-on-write list copied
 * itself on each of an import's statements), and cleared before each test class.
 */
public final class RecordingDriver {

	private static final List<AccessMode> accessModes = Collections.synchronizedList(new ArrayList<>());

	private static final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	private RecordingDriver() {
	}

	public static Driver wrap(Driver driver) {
		return proxy(Driver.class, driver);
	}

	public static void clear() {
		accessModes.clear();
		statements.clear();
	}

	public static List<AccessMode> accessModes() {
		synchronized (accessModes) {
			return List.copyOf(accessModes);
		}
	}

	public static List<String> statements() {
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, new Recorder(target));
	}

	private record Recorder(Object target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (args != null) {
				for (Object arg : args) {
					if (arg instanceof SessionConfig config) {
						accessModes.add(config.defaultAccessMode());
					}
				}
			}
			if (method.getName().equals("run") && args != null && args.length > 0) {
				Object query = args[0];
				statements.add((query instanceof org.neo4j.driver.Query q) ? q.text() : String.valueOf(query));
			}
			Object result;
			try {
				result = method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			Class<?> returned = returnedType(method, args, result);
			if (result != null && returned.isInterface() && returned.getName().startsWith("org.neo4j.driver")
					&& (returned.getSimpleName().endsWith("Session")
							|| returned.getSimpleName().endsWith("Transaction"))) {
				return proxy((Class<Object>) returned, result);
			}
			return result;
		}

		/**
		 * The type the caller gets: for {@code session(ReactiveSession.class, config)}
		 * the class asked for, not the method's erased BaseSession (Boot's Neo4j health
		 * indicator asks for a reactive session).
		 */
		private static Class<?> returnedType(Method method, Object[] args, Object result) {
			if (args != null && args.length > 0 && args[0] instanceof Class<?> asked && asked.isInstance(result)) {
				return asked;
			}
			return method.getReturnType();
		}

	}

}
