package org.policygraph.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.neo4j.driver.Record;

/**
 * What both ways of reading share: the work on a thread inside {@link #inOneTransaction}
 * reads in one transaction, begun by its first statement and ended when the work is done;
 * a read elsewhere runs in a transaction of its own.
 *
 * @param <T> the transaction of the way of reading
 */
abstract class SharedReadTransaction<T> implements GraphReads {

	/**
	 * Whether this thread's work is in one transaction, and that transaction once begun.
	 */
	private final ThreadLocal<Scope<T>> scope = new ThreadLocal<>();

	@Override
	public final List<Record> rows(String statement, Map<String, Object> parameters) {
		Scope<T> current = this.scope.get();
		if (current == null) {
			return alone(statement, parameters);
		}
		if (current.transaction == null) {
			current.transaction = begin();
		}
		return within(current.transaction, statement, parameters);
	}

	@Override
	public final <R> R inOneTransaction(Supplier<R> work) {
		if (this.scope.get() != null) {
			return work.get();
		}
		Scope<T> current = new Scope<>();
		this.scope.set(current);
		try {
			return work.get();
		}
		finally {
			this.scope.remove();
			if (current.transaction != null) {
				end(current.transaction);
			}
		}
	}

	/** The rows of a statement in a read transaction of its own. */
	abstract List<Record> alone(String statement, Map<String, Object> parameters);

	abstract T begin();

	/** The rows of a statement in the thread's transaction. */
	abstract List<Record> within(T transaction, String statement, Map<String, Object> parameters);

	/**
	 * Ends the transaction without failing the answer: the reads are done, and a
	 * statement that failed (say, at the transaction timeout) has already become an error
	 * in the response.
	 */
	abstract void end(T transaction);

	private static final class Scope<T> {

		private T transaction;

	}

}
