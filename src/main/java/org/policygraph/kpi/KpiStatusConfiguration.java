package org.policygraph.kpi;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
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
		return () -> {
			String database = databaseSelection.getDatabaseSelection().getValue();
			try (var session = driver
				.session((database != null) ? SessionConfig.forDatabase(database) : SessionConfig.defaultConfig())) {
				int judged = session.executeWrite(KpiStatuses::judgeOutdated);
				if (judged > 0) {
					log.info("Judged the status of {} indicators by {}", judged, KpiStatuses.RULE);
				}
			}
		};
	}

}
