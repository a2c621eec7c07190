package org.policygraph.graph;

import java.util.function.IntConsumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;

import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Work that must be done on the graph after the schema is in place and before requests
 * are served.
 */
@FunctionalInterface
public interface StartupTask {

	void run();

	/**
	 * A task that brings a store written by an earlier version up to date in one write
	 * transaction on the selected database.
	 * @param work the transaction; answers how many nodes it brought up to date
	 * @param done told that number when it is more than zero (to log it)
	 */
	static StartupTask upgrade(Driver driver, DatabaseSelectionProvider databaseSelection,
			TransactionCallback<Integer> work, IntConsumer done) {
		return () -> {
			try (Session session = driver.session(SelectedDatabase.sessionConfig(databaseSelection))) {
				int changed = session.executeWrite(work);
				if (changed > 0) {
					done.accept(changed);
				}
			}
		};
	}

}
