package org.policygraph.kpi;

import org.policygraph.reading.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How indicators found by id or by search become API records. */
@Configuration(proxyBeanMethods = false)
class KpiNodeReaders {

	@Bean
	NodeReader kpiReader() {
		return NodeReader.of("Kpi", Kpi.class, Kpi::of);
	}

}
