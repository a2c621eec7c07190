package org.policygraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets on disk (the dev signing key, the embedded Neo4j's password) kept readable by
 * their owner only: a folder 0700 and files 0600, created so before a byte is written,
 * and tightened, with a warning, where they were found more open. On a file system
 * without POSIX permissions, it says that it cannot.
 */
public final class OwnerOnlyFiles {

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

	private OwnerOnlyFiles() {
	}

	/**
	 * The folder, made owner-only: created so when missing (its parents as usual),
	 * tightened when others may read it or the files in it; {@code what} names the secret
	 * for the log, {@code advice} says what to do if it was open.
	 */
	public static void folder(Path folder, String what, String advice) throws IOException {
		Path parent = folder.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (!posix(folder)) {
			Files.createDirectories(folder);
			log.warn("The file system of {} has no POSIX permissions: {} there cannot be made owner-only; keep it on a "
					+ "disk only you can read", folder.toAbsolutePath(), what);
			return;
		}
		try {
			Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
		}
		catch (FileAlreadyExistsException ex) {
			if (!Files.isDirectory(folder)) {
				throw ex;
			}
			tighten(folder, FOLDER, what, advice);
			try (var files = Files.list(folder)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					tighten(file, FILE, what, advice);
				}
			}
		}
	}

	/** A new file in an owner-only folder, created 0600 before its text is written. */
	public static void create(Path file, String text) throws IOException {
		FileAttribute<?>[] ownerOnly = posix(file.getParent())
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
		Files.createFile(file, ownerOnly);
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static void tighten(Path path, Set<PosixFilePermission> ownerOnly, String what, String advice)
			throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
		if (ownerOnly.containsAll(permissions)) {
			return;
		}
		try {
			Files.setPosixFilePermissions(path, ownerOnly);
		}
		catch (FileSystemException ex) {
			throw new IllegalStateException(path.toAbsolutePath() + " is " + PosixFilePermissions.toString(permissions)
					+ " and cannot be made owner-only (" + PosixFilePermissions.toString(ownerOnly) + "); fix its "
					+ "permissions, or " + advice, ex);
		}
		log.warn("{} was {}: others could read {}; it is now {}. If others may have copied it, {}",
				path.toAbsolutePath(), PosixFilePermissions.toString(permissions), what,
				PosixFilePermissions.toString(ownerOnly), advice);
	}

	private static boolean posix(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
	}

}
