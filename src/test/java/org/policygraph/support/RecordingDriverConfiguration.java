package org.policygraph.support;

import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Import into a test to have the service's driver recorded by {@link RecordingDriver},
 * and its reads run in-process on the test JVM's Neo4j (recorded too), as they run in
 * embedded mode; {@code -Dpolicygraph.database.reads=driver} runs them through the driver
 * instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingDriverConfiguration {

	@Bean
	GraphDatabaseService testNeo4jInProcess() {
		return RecordingDriver.wrap(TestNeo4j.database());
	}

	@Bean
	static BeanPostProcessor recordingDriverPostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof Driver driver) ? RecordingDriver.wrap(driver) : bean;
			}
		};
	}

}
