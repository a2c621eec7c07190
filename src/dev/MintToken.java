// Mints a bearer token for the 'dev' profile, signed by the local key in ./var/dev-keys (made if missing).
//
//   java src/dev/MintToken.java alice                 an editor's token (role editor), valid for 8 hours
//   java src/dev/MintToken.java bob --reader          a valid token without the editor role
//   java src/dev/MintToken.java alice --minutes 5     a shorter life
//   java src/dev/MintToken.java alice --keys DIR      another key directory (policygraph.security.dev-key-dir)
//
// Runs on any JDK 11+ as a single source file, with no build and no dependencies.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

public class MintToken {

	static final String ISSUER = "policygraph-dev";

	public static void main(String[] args) throws Exception {
		String subject = null;
		boolean editor = true;
		long minutes = 8 * 60;
		Path keys = Path.of("var", "dev-keys");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--reader" -> editor = false;
				case "--minutes" -> minutes = Long.parseLong(args[++i]);
				case "--keys" -> keys = Path.of(args[++i]);
				default -> {
					if (args[i].startsWith("-") || subject != null) {
						System.err.println("usage: java src/dev/MintToken.java <subject> [--reader] [--minutes N] [--keys DIR]");
						System.exit(2);
					}
					subject = args[i];
				}
			}
		}
		if (subject == null || !subject.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
			System.err.println("usage: java src/dev/MintToken.java <subject> [--reader] [--minutes N] [--keys DIR]"
					+ " (subject: letters, digits and . _ @ -)");
			System.exit(2);
		}
		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
		String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"name\":\"" + subject + "\",\"iat\":" + now
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
		if (!Files.exists(file)) {
			Files.createDirectories(keys);
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			write(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
			write(keys.resolve("editor-token.pub"), "PUBLIC KEY", pair.getPublic().getEncoded());
		}
		byte[] der = Base64.getMimeDecoder().decode(Files.readString(file).replaceAll("-----[A-Z ]+-----", ""));
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	static void write(Path file, String type, byte[] der) throws Exception {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
