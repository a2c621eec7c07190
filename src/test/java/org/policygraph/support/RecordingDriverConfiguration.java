package org.policygraph.support;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Import into a test to have the service's driver recorded by {@link RecordingDriver}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingDriverConfiguration {

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
