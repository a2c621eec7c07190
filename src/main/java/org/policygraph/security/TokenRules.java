package org.policygraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token must say before the service believes it, in every profile: the one place
 * these rules live. Each rule is a validator of the decoder ({@code iss}, {@code aud},
 * {@code exp}, {@code nbf}, {@code sub}); the decoder checks the signature and its
 * algorithm before any of them runs. A broken rule answers 401 with the rule's
 * description, which names the claim.
 */
public final class TokenRules {

	/**
	 * How far the service's clock and the identity provider's may disagree on exp and
	 * nbf.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	/**
	 * Marks the errors made by these rules, so that a refusal shows them rather than the
	 * library's own.
	 */
	static final String RULE_URI = "https://www.rfc-editor.org/rfc/rfc7519#section-4.1";

	private TokenRules() {
	}

	/**
	 * All the rules, for tokens of one issuer meant for one audience.
	 * @param issuer the only {@code iss} accepted
	 * @param audience a value the {@code aud} claim must hold
	 */
	public static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Clock clock) {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("an issuer is required");
		}
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("an audience is required");
		}
		return new DelegatingOAuth2TokenValidator<>(List.of(rule(jwt -> issuer(jwt.getClaimAsString("iss"), issuer)),
				rule(jwt -> audience(jwt, audience)), rule(jwt -> expiry(jwt.getExpiresAt(), clock.instant())),
				rule(jwt -> notBefore(jwt.getNotBefore(), clock.instant())),
				rule(jwt -> subject(jwt.getClaimAsString("sub")))));
	}

	public static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
		return of(issuer, audience, Clock.systemUTC());
	}

	/**
	 * Refuses every token, for a service told of a key but not of whose tokens it signs.
	 */
	static OAuth2TokenValidator<Jwt> refuseAll(String why) {
		return rule(jwt -> why);
	}

	private static String issuer(String iss, String expected) {
		if (iss == null || iss.isBlank()) {
			return "the token has no iss (issuer) claim";
		}
		return iss.equals(expected) ? null
				: "the token's iss (issuer) claim names an issuer this service does not trust";
	}

	private static String audience(Jwt jwt, String expected) {
		List<String> aud = jwt.getAudience();
		if (aud == null || aud.isEmpty()) {
			return "the token has no aud (audience) claim; it must include '" + expected + "'";
		}
		return aud.contains(expected) ? null : "the token's aud (audience) claim does not include '" + expected + "'";
	}

	private static String expiry(Instant exp, Instant now) {
		if (exp == null) {
			return "the token has no exp (expiry) claim";
		}
		return now.minus(CLOCK_SKEW).isAfter(exp) ? "the token's exp (expiry) claim is past: it expired at " + exp
				: null;
	}

	private static String notBefore(Instant nbf, Instant now) {
		return (nbf != null && now.plus(CLOCK_SKEW).isBefore(nbf))
				? "the token's nbf (not before) claim is in the future: it is valid from " + nbf : null;
	}

	private static String subject(String sub) {
		if (sub == null || sub.isBlank()) {
			return "the token has no sub (subject) claim, so no change could say who made it";
		}
		if (Actor.RESERVED_SUBJECTS.contains(sub.strip().toLowerCase(Locale.ROOT))) {
			return "the token's sub (subject) claim '" + sub.strip() + "' is reserved for the service's own changes";
		}
		return null;
	}

	/** A rule: the reason a token breaks it, or null when it keeps it. */
	private static OAuth2TokenValidator<Jwt> rule(Function<Jwt, String> broken) {
		return jwt -> {
			String reason = broken.apply(jwt);
			return (reason != null)
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", reason, RULE_URI))
					: OAuth2TokenValidatorResult.success();
		};
	}

}
