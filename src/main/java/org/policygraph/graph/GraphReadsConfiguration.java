package org.policygraph.graph;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.policygraph.limits.LimitsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Which way the API's reads go: in-process when the database is in this JVM (embedded
 * mode gives its {@link GraphDatabaseService}), else through the driver;
 * {@code policygraph.database.reads=driver} takes the driver either way.
 */
@Configuration(proxyBeanMethods = false)
class GraphReadsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphReadsConfiguration.class);

	@Bean
	GraphReads graphReads(@Value("${policygraph.database.reads:in-process}") String reads,
			ObjectProvider<GraphDatabaseService> inProcess, Neo4jClient client, PlatformTransactionManager transactions,
			LimitsProperties limits) {
		if (!reads.equals("in-process") && !reads.equals("driver")) {
			throw new IllegalArgumentException(
					"policygraph.database.reads must be 'in-process' or 'driver', was '" + reads + "'");
		}
		GraphDatabaseService database = reads.equals("in-process") ? inProcess.getIfAvailable() : null;
		if (database instanceof GraphDatabaseAPI api) {
			log.info("Reads run in-process on database '{}'", api.databaseName());
			return new InProcessReads(api, limits.transactionTimeout());
		}
		log.info("Reads run through the driver");
		return new DriverReads(client, transactions);
	}

}
