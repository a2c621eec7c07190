package org.policygraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dev} profile's local signing key: an RSA key pair kept in {@code policygraph.security.dev-key-dir}
 * ({@code ./var/dev-keys}), made on first use by whichever comes first, the service or {@code src/dev/MintToken.java}.
 * Both write the same files: {@code editor-token.key} (PKCS #8) and {@code editor-token.pub} (X.509), in PEM.
 * <p>
 * Whoever holds the private key can change the graph, so both make the folder owner-only (0700) and the files
 * owner-only (0600) as they create them, never loosening afterwards; a folder or file found more open (made by an
 * older version, or by hand) is tightened, with a warning, since others may already have copied the key. On a file
 * system without POSIX permissions (Windows) nothing can be restricted this way, and a warning says so.
 */
final class DevSigningKey {

	private static final Logger log = LoggerFactory.getLogger(DevSigningKey.class);

	static final String PRIVATE_KEY_FILE = "editor-token.key";

	static final String PUBLIC_KEY_FILE = "editor-token.pub";

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private DevSigningKey() {
	}

	/** The public half, making the pair first if the directory has none. */
	static RSAPublicKey publicKey(Path directory) {
		try {
			Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
			if (!Files.exists(publicKey)) {
				create(directory);
			}
			restrict(directory);
			byte[] der = pem(Files.readString(publicKey));
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the dev signing key in " + directory.toAbsolutePath(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The dev signing key in " + directory.toAbsolutePath()
					+ " is not an RSA public key in PEM; delete the directory to make a new pair", ex);
		}
	}

	private static void create(Path directory) throws IOException, GeneralSecurityException {
		if (posix(directory)) {
			createDirectories(directory);
		}
		else {
			Files.createDirectories(directory);
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		write(directory.resolve(PRIVATE_KEY_FILE), "PRIVATE KEY", pair.getPrivate().getEncoded());
		write(directory.resolve(PUBLIC_KEY_FILE), "PUBLIC KEY", pair.getPublic().getEncoded());
	}

	/** Creates the folder and any missing parent; only the key folder itself is made owner-only. */
	private static void createDirectories(Path directory) throws IOException {
		Path parent = directory.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(FOLDER));
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			if (!Files.isDirectory(directory)) {
				throw ex;
			}
		}
	}

	private static void write(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		FileAttribute<?>[] ownerOnly = posix(file.getParent())
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
		// created owner-only before a byte is written, so the key is never readable by others, even for a moment
		Files.createFile(file, ownerOnly);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	/** Tightens a folder or key file that others may read, and says so; on a non-POSIX file system, says that. */
	private static void restrict(Path directory) throws IOException {
		if (!posix(directory)) {
			log.warn("The file system of {} has no POSIX permissions: the dev signing key there cannot be made "
					+ "owner-only; keep it on a disk only you can read", directory.toAbsolutePath());
			return;
		}
		tighten(directory, FOLDER, directory);
		for (String name : new String[] { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE }) {
			Path file = directory.resolve(name);
			if (Files.exists(file)) {
				tighten(file, FILE, directory);
			}
		}
	}

	private static void tighten(Path path, Set<PosixFilePermission> ownerOnly, Path directory) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
		if (!ownerOnly.containsAll(permissions)) {
			try {
				Files.setPosixFilePermissions(path, ownerOnly);
			}
			catch (FileSystemException ex) {
				throw new IllegalStateException(path.toAbsolutePath() + " is " + PosixFilePermissions.toString(permissions)
						+ " and cannot be made owner-only (" + PosixFilePermissions.toString(ownerOnly)
						+ "); fix its permissions or delete the folder to make a new key pair", ex);
			}
			log.warn("{} was {}: others could read the dev signing key; it is now {}. If others may have copied "
					+ "it, delete {} to make a new key pair", path.toAbsolutePath(), PosixFilePermissions.toString(permissions),
					PosixFilePermissions.toString(ownerOnly), directory.toAbsolutePath());
		}
	}

	private static boolean posix(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
	}

	private static byte[] pem(String text) {
		return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
	}

}
