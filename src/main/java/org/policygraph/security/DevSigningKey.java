package org.policygraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The {@code dev} profile's local signing key: an RSA key pair kept in
 * {@code policygraph.security.dev-key-dir} ({@code ./var/dev-keys}), made on first use by
 * whichever comes first, the service or {@code src/dev/MintToken.java}. Both write the
 * same files: {@code editor-token.key} (PKCS #8) and {@code editor-token.pub} (X.509), in
 * PEM.
 * <p>
 * Whoever holds the private key can change the graph, so both make the folder owner-only
 * (0700) and the files owner-only (0600) as they create them, never loosening afterwards;
 * a folder or file found more open (made by an older version, or by hand) is tightened,
 * with a warning, since others may already have copied the key. On a file system without
 * POSIX permissions (Windows) nothing can be restricted this way, and a warning says so.
 */
final class DevSigningKey {

	static final String PRIVATE_KEY_FILE = "editor-token.key";

	static final String PUBLIC_KEY_FILE = "editor-token.pub";

	private DevSigningKey() {
	}

	/** The public half, making the pair first if the directory has none. */
	static RSAPublicKey publicKey(Path directory) {
		try {
			OwnerOnlyFiles.folder(directory, "the dev signing key",
					"delete " + directory.toAbsolutePath() + " to make a new key pair");
			Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
			if (!Files.exists(publicKey)) {
				create(directory);
			}
			byte[] der = pem(Files.readString(publicKey));
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the dev signing key in " + directory.toAbsolutePath(),
					ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The dev signing key in " + directory.toAbsolutePath()
					+ " is not an RSA public key in PEM; delete the directory to make a new pair", ex);
		}
	}

	private static void create(Path directory) throws IOException, GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		write(directory.resolve(PRIVATE_KEY_FILE), "PRIVATE KEY", pair.getPrivate().getEncoded());
		write(directory.resolve(PUBLIC_KEY_FILE), "PUBLIC KEY", pair.getPublic().getEncoded());
	}

	private static void write(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		OwnerOnlyFiles.create(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	private static byte[] pem(String text) {
		return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
	}

}
