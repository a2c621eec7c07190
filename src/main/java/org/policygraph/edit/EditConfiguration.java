package org.policygraph.edit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled retirements ({@link Retirements}) run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EditConfiguration {

}
