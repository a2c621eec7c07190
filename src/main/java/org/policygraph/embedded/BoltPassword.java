package org.policygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.policygraph.security.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded Neo4j's user {@value #USER}: the configured one, or one
 * generated on first start and kept in {@value #FILE_NAME} in the data directory,
 * readable by its owner only (the file 0600 in a 0700 folder), so that no other user of
 * the machine, and no web page, can log in to Bolt.
 */
public final class BoltPassword {

	public static final String USER = "neo4j";

	public static final String FILE_NAME = "bolt-password";

	/** Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}). */
	static final int MIN_LENGTH = 8;

	private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private BoltPassword() {
	}

	/**
	 * The configured password when there is one, else the data directory's own (made on
	 * first use).
	 */
	static String resolve(String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			if (configured.codePointCount(0, configured.length()) < MIN_LENGTH) {
				throw new IllegalArgumentException("policygraph.embedded.password must have at least " + MIN_LENGTH
						+ " characters (Neo4j refuses shorter passwords)");
			}
			return configured;
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			// DataDirectoryCheck made the folder owner-only
			if (Files.exists(file)) {
				String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (kept.length() >= MIN_LENGTH) {
					return kept;
				}
				log.warn("{} holds no usable password; writing a new one", file);
				Files.delete(file);
			}
			String generated = generate();
			OwnerOnlyFiles.create(file, generated + "\n");
			log.info("Generated the embedded Neo4j's password (user '{}') in {}", USER, file.toAbsolutePath());
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded Neo4j's password file " + file + " cannot be read or written",
					ex);
		}
	}

	static String generate() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
