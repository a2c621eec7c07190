package org.policygraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@link PolicyGraphIntegrationTest} whose service trusts {@link TestTokens}' identity
 * provider, so that editors can write: the same settings, plus
 * {@link TestTokensInitializer}. Every class with this annotation and nothing else that
 * configures Spring shares one application context (a {@code @DynamicPropertySource}
 * method calling {@link TestTokens#register} would give each class a context of its own).
 * Without a token issuer the service refuses every change, which
 * {@link PolicyGraphIntegrationTest} classes may test, so the two stay apart.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ResetGraphExtension.class)
// as PolicyGraphIntegrationTest: no time limits, no retirement scheduler
@SpringBootTest(properties = { "policygraph.limits.request-timeout=120s", "policygraph.limits.transaction-timeout=110s",
		"policygraph.retirements.enabled=false" })
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ContextConfiguration(initializers = { TestNeo4jInitializer.class, TestTokensInitializer.class })
@Import(RecordingDriverConfiguration.class)
public @interface PolicyGraphEditorTest {

}
