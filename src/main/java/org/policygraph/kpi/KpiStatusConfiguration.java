package org.policygraph.kpi;

import org.neo4j.driver.Driver;
import org.policygraph.graph.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

@Configuration(proxyBeanMethods = false)
class KpiStatusConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KpiStatusConfiguration.class);

	/**
	 * After the packaged dataset is loaded into an empty store (order 10): a store
	 * written before the statuses were kept, or by an earlier rule, is judged again
	 * before the first request.
	 */
	@Bean
	@Order(20)
	StartupTask judgeOutdatedKpiStatuses(Driver driver, DatabaseSelectionProvider databaseSelection) {
		return StartupTask.upgrade(driver, databaseSelection, KpiStatuses::judgeOutdated,
				judged -> log.info("Judged the status of {} indicators by {}", judged, KpiStatuses.RULE));
	}

}
