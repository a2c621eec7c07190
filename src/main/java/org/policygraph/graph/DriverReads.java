package org.policygraph.graph;

import java.util.List;
import java.util.Map;

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
final class DriverReads extends SharedReadTransaction<TransactionStatus> {

	private static final Logger log = LoggerFactory.getLogger(DriverReads.class);

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
	List<Record> alone(String statement, Map<String, Object> parameters) {
		// a read transaction of its own (a session in read mode)
		return this.alone.execute(status -> run(statement, parameters));
	}

	@Override
	TransactionStatus begin() {
		return this.transactions.getTransaction(this.readOnly);
	}

	@Override
	List<Record> within(TransactionStatus transaction, String statement, Map<String, Object> parameters) {
		try {
			return run(statement, parameters);
		}
		catch (RuntimeException ex) {
			// the driver's transaction is unusable after a failed statement: ended by a
			// rollback, not a commit
			transaction.setRollbackOnly();
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
	void end(TransactionStatus transaction) {
		try {
			if (transaction.isRollbackOnly()) {
				this.transactions.rollback(transaction);
			}
			else {
				this.transactions.commit(transaction);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Ending a read transaction failed: {}", ex.toString());
		}
	}

}
