package org.policygraph.embedded;

import java.net.URI;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j running inside the service's JVM with its Bolt connector only. Its HTTP server stays off: it needs
 * Jersey 2 and {@code javax.*} libraries that clash with Spring Boot's.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

	private final Path dataDir;

	private final DatabaseManagementService managementService;

	private final URI boltUri;

	private EmbeddedNeo4jServer(Path dataDir, DatabaseManagementService managementService, URI boltUri) {
		this.dataDir = dataDir;
		this.managementService = managementService;
		this.boltUri = boltUri;
	}

	public static EmbeddedNeo4jServer start(EmbeddedNeo4jProperties properties) {
		return start(properties, null);
	}

	/**
	 * Starts the server; {@code browserPostConnectCommand}, when given, is what Neo4j Browser runs after it
	 * connects (Browser reads it from the server's configuration over Bolt).
	 */
	public static EmbeddedNeo4jServer start(EmbeddedNeo4jProperties properties, String browserPostConnectCommand) {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		DataDirectoryCheck.verify(dataDir, properties.minFreeSpace());
		long started = System.nanoTime();
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir);
		if (browserPostConnectCommand != null) {
			builder.setConfig(ServerSettings.browser_post_connect_cmd, browserPostConnectCommand);
		}
		DatabaseManagementService service = builder
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltHost(), properties.boltPort()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// Bolt listens on a local address only; Neo4j Browser and cypher-shell connect without credentials.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		try {
			GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			var bolt = db.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT);
			URI uri = URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
			log.info("Embedded Neo4j started in {} ms, data in {}, Bolt listening on {}",
					(System.nanoTime() - started) / 1_000_000, dataDir, uri);
			return new EmbeddedNeo4jServer(dataDir, service, uri);
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
	}

	public URI boltUri() {
		return this.boltUri;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	@Override
	public void close() {
		log.info("Stopping embedded Neo4j");
		this.managementService.shutdown();
	}

}
