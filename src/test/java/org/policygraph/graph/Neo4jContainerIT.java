package org.policygraph.graph;

import org.junit.jupiter.api.Test;
import org.policygraph.support.LongTest;
import org.policygraph.support.RequiresDocker;
import org.policygraph.support.RunningService;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a real Neo4j server in a container; skipped, with the reason, where
 * no Docker engine runs.
 */
@RequiresDocker
@Testcontainers
@LongTest
class Neo4jContainerIT {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("policygraph-test");

	@Test
	void loadsTheDatasetIntoAServerAndServesIt() {
		try (RunningService service = RunningService.start("spring.neo4j.uri=" + neo4j.getBoltUrl(),
				"spring.neo4j.authentication.username=neo4j",
				"spring.neo4j.authentication.password=policygraph-test")) {
			service.context().getBean(org.policygraph.importing.DatasetImporter.class).importPackagedDataset(false);
			assertThat(service.graphQl("{ pillars { name } }")).contains("稼げるまち", "彩りあるまち", "安らぐまち");
			assertThat(service.get("/actuator/health")).contains("\"status\":\"UP\"");
		}
	}

}
