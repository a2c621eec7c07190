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
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Wraps the service's driver to record what it is asked: the access mode of every session
 * and every Cypher statement run, so tests can assert read transactions and count round
 * trips. The service's in-process reads are recorded the same way
 * ({@link #wrap(GraphDatabaseAPI)}): each transaction's access mode, each statement.
 * Every integration test's driver is wrapped (one Spring context for all of them), so the
 * lists are plain synchronized ones, cheap to add to (a copy-on-write list copied itself
 * on each of an import's statements), and cleared before each test class.
 */
public final class RecordingDriver {

	private static final List<AccessMode> accessModes = Collections.synchronizedList(new ArrayList<>());

	private static final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	private RecordingDriver() {
	}

	public static Driver wrap(Driver driver) {
		return proxy(Driver.class, driver);
	}

	/**
	 * Records the transactions begun on the database in-process (read-only ones as
	 * {@link AccessMode#READ}) and the statements run in them.
	 */
	public static GraphDatabaseAPI wrap(GraphDatabaseAPI database) {
		return (GraphDatabaseAPI) Proxy.newProxyInstance(GraphDatabaseAPI.class.getClassLoader(),
				new Class<?>[] { GraphDatabaseAPI.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("begin")) {
						boolean readOnly = args != null && args.length > 1 && args[1] instanceof SecurityContext context
								&& !context.mode().allowsWrites();
						accessModes.add(readOnly ? AccessMode.READ : AccessMode.WRITE);
					}
					Object result = invoke(method, database, args);
					return (result instanceof InternalTransaction transaction) ? recorded(transaction) : result;
				});
	}

	private static InternalTransaction recorded(InternalTransaction transaction) {
		return (InternalTransaction) Proxy.newProxyInstance(InternalTransaction.class.getClassLoader(),
				new Class<?>[] { InternalTransaction.class }, (proxy, method, args) -> {
					if (method.getName().equals("execute") && args != null && args.length > 0) {
						statements.add(String.valueOf(args[0]));
					}
					return invoke(method, transaction, args);
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
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
