package org.policygraph.graph;

import java.util.Set;

import org.neo4j.driver.NotificationClassification;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver's settings beyond Boot's properties ({@code spring.neo4j.*}).
 */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

	/**
	 * No "unrecognized" notifications: the service's statements name every property and
	 * relationship type the model has, and a graph without one yet (no monthly
	 * observation, say, or an empty database) made Neo4j warn and Spring Data Neo4j log
	 * the whole statement on every read of it; on generated data, tens of thousands of
	 * log lines a minute (bench/FINDINGS.md). Other notifications (deprecations,
	 * performance hints) still come. Needs Neo4j 5.7 or newer.
	 */
	@Bean
	ConfigBuilderCustomizer noUnrecognizedNotifications() {
		return builder -> builder
			.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
	}

}
