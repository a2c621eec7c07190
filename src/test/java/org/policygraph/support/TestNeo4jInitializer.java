package org.policygraph.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Points the service at the test JVM's in-process Neo4j (external mode over
 * {@code bolt://}). It runs before the service's own initializers:
 * embedded/EmbeddedNeo4jStartup starts an embedded Neo4j when it finds no URI, and did
 * so, unused and in the background, in each test JVM (up to 80 s of a loaded machine's
 * CPU; later contexts' attempts failed on its store lock).
 */
public class TestNeo4jInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.neo4j.uri=" + TestNeo4j.boltUri(), "spring.neo4j.authentication.username=neo4j",
					"spring.neo4j.authentication.password=")
			.applyTo(context);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
