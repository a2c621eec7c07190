package org.policygraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * Wraps the service's driver to record what it is asked: the access mode of every session and every Cypher
 * statement run, so tests can assert read transactions and count round trips.
 */
public final class RecordingDriver {

	private static final List<AccessMode> accessModes = new CopyOnWriteArrayList<>();

	private static final List<String> statements = new CopyOnWriteArrayList<>();

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
		return List.copyOf(accessModes);
	}

	public static List<String> statements() {
		return List.copyOf(statements);
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
			Class<?> returned = method.getReturnType();
			if (result != null && returned.isInterface() && returned.getName().startsWith("org.neo4j.driver")
					&& (returned.getSimpleName().endsWith("Session") || returned.getSimpleName().endsWith("Transaction"))) {
				return proxy((Class<Object>) returned, result);
			}
			return result;
		}

	}

}
