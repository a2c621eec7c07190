package org.policygraph.kpi;

import org.policygraph.system.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How indicators found by id or by search become API records. */
@Configuration(proxyBeanMethods = false)
class KpiNodeReaders {

	@Bean
	NodeReader kpiReader() {
		return new NodeReader("Kpi", Kpi::of);
	}

}
