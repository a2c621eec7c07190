package org.policygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider for tests, as a city's would be: an OpenID issuer on localhost
 * publishing its discovery document and its JWK set, which the service finds from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} alone. One RSA key pair
 * per test JVM; tokens signed by it, or by a stranger's key.
 */
public final class TestTokens {

	private static final KeyPair KEYS = generate();

	private static final KeyPair STRANGER = generate();

	private static final String KEY_ID = "test-key-1";

	public static final String ISSUER = serve();

	/** The audience the service expects by default (policygraph.security.audience). */
	public static final String AUDIENCE = "policygraph";

	private TestTokens() {
	}

	/** Makes the service trust this provider's tokens. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
	}

	/** An editor's token (role editor), valid for an hour. */
	public static String editor(String subject) {
		return token(KEYS, ISSUER, subject, Map.of("roles", List.of("editor")), Duration.ofHours(1));
	}

	/** A token that makes its bearer an editor by scope rather than role. */
	public static String editorByScope(String subject) {
		return token(KEYS, ISSUER, subject, Map.of("scope", "openid policygraph:edit"), Duration.ofHours(1));
	}

	/** A valid token without the editor role or scope. */
	public static String reader(String subject) {
		return token(KEYS, ISSUER, subject, Map.of("roles", List.of("viewer")), Duration.ofHours(1));
	}

	public static String expiredEditor(String subject) {
		return token(KEYS, ISSUER, subject, Map.of("roles", List.of("editor")), Duration.ofMinutes(-10));
	}

	public static String editorFromOtherIssuer(String subject) {
		return token(KEYS, "https://id.elsewhere.example", subject, Map.of("roles", List.of("editor")),
				Duration.ofHours(1));
	}

	public static String editorSignedByStranger(String subject) {
		return token(STRANGER, ISSUER, subject, Map.of("roles", List.of("editor")), Duration.ofHours(1));
	}

	private static String token(KeyPair keys, String issuer, String subject, Map<String, Object> claims,
			Duration life) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(AUDIENCE)
			.subject(subject)
			.claim("name", subject)
			.issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
			.expirationTime(Date.from(now.plus(life)));
		claims.forEach(builder::claim);
		return signed(keys.getPrivate(), builder.build());
	}

	/**
	 * Any claims, signed RS256 by the key (this provider's, a stranger's, or the dev
	 * profile's).
	 */
	public static String signed(PrivateKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** This provider's private key, to sign tokens of any shape. */
	public static PrivateKey privateKey() {
		return KEYS.getPrivate();
	}

	/** A private key no service trusts. */
	public static PrivateKey strangersKey() {
		return STRANGER.getPrivate();
	}

	/**
	 * This provider's public key in PEM, for a service configured with a
	 * public-key-location.
	 */
	public static String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(KEYS.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the issuer: its discovery document and its JWK set, on a free port of
	 * localhost.
	 */
	private static String serve() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
			String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).build())
				.toString();
			String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
					+ "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
			serve(server, "/.well-known/openid-configuration", discovery);
			serve(server, "/jwks", jwks);
			server.start();
			return issuer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void serve(HttpServer server, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		server.createContext(path, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
	}

}
