package org.policygraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.policygraph.graph.StartupTask;
import org.policygraph.model.SearchText;
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
	 * The nodes written before the search text was kept (the labels of the full-text
	 * index).
	 */
	private static final String WITHOUT_SEARCH_TEXT = """
			MATCH (n:Plan|Pillar|Measure|Program|Kpi|Organization|PartnerBody|Facility|PolicyIssue)
			WHERE n.searchName IS NULL AND (n.name IS NOT NULL OR n.title IS NOT NULL)
			RETURN elementId(n) AS node, properties(n) AS properties,
			       [(n)-[:HAS_ALIAS]->(a:Alias) | a.name] AS aliases""";

	private static final String SET_SEARCH_TEXT = """
			UNWIND $rows AS row
			MATCH (n) WHERE elementId(n) = row.node
			SET n += row.search""";

	/**
	 * After the packaged dataset is loaded into an empty store (order 10): a store
	 * written before the search text was kept gets it before the first request, so
	 * searches and text filters find its nodes as they find new ones.
	 */
	@Bean
	@Order(30)
	StartupTask keepSearchText(Driver driver, DatabaseSelectionProvider databaseSelection) {
		return StartupTask.upgrade(driver, databaseSelection, SearchTextConfiguration::keep,
				kept -> log.info("Kept the search text of {} nodes written before it was kept", kept));
	}

	static int keep(TransactionContext tx) {
		List<Map<String, Object>> rows = new ArrayList<>();
		tx.run(WITHOUT_SEARCH_TEXT).forEachRemaining(row -> {
			Map<String, Object> search = new HashMap<>(SearchText.properties(row.get("properties").asMap(),
					row.get("aliases").asList(value -> value.asString())));
			rows.add(Map.of("node", row.get("node").asString(), "search", search));
		});
		if (!rows.isEmpty()) {
			tx.run(SET_SEARCH_TEXT, Map.of("rows", rows)).consume();
		}
		return rows.size();
	}

}
