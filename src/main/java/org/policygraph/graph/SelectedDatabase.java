package org.policygraph.graph;

import org.neo4j.driver.SessionConfig;

import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Sessions opened on the driver directly (outside Spring Data's client) go to the same
 * database as the client's: the one {@code spring.data.neo4j.database} names, else the
 * server's default.
 */
public final class SelectedDatabase {

	private SelectedDatabase() {
	}

	public static SessionConfig sessionConfig(DatabaseSelectionProvider databaseSelection) {
		String database = databaseSelection.getDatabaseSelection().getValue();
		return (database != null) ? SessionConfig.forDatabase(database) : SessionConfig.defaultConfig();
	}

}
