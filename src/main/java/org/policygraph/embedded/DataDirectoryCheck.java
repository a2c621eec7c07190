package org.policygraph.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.policygraph.errors.Sizes;
import org.policygraph.security.OwnerOnlyFiles;

import org.springframework.util.unit.DataSize;

/**
 * Checks the embedded store's directory before Neo4j touches it, so that a directory
 * Neo4j could not run in stops the start-up with what is wrong, instead of failing
 * half-way through writing the store: it must be a directory (or be creatable as one), a
 * file must be writable and flushable there, and its file system must have the configured
 * free space.
 */
final class DataDirectoryCheck {

	private DataDirectoryCheck() {
	}

	static void verify(Path dataDir, DataSize minFreeSpace) {
		if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
			throw new DataDirectoryUnusableException(dataDir, "it is a file, not a directory");
		}
		for (Path parent = dataDir.getParent(); parent != null; parent = parent.getParent()) {
			if (Files.exists(parent)) {
				if (!Files.isDirectory(parent)) {
					throw new DataDirectoryUnusableException(dataDir,
							"it cannot be created because " + parent + " is a file");
				}
				break;
			}
		}
		if (Files.isDirectory(dataDir)) {
			// a folder that takes no writes is said to be so, before its permissions are
			// looked at
			probeWrite(dataDir);
		}
		try {
			// the store and the Bolt password file are the owner's alone
			OwnerOnlyFiles.folder(dataDir, "the embedded Neo4j's store and password", "stop the service, delete "
					+ dataDir.resolve(BoltPassword.FILE_NAME) + " and start it again for a new password");
		}
		catch (FileAlreadyExistsException ex) {
			throw new DataDirectoryUnusableException(dataDir,
					"it cannot be created because " + ex.getFile() + " is a file");
		}
		catch (IOException ex) {
			throw new DataDirectoryUnusableException(dataDir, "it cannot be created: " + reason(ex));
		}
		probeWrite(dataDir);
		long usable;
		try {
			usable = Files.getFileStore(dataDir).getUsableSpace();
		}
		catch (IOException ex) {
			throw new DataDirectoryUnusableException(dataDir, "its free space cannot be read: " + reason(ex));
		}
		if (usable < minFreeSpace.toBytes()) {
			throw new DataDirectoryUnusableException(dataDir, "its file system has " + Sizes.megabytes(usable)
					+ " free, less than policygraph.embedded.min-free-space (" + Sizes.megabytes(minFreeSpace.toBytes())
					+ "); free some space, point policygraph.embedded.data-dir elsewhere or lower the setting");
		}
	}

	/**
	 * Writes, flushes to the device and removes a small file: what Neo4j will do with its
	 * store and logs.
	 */
	private static void probeWrite(Path dataDir) {
		Path probe = dataDir.resolve(".write-probe-" + UUID.randomUUID());
		try {
			Files.write(probe, new byte[4096], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
					StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new DataDirectoryUnusableException(dataDir, "nothing can be written there: " + reason(ex));
		}
		finally {
			try {
				Files.deleteIfExists(probe);
			}
			catch (IOException ex) {
				// The write failed already, or the file system stopped answering; the
				// first problem is the one to report.
			}
		}
	}

	private static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory " + ex.getMessage();
		}
		String reason = ex.getClass().getSimpleName();
		return (ex.getMessage() != null) ? reason + " " + ex.getMessage() : reason;
	}

}
