package org.policygraph.search;

import org.neo4j.driver.Driver;
import org.policygraph.graph.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

@Configuration(proxyBeanMethods = false)
class SearchTextConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SearchTextConfiguration.class);

	/**
	 * After the packaged dataset is loaded into an empty store (order 10): a store
	 * written before the search text was kept gets it before the first request, so
	 * searches and text filters find its nodes as they find new ones.
	 */
	@Bean
	@Order(30)
	StartupTask keepSearchText(Driver driver, DatabaseSelectionProvider databaseSelection) {
		return StartupTask.upgrade(driver, databaseSelection, SearchTexts::keepMissing,
				kept -> log.info("Kept the search text of {} nodes written before it was kept", kept));
	}

}
