// Mints a bearer token for the 'dev' profile, signed by the local key in ./var/dev-keys (made if missing).
//
//   java src/dev/MintToken.java alice                 an editor's token (role editor), valid for 8 hours
//   java src/dev/MintToken.java bob --reader          a valid token without the editor role
//   java src/dev/MintToken.java alice --minutes 5     a shorter life
//   java src/dev/MintToken.java alice --keys DIR      another key directory (policygraph.security.dev-key-dir)
//   java src/dev/MintToken.java alice --audience A    another audience (policygraph.security.audience)
//
// Runs on any JDK 11+ as a single source file, with no build and no dependencies. The key folder is made
// owner-only (0700) and its files too (0600), as the service makes them (security/DevSigningKey); a folder or
// file found more open is tightened, with a warning.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

public class MintToken {

	static final String ISSUER = "policygraph-dev";

	static final String USAGE = "usage: java src/dev/MintToken.java <subject> [--reader] [--minutes N] [--keys DIR]"
			+ " [--audience A]";

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	public static void main(String[] args) throws Exception {
		String subject = null;
		boolean editor = true;
		long minutes = 8 * 60;
		Path keys = Path.of("var", "dev-keys");
		String audience = "policygraph";
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--reader" -> editor = false;
				case "--minutes" -> minutes = Long.parseLong(args[++i]);
				case "--keys" -> keys = Path.of(args[++i]);
				case "--audience" -> audience = args[++i];
				default -> {
					if (args[i].startsWith("-") || subject != null) {
						System.err.println(USAGE);
						System.exit(2);
					}
					subject = args[i];
				}
			}
		}
		if (subject == null || !subject.matches("[\\p{L}\\p{N}._@-]{1,64}")
				|| !audience.matches("[\\p{L}\\p{N}._:/-]{1,200}")) {
			System.err.println(USAGE + " (subject: letters, digits and . _ @ -)");
			System.exit(2);
		}
		if (subject.equalsIgnoreCase("system") || subject.equalsIgnoreCase("retirement")) {
			System.err.println("'" + subject + "' is the name of the service's own changes; the service refuses it");
			System.exit(2);
		}
		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
		String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject + "\",\"name\":\"" + subject + "\",\"iat\":" + now
				+ ",\"exp\":" + (now + minutes * 60) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"roles\":["
				+ (editor ? "\"editor\"" : "") + "]}";
		String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(payload.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(privateKey(keys));
		signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		System.out.println(signingInput + "." + base64(signature.sign()));
	}

	static PrivateKey privateKey(Path keys) throws Exception {
		Path file = keys.resolve("editor-token.key");
		boolean posix = posix(keys);
		if (!Files.exists(file)) {
			if (posix) {
				Path parent = keys.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				if (!Files.isDirectory(keys)) {
					Files.createDirectory(keys, PosixFilePermissions.asFileAttribute(FOLDER));
				}
			}
			else {
				Files.createDirectories(keys);
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			write(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
			write(keys.resolve("editor-token.pub"), "PUBLIC KEY", pair.getPublic().getEncoded());
		}
		if (posix) {
			tighten(keys, FOLDER);
			tighten(file, FILE);
			if (Files.exists(keys.resolve("editor-token.pub"))) {
				tighten(keys.resolve("editor-token.pub"), FILE);
			}
		}
		else {
			System.err.println("warning: the file system of " + keys.toAbsolutePath() + " has no POSIX permissions: the"
					+ " signing key there cannot be made owner-only; keep it on a disk only you can read");
		}
		byte[] der = Base64.getMimeDecoder().decode(Files.readString(file).replaceAll("-----[A-Z ]+-----", ""));
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	static void write(Path file, String type, byte[] der) throws Exception {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		// owner-only from its creation, before the key is written into it
		Files.createFile(file, posix(file.getParent()) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) }
				: new FileAttribute<?>[0]);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	static void tighten(Path path, Set<PosixFilePermission> ownerOnly) throws Exception {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
		if (!ownerOnly.containsAll(permissions)) {
			Files.setPosixFilePermissions(path, ownerOnly);
			System.err.println("warning: " + path.toAbsolutePath() + " was " + PosixFilePermissions.toString(permissions)
					+ ": others could read the signing key; it is now " + PosixFilePermissions.toString(ownerOnly)
					+ ". If others may have copied it, delete the folder to make a new key pair");
		}
	}

	static boolean posix(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
	}

	static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
