package org.policygraph.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded Neo4j's user its password. Before the very first start it is written
 * where {@code neo4j-admin dbms set-initial-password} writes it, so Bolt never opens with
 * Neo4j's default password; on later starts the running server is told the password, in
 * case it was changed in the configuration.
 */
final class InitialUser {

	private static final Logger log = LoggerFactory.getLogger(InitialUser.class);

	private InitialUser() {
	}

	static void write(Path home, String password) {
		Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
		Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
		try (var fs = new DefaultFileSystemAbstraction()) {
			if (fs.fileExists(file)) {
				fs.deleteFile(file);
			}
			FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(),
					EmptyMemoryTracker.INSTANCE);
			users.start();
			users.create(new User(BoltPassword.USER, null, SystemGraphCredential.createCredentialForPassword(
					password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
			users.shutdown();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The embedded Neo4j's initial password cannot be written to " + file, ex);
		}
	}

	static void align(DatabaseManagementService service, String password) {
		try {
			service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally(
						"ALTER USER " + BoltPassword.USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password));
			log.info("The embedded Neo4j's password was changed to the configured one");
		}
		catch (QueryExecutionException ex) {
			// Neo4j refuses to set the password it already has; anything else is a real
			// failure
			if (ex.getMessage() == null || !ex.getMessage().contains("cannot be the same")) {
				throw ex;
			}
		}
	}

}
