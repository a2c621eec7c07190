package org.policygraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The claims a token must hold, checked without a service: the rules of
 * {@link TokenRules}, at a fixed time.
 */
class TokenRulesTests {

	static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

	static final OAuth2TokenValidator<Jwt> RULES = TokenRules.of("https://id.city.example", "policygraph",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aTokenWithEveryClaimRightIsAccepted() {
		assertThat(problems(jwt -> jwt)).isEmpty();
	}

	@Test
	void theAudienceMayBeOneOfSeveral() {
		assertThat(problems(jwt -> jwt.audience(List.of("other", "policygraph")))).isEmpty();
	}

	@Test
	void aClockSkewOfUpToAMinuteIsForgivenOnExpAndNbf() {
		assertThat(problems(jwt -> jwt.expiresAt(NOW.minusSeconds(59)))).isEmpty();
		assertThat(problems(jwt -> jwt.notBefore(NOW.plusSeconds(59)))).isEmpty();
		assertThat(problems(jwt -> jwt.expiresAt(NOW.minusSeconds(61)))).singleElement().asString().contains("exp");
		assertThat(problems(jwt -> jwt.notBefore(NOW.plusSeconds(61)))).singleElement().asString().contains("nbf");
	}

	@Test
	void eachMissingOrWrongClaimIsNamed() {
		assertThat(problems(jwt -> jwt.claims(c -> c.remove("iss")))).singleElement().asString().contains("no iss");
		assertThat(problems(jwt -> jwt.issuer("https://id.elsewhere.example"))).singleElement()
			.asString()
			.contains("iss");
		assertThat(problems(jwt -> jwt.claims(c -> c.remove("aud")))).singleElement().asString().contains("no aud");
		assertThat(problems(jwt -> jwt.audience(List.of("another-service")))).singleElement()
			.asString()
			.contains("aud")
			.contains("'policygraph'");
		assertThat(problems(jwt -> jwt.claims(c -> c.remove("exp")))).singleElement().asString().contains("no exp");
		assertThat(problems(jwt -> jwt.claims(c -> c.remove("sub")))).singleElement().asString().contains("no sub");
		assertThat(problems(jwt -> jwt.subject(" "))).singleElement().asString().contains("no sub");
	}

	@Test
	void theServicesOwnActorsAreNoTokensSubject() {
		for (String reserved : List.of("system", "SYSTEM", " system ", "retirement")) {
			assertThat(problems(jwt -> jwt.subject(reserved))).as(reserved)
				.singleElement()
				.asString()
				.contains("reserved");
		}
	}

	@Test
	void aPublicKeyOrJwkSetWithoutAnIssuerStopsTheStart() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:key.pem");
		assertThatIllegalStateException()
			.isThrownBy(() -> SecurityConfiguration.tokenRules(properties(null), environment))
			.withMessageContaining("policygraph.security.issuer");
		MockEnvironment jwks = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://id.city.example/jwks");
		assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.tokenRules(properties(null), jwks));
	}

	@Test
	void anIssuerDifferentFromTheIssuerUriStopsTheStart() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.city.example");
		assertThatIllegalStateException().isThrownBy(
				() -> SecurityConfiguration.tokenRules(properties("https://id.elsewhere.example"), environment));
	}

	@Test
	void theAudienceDefaultsToPolicygraph() {
		assertThat(properties(null).audience()).isEqualTo("policygraph");
	}

	static SecurityProperties properties(String issuer) {
		return new SecurityProperties(null, null, null, null, issuer, null);
	}

	static List<String> problems(UnaryOperator<Jwt.Builder> change) {
		Jwt.Builder jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer("https://id.city.example")
			.audience(List.of("policygraph"))
			.subject("officer-rules")
			.issuedAt(NOW.minus(Duration.ofHours(2)))
			.notBefore(NOW.minus(Duration.ofHours(2)))
			.expiresAt(NOW.plus(Duration.ofHours(1)));
		return RULES.validate(change.apply(jwt).build()).getErrors().stream().map(OAuth2Error::getDescription).toList();
	}

}
