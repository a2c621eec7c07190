package org.policygraph.security;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Local development: tokens signed by the local key pair ({@link DevSigningKey}) with
 * issuer {@value SecurityProperties#DEV_ISSUER} and the configured audience, minted by
 * {@code java src/dev/MintToken.java}, held to the same {@link TokenRules} as any other
 * profile's. Never active unless the {@code dev} profile is asked for.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DevSecurityConfiguration.class);

	@Bean
	JwtDecoder devJwtDecoder(SecurityProperties properties) {
		Path directory = Path.of(properties.devKeyDir());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(DevSigningKey.publicKey(directory)).build();
		// the library's defaults (typ, X.509 thumbprint) and the service's rules, as Boot
		// builds them in other profiles
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
				TokenRules.of(SecurityProperties.DEV_ISSUER, properties.audience())));
		log.warn("dev profile: accepting tokens signed by the local key in {}; mint one with "
				+ "'java src/dev/MintToken.java <name>'", directory.toAbsolutePath());
		return decoder;
	}

}
