package org.policygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded Neo4j's user {@value #USER}: the configured one, or one generated on first start and
 * kept in {@value #FILE_NAME} in the data directory, readable by its owner only (the file 0600 in a 0700 folder), so
 * that no other user of the machine, and no web page, can log in to Bolt.
 */
public final class BoltPassword {

	public static final String USER = "neo4j";

	public static final String FILE_NAME = "bolt-password";

	/** Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}). */
	static final int MIN_LENGTH = 8;

	static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private BoltPassword() {
	}

	/** The configured password when there is one, else the data directory's own (made on first use). */
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
			ownerOnly(dataDir, OWNER_ONLY_FOLDER);
			if (Files.exists(file)) {
				ownerOnly(file, OWNER_ONLY_FILE);
				String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (kept.length() >= MIN_LENGTH) {
					return kept;
				}
				log.warn("{} holds no usable password; writing a new one", file);
				Files.delete(file);
			}
			String generated = generate();
			create(file, generated);
			log.info("Generated the embedded Neo4j's password (user '{}') in {}", USER, file.toAbsolutePath());
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded Neo4j's password file " + file + " cannot be read or written", ex);
		}
	}

	static String generate() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Created with its permissions, never readable by others for a moment. */
	private static void create(Path file, String password) throws IOException {
		try {
			if (posix(file.getParent())) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException(file + " appeared while it was being created", ex);
		}
		Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
	}

	/**
	 * Makes a folder or file readable by its owner only: created so when missing, tightened (and said so) when
	 * group or others could read it. On a file system without POSIX permissions, only says that it cannot.
	 */
	public static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
		boolean folder = permissions.contains(PosixFilePermission.OWNER_EXECUTE);
		if (!Files.exists(path)) {
			if (folder) {
				Path parent = path.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				if (posix(parent)) {
					Files.createDirectory(path, PosixFilePermissions.asFileAttribute(permissions));
				}
				else {
					Files.createDirectory(path);
				}
			}
			return;
		}
		if (!posix(path)) {
			log.warn("{} is on a file system without POSIX permissions: make sure only this user can read it", path);
			return;
		}
		Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
		if (!current.equals(permissions)) {
			Files.setPosixFilePermissions(path, permissions);
			log.info("{} was {}; made it {} (owner only)", path, PosixFilePermissions.toString(current),
					PosixFilePermissions.toString(permissions));
		}
	}

	private static boolean posix(Path path) {
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
	}

}
