package org.policygraph.graph;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.policygraph.embedded.EmbeddedNeo4jServer;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;
import org.policygraph.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

@LongTest
class ExternalModeIT {

	@BeforeAll
	static void seedTheExternalServer() {
		TestNeo4j.reset();
		try (var driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
				var session = driver.session()) {
			session.run("""
					CREATE (plan:Plan {key: 'plan-shin-vision', name: '北九州市新ビジョン', kind: 'VISION', ordinal: 1,
					        sourceId: 'shin-vision-r8-programs', section: 'all'})
					CREATE (plan)-[:HAS_PILLAR {ordinal: 1}]->(:Pillar {key: 'pil-sv-1', name: '稼げるまち', ordinal: 1,
					        sourceId: 'shin-vision-r8-programs', section: 'Ⅰ'})""").consume();
		}
	}

	@Test
	void healthReportsNeo4jDownWhenTheServerGoesAway() {
		Neo4j server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		try (RunningService service = RunningService.start("spring.neo4j.uri=" + server.boltURI(),
				"spring.neo4j.authentication.username=neo4j", "spring.neo4j.authentication.password=")) {
			assertThat(service.get("/actuator/health")).contains("\"neo4j\":{").contains("\"status\":\"UP\"");
			server.close();
			assertThat(service.get("/actuator/health")).contains("\"status\":\"DOWN\"");
		}
		finally {
			server.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "bolt", "neo4j" })
	void aConfiguredUriUsesThatServerAndStartsNoEmbeddedOne(String scheme) {
		String uri = TestNeo4j.boltUri().toString().replaceFirst("^bolt", scheme);
		try (RunningService service = RunningService.start("spring.neo4j.uri=" + uri,
				"spring.neo4j.authentication.username=neo4j", "spring.neo4j.authentication.password=")) {
			assertThat(service.context().getBeansOfType(EmbeddedNeo4jServer.class)).isEmpty();
			assertThat(service.graphQl("{ pillars { name } }"))
				.isEqualTo("{\"data\":{\"pillars\":[{\"name\":\"稼げるまち\"}]}}");
			assertThat(service.get("/actuator/health")).contains("\"neo4j\":{").contains("\"status\":\"UP\"");
		}
	}

}
