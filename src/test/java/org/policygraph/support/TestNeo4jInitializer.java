package org.policygraph.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service at the test JVM's in-process Neo4j (external mode over {@code bolt://}). */
public class TestNeo4jInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.neo4j.uri=" + TestNeo4j.boltUri(), "spring.neo4j.authentication.username=neo4j",
				"spring.neo4j.authentication.password=")
			.applyTo(context);
	}

}
