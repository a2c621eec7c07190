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
 * A test of the whole service against the test JVM's in-process Neo4j, starting from an
 * empty graph (or from the packaged dataset, with {@link PackagedDataset}). Test classes
 * load the data they need.
 * <p>
 * Every class with this annotation and nothing else that configures Spring shares one
 * application context: the driver is always recorded ({@link RecordingDriver}, which only
 * watches). A class that adds {@code @TestPropertySource},
 * {@code @DynamicPropertySource}, {@code @Import}, {@code @ActiveProfiles} or a mocked
 * bean gets a context of its own, started again (10 to 30 s on a loaded machine): keep
 * those for tests of that very setting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ResetGraphExtension.class)
// The time limits stay out of tests that do not test them: on a loaded 2-core machine a
// plain query can take
// longer than 10 s. SlowQueryIT and RequestTimeLimitTests test the limits with their own
// values.
// the retirement scheduler stays off: its statements would land in the tests that count
// statements and
// transactions; tests of retirement call Retirements.apply themselves
@SpringBootTest(properties = { "policygraph.limits.request-timeout=120s", "policygraph.limits.transaction-timeout=110s",
		"policygraph.retirements.enabled=false" })
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ContextConfiguration(initializers = TestNeo4jInitializer.class)
@Import(RecordingDriverConfiguration.class)
public @interface PolicyGraphIntegrationTest {

}
