package org.policygraph.system;

import org.neo4j.driver.Driver;
import org.policygraph.graph.StartupTask;
import org.policygraph.kpi.KpiStatuses;
import org.policygraph.program.BudgetRollups;
import org.policygraph.search.SearchTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * What a store written by an earlier version is given before the first request, in this
 * order, each in a write transaction of its own: what is kept on the graph that such a
 * store lacks or kept by an earlier rule.
 */
@Configuration(proxyBeanMethods = false)
class StoreUpgrades {

	private static final Logger log = LoggerFactory.getLogger(StoreUpgrades.class);

	/**
	 * After the packaged dataset is loaded into an empty store (order 10): the statuses
	 * of indicators judged before they were kept, or by an earlier rule, are judged
	 * again; then nodes written before the search text was kept get it, so that searches
	 * and text filters find them as they find new ones; then plans, pillars and
	 * organizations without kept budget totals, or with totals of an earlier version, get
	 * them.
	 */
	@Bean
	@Order(20)
	StartupTask upgradeStore(Driver driver, DatabaseSelectionProvider databaseSelection) {
		StartupTask kpiStatuses = StartupTask.upgrade(driver, databaseSelection, KpiStatuses::judgeOutdated,
				judged -> log.info("Judged the status of {} indicators by {}", judged, KpiStatuses.RULE));
		StartupTask searchText = StartupTask.upgrade(driver, databaseSelection, SearchTexts::keepMissing,
				kept -> log.info("Kept the search text of {} nodes written before it was kept", kept));
		StartupTask budgetRollups = StartupTask.upgrade(driver, databaseSelection, BudgetRollups::computeOutdated,
				computed -> log.info("Computed the budget totals of {} plans, pillars and organizations", computed));
		return () -> {
			kpiStatuses.run();
			searchText.run();
			budgetRollups.run();
		};
	}

}
