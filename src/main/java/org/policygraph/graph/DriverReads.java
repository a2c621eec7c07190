package org.policygraph.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads through the driver, for an external server: Spring Data Neo4j's client, which
 * joins the transaction Spring's transaction manager holds for this thread (it carries
 * the transaction timeout) and goes to the selected database.
 */
final class DriverReads implements GraphReads {

	private static final Logger log = LoggerFactory.getLogger(DriverReads.class);

	/**
	 * Whether this thread's work is in one transaction, and its status once its first
	 * statement began it.
	 */
	private static final ThreadLocal<Scope> scope = new ThreadLocal<>();

	private final Neo4jClient client;

	private final PlatformTransactionManager transactions;

	private final DefaultTransactionDefinition readOnly;

	private final TransactionTemplate alone;

	DriverReads(Neo4jClient client, PlatformTransactionManager transactions) {
		this.client = client;
		this.transactions = transactions;
		this.readOnly = new DefaultTransactionDefinition();
		this.readOnly.setReadOnly(true);
		this.readOnly.setName("graphql-read-request");
		this.alone = new TransactionTemplate(transactions, this.readOnly);
	}

	@Override
	public List<Record> rows(String statement, Map<String, Object> parameters) {
		Scope current = scope.get();
		if (current == null) {
			// a read transaction of its own (a session in read mode)
			return this.alone.execute(status -> run(statement, parameters));
		}
		if (current.status == null) {
			current.status = this.transactions.getTransaction(this.readOnly);
		}
		try {
			return run(statement, parameters);
		}
		catch (RuntimeException ex) {
			// the driver's transaction is unusable after a failed statement: ended by a
			// rollback, not a commit
			current.status.setRollbackOnly();
			throw ex;
		}
	}

	private List<Record> run(String statement, Map<String, Object> parameters) {
		return List.copyOf(this.client.query(statement)
			.bindAll(parameters)
			.fetchAs(Record.class)
			.mappedBy((types, row) -> row)
			.all());
	}

	@Override
	public <T> T inOneTransaction(Supplier<T> work) {
		if (scope.get() != null) {
			return work.get();
		}
		Scope current = new Scope();
		scope.set(current);
		try {
			return work.get();
		}
		finally {
			scope.remove();
			if (current.status != null) {
				end(current.status);
			}
		}
	}

	/**
	 * Ends the transaction without failing the answer: the reads are done, and a
	 * statement that failed (say, at the transaction timeout) has already become an error
	 * in the response and left the transaction to roll back.
	 */
	private void end(TransactionStatus status) {
		try {
			if (status.isRollbackOnly()) {
				this.transactions.rollback(status);
			}
			else {
				this.transactions.commit(status);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Ending a read transaction failed: {}", ex.toString());
		}
	}

	private static final class Scope {

		private TransactionStatus status;

	}

}
