package org.policygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.policygraph.security.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j running inside the service's JVM with its Bolt connector only. Its HTTP server
 * stays off: it needs Jersey 2 and {@code javax.*} libraries that clash with Spring
 * Boot's. Bolt asks for a password ({@link BoltPassword}), listens on loopback unless
 * asked otherwise ({@link BoltAddress}), and Cypher cannot read the machine's files or
 * reach its networks ({@link CypherUrlBlocklist}).
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

	private static final String INTERNAL_HOST = "127.0.0.1";

	/**
	 * Analysts' Bolt connections at once (Browser opens a few each); the service's own
	 * driver does not count.
	 */
	private static final int MAX_BOLT_CONNECTIONS = 64;

	private final Path dataDir;

	private final DatabaseManagementService managementService;

	private final URI boltUri;

	private final URI internalUri;

	private final BoltGate gate;

	private final BoltOrigins origins;

	private final String password;

	private EmbeddedNeo4jServer(Path dataDir, DatabaseManagementService managementService, URI boltUri, URI internalUri,
			BoltGate gate, BoltOrigins origins, String password) {
		this.origins = origins;
		this.dataDir = dataDir;
		this.managementService = managementService;
		this.boltUri = boltUri;
		this.internalUri = internalUri;
		this.gate = gate;
		this.password = password;
	}

	public static EmbeddedNeo4jServer start(EmbeddedNeo4jProperties properties) {
		return start(properties, null, BoltOrigins.none());
	}

	/**
	 * Starts the server; {@code browserPostConnectCommand}, when given, is what Neo4j
	 * Browser runs after it connects (Browser reads it from the server's configuration
	 * over Bolt).
	 */
	public static EmbeddedNeo4jServer start(EmbeddedNeo4jProperties properties, String browserPostConnectCommand,
			BoltOrigins origins) {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		DataDirectoryCheck.verify(dataDir, properties.minFreeSpace());
		BoltAddress address = BoltAddress.of(properties.boltHost(), properties.boltPort(),
				properties.boltRemoteAccess());
		String password = BoltPassword.resolve(properties.password(), dataDir);
		Path importDir = importDirectory(dataDir);
		boolean firstStart = !Files.exists(dataDir.resolve("data").resolve("databases").resolve("system"));
		if (firstStart) {
			InitialUser.write(dataDir, password);
		}
		long started = System.nanoTime();
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir);
		if (browserPostConnectCommand != null) {
			builder.setConfig(ServerSettings.browser_post_connect_cmd, browserPostConnectCommand);
		}
		DatabaseManagementService service = builder.setConfig(BoltConnector.enabled, true)
			// Neo4j's own listener, on a loopback port of its own; analysts come in
			// through the gate
			.setConfig(BoltConnector.listen_address, new SocketAddress(INTERNAL_HOST, 0))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// Bolt (and its WebSocket side, which any web page in a browser on this
			// machine can open) asks for the
			// user and password; Neo4j has no setting that checks a WebSocket's origin
			// (BoltGate does).
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			// LOAD CSV reads files only from an empty folder of its own, and no URL of
			// this machine or its networks
			.setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
			.setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, CypherUrlBlocklist.ADDRESSES)
			// Neo4j Browser reads this through dbms.clientConfig(): no usage reporting
			// and no banner asking for it
			.setConfig(ServerSettings.allow_telemetry, false)
			.build();
		try {
			if (!firstStart) {
				InitialUser.align(service, password);
			}
			GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			var bolt = db.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT);
			URI internal = URI.create("bolt://" + INTERNAL_HOST + ":" + bolt.getPort());
			BoltGate gate = BoltGate.open(address, new InetSocketAddress(INTERNAL_HOST, bolt.getPort()), origins,
					MAX_BOLT_CONNECTIONS);
			URI uri = address.connectUri(gate.port());
			log.info("Embedded Neo4j started in {} ms, data in {}, Bolt listening on {} (user '{}', password {})",
					(System.nanoTime() - started) / 1_000_000, dataDir, address.describe(gate.port()),
					BoltPassword.USER, (properties.password() != null && !properties.password().isBlank())
							? "from policygraph.embedded.password" : "in " + dataDir.resolve(BoltPassword.FILE_NAME));
			if (!address.loopback()) {
				log.warn(
						"Bolt listens on {}, beyond this machine: anyone who can reach that address may try the "
								+ "password, and Bolt is not encrypted (policygraph.embedded.bolt-remote-access=true)",
						address.describe(gate.port()));
			}
			return new EmbeddedNeo4jServer(dataDir, service, uri, internal, gate, origins, password);
		}
		catch (IOException ex) {
			service.shutdown();
			throw new UncheckedIOException("Bolt cannot listen on " + address.describe(address.port()), ex);
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
	}

	/**
	 * The only folder LOAD CSV may read, made empty and owner-only; a file an analyst
	 * puts there can be loaded.
	 */
	private static Path importDirectory(Path dataDir) {
		Path importDir = dataDir.resolve("import");
		try {
			OwnerOnlyFiles.folder(importDir, "the files LOAD CSV may read", "delete what should not be there");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded Neo4j's import folder " + importDir + " cannot be made", ex);
		}
		return importDir;
	}

	/** The web origins allowed to open Bolt's WebSocket. */
	public BoltOrigins origins() {
		return this.origins;
	}

	/** What the service's own driver and Neo4j Browser log in with. */
	public AuthToken authToken() {
		return AuthTokens.basic(BoltPassword.USER, this.password);
	}

	/** Where analysts connect: the gate on the configured Bolt address. */
	public URI boltUri() {
		return this.boltUri;
	}

	/**
	 * Neo4j's own listener, on loopback, for the service's driver (no copy through the
	 * gate).
	 */
	public URI internalUri() {
		return this.internalUri;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * The database of that name in this JVM, or the default one without a name, for the
	 * service's in-process reads.
	 */
	public GraphDatabaseService database(String name) {
		return this.managementService.database((name != null) ? name : GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	@Override
	public void close() {
		log.info("Stopping embedded Neo4j");
		try {
			this.gate.close();
		}
		catch (IOException ex) {
			log.debug("Bolt's gate did not close cleanly: {}", ex.getMessage());
		}
		this.managementService.shutdown();
	}

}
