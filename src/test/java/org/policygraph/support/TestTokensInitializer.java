package org.policygraph.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes the service trust {@link TestTokens}' identity provider, as
 * {@link TestTokens#register} does, but as part of a shared test annotation
 * ({@link PolicyGraphServerTest}): a {@code @DynamicPropertySource} method is part of
 * Spring's context cache key, so each class that declares one gets a context of its own.
 */
public class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER)
			.applyTo(context);
	}

}
