package org.policygraph.graph;

import java.util.List;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * Prepares the graph before the web server takes requests: applies the schema, then runs
 * the start-up tasks (such as the embedded mode's first data load) in their order.
 */
@Component
class GraphStartup implements SmartInitializingSingleton {

	private final GraphSchema schema;

	private final ObjectProvider<StartupTask> tasks;

	GraphStartup(Driver driver, DatabaseSelectionProvider databaseSelection,
			@Value("classpath:cypher/schema.cypher") Resource schemaScript, ObjectProvider<StartupTask> tasks) {
		this.schema = new GraphSchema(driver, databaseSelection, schemaScript);
		this.tasks = tasks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.schema.apply();
		List<StartupTask> ordered = this.tasks.orderedStream().toList();
		ordered.forEach(StartupTask::run);
	}

}
