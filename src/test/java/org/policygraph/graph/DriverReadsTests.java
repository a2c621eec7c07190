package org.policygraph.graph;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the driver's reads begin a transaction of the work they share. */
class DriverReadsTests {

	/** Counts the transactions begun; none can begin (the database is away). */
	static final class Away extends AbstractPlatformTransactionManager {

		final AtomicInteger begun = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun.incrementAndGet();
			throw new CannotCreateTransactionException("the database is away");
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	/** Counts how the transactions it begins end. */
	static final class Counting extends AbstractPlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger rollbacks = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.rollbacks.incrementAndGet();
		}

	}

	@Test
	void aTransactionWhoseStatementFailedIsRolledBackNotCommitted() {
		Counting transactions = new Counting();
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:9")) {
			DriverReads reads = new DriverReads(Neo4jClient.create(driver), transactions);
			reads.inOneTransaction(() -> {
				assertThatThrownBy(() -> reads.rows("RETURN 1")).isInstanceOf(RuntimeException.class);
				return null;
			});
		}
		assertThat(transactions.rollbacks).hasValue(1);
		assertThat(transactions.commits).hasValue(0);
	}

	@Test
	void workThatReadsNothingBeginsNoTransaction() {
		Away transactions = new Away();
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:9")) {
			DriverReads reads = new DriverReads(Neo4jClient.create(driver), transactions);
			assertThat(reads.inOneTransaction(() -> "answer")).isEqualTo("answer");
		}
		assertThat(transactions.begun).hasValue(0);
	}

	@Test
	void aTransactionThatCannotBeginFailsTheStatementThatNeededItAndTheNextTriesAgain() {
		Away transactions = new Away();
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:9")) {
			DriverReads reads = new DriverReads(Neo4jClient.create(driver), transactions);
			reads.inOneTransaction(() -> {
				assertThatThrownBy(() -> reads.rows("RETURN 1")).isInstanceOf(CannotCreateTransactionException.class);
				assertThatThrownBy(() -> reads.rows("RETURN 2")).isInstanceOf(CannotCreateTransactionException.class);
				return null;
			});
		}
		assertThat(transactions.begun).hasValue(2);
	}

}
