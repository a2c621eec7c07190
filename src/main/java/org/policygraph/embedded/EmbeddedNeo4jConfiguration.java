package org.policygraph.embedded;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.policygraph.graph.StartupTask;
import org.policygraph.importing.DatasetImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Starts Neo4j in-process when no external server is configured, and points the driver at
 * it. The driver bean depends on the connection details, so the server is up before
 * anything can use the database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedNeo4jProperties properties,
			ObjectProvider<EmbeddedNeo4jStartup> startup) {
		EmbeddedNeo4jStartup started = startup.getIfAvailable();
		return (started != null) ? started.await() : EmbeddedNeo4jServer.start(properties);
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jServer server) {
		return new Neo4jConnectionDetails() {

			@Override
			public URI getUri() {
				return server.internalUri();
			}

			@Override
			public AuthToken getAuthToken() {
				return server.authToken();
			}

		};
	}

	/**
	 * The selected database in this JVM: the API's reads run on it in-process
	 * (graph/GraphReadsConfiguration), not over Bolt.
	 */
	@Bean
	GraphDatabaseService inProcessDatabase(EmbeddedNeo4jServer server, DatabaseSelectionProvider databaseSelection) {
		return server.database(databaseSelection.getDatabaseSelection().getValue());
	}

	/**
	 * The service's own Neo4j Browser may open Bolt's WebSocket once the service's port
	 * is known.
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> boltOriginOfTheServicesOwnBrowser(EmbeddedNeo4jServer server) {
		return event -> server.origins().httpPort(event.getWebServer().getPort());
	}

	/**
	 * Fills an empty embedded store with the packaged dataset, once: a restart finds the
	 * data as it was.
	 */
	@Bean
	@Order(10)
	StartupTask loadDatasetIntoEmptyStore(EmbeddedNeo4jProperties properties, Driver driver, DatasetImporter importer) {
		return () -> {
			if (!properties.loadDataset()) {
				return;
			}
			try (var session = driver.session()) {
				boolean empty = session.run("MATCH (n) RETURN count(n) = 0 AS empty").single().get("empty").asBoolean();
				if (empty) {
					log.info("Empty store: loading the packaged dataset");
					importer.importPackagedDataset(false);
				}
			}
		};
	}

}
