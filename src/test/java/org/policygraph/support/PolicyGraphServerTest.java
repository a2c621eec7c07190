package org.policygraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service on a real port (Tomcat's own parsing, connections, raw
 * sockets), with its default limits, against the test JVM's in-process Neo4j, starting
 * from an empty graph (or from the packaged dataset, with {@link PackagedDataset});
 * {@link TestTokens}' identity provider is trusted. The classes with this annotation
 * share one application context, the second of the fast tier after
 * {@link PolicyGraphIntegrationTest}'s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ResetGraphExtension.class)
// the retirement scheduler stays off: the context stays cached while other classes run,
// and its writes would land
// in their graph
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "policygraph.retirements.enabled=false")
@ContextConfiguration(initializers = { TestNeo4jInitializer.class, TestTokensInitializer.class })
public @interface PolicyGraphServerTest {

}
