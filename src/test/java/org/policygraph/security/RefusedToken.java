package org.policygraph.security;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.policygraph.support.TestTokens;

/**
 * Every way a stranger's probe bent an editor's token, each with the claim the refusal
 * must name. Each is a valid editor's token ({@link #valid}) with one thing changed, so
 * that a test accepting {@link #valid} and refusing the variant proves that one thing is
 * checked.
 */
enum RefusedToken {

	WRONG_ISSUER("iss", (claims, key) -> sign(key, claims.issuer("https://id.elsewhere.example"))),
	MISSING_ISSUER("iss", (claims, key) -> sign(key, claims.issuer(null))),
	WRONG_AUDIENCE("aud", (claims, key) -> sign(key, claims.audience("another-service"))),
	MISSING_AUDIENCE("aud", (claims, key) -> sign(key, claims.audience((List<String>) null))),
	MISSING_EXPIRY("exp", (claims, key) -> sign(key, claims.expirationTime(null))),
	// issued two hours ago, for an hour and fifty minutes (a token whose exp precedes its
	// iat is not even read)
	EXPIRED("exp",
			(claims, key) -> sign(key,
					claims.issueTime(at(Duration.ofHours(-2)))
						.notBeforeTime(at(Duration.ofHours(-2)))
						.expirationTime(at(Duration.ofMinutes(-10))))),
	NOT_YET_VALID("nbf", (claims, key) -> sign(key, claims.notBeforeTime(at(Duration.ofMinutes(10))))),
	MISSING_SUBJECT("sub", (claims, key) -> sign(key, claims.subject(null))),
	BLANK_SUBJECT("sub", (claims, key) -> sign(key, claims.subject("  "))),
	SYSTEM_SUBJECT("sub", (claims, key) -> sign(key, claims.subject("system"))),
	SYSTEM_SUBJECT_IN_CAPITALS("sub", (claims, key) -> sign(key, claims.subject("System"))),
	RETIREMENT_SUBJECT("sub", (claims, key) -> sign(key, claims.subject("retirement"))),
	WRONG_KEY("signed", (claims, key) -> sign(TestTokens.strangersKey(), claims)),
	ALG_NONE("signed", (claims, key) -> new PlainJWT(claims.build()).serialize());

	/**
	 * A word the refusal's message must hold: the claim's name, or "signed" for the
	 * signature.
	 */
	final String named;

	private final BiFunction<JWTClaimsSet.Builder, PrivateKey, String> make;

	RefusedToken(String named, BiFunction<JWTClaimsSet.Builder, PrivateKey, String> make) {
		this.named = named;
		this.make = make;
	}

	/**
	 * The variant of an editor's token of the issuer and audience the service trusts,
	 * signed by its key.
	 */
	String token(String issuer, String audience, PrivateKey key) {
		return this.make.apply(claims(issuer, audience, "officer-probe"), key);
	}

	/** The token every variant bends: one the service must accept. */
	static String valid(String issuer, String audience, PrivateKey key, String subject) {
		return sign(key, claims(issuer, audience, subject));
	}

	private static JWTClaimsSet.Builder claims(String issuer, String audience, String subject) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.claim("name", subject)
			.claim("roles", List.of("editor"))
			.issueTime(at(Duration.ofMinutes(-1)))
			.notBeforeTime(at(Duration.ofMinutes(-1)))
			.expirationTime(at(Duration.ofHours(1)));
	}

	private static String sign(PrivateKey key, JWTClaimsSet.Builder claims) {
		return TestTokens.signed(key, claims.build());
	}

	private static Date at(Duration fromNow) {
		return Date.from(Instant.now().plus(fromNow));
	}

}
