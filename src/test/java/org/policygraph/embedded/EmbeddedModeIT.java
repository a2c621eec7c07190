package org.policygraph.embedded;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LongTest
class EmbeddedModeIT {

	private static final String PILLARS = "{ pillars { name } }";

	private static final String EXPECTED_PILLARS = "{\"data\":{\"pillars\":[{\"name\":\"稼げるまち\"},{\"name\":\"彩りあるまち\"},{\"name\":\"安らぐまち\"}]}}";

	@TempDir
	Path dataDir;

	private RunningService startEmbedded() {
		return RunningService.start("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + this.dataDir,
				"policygraph.embedded.bolt-port=0");
	}

	@Test
	void startsNeo4jInProcessLoadsTheDatasetAndServesIt() {
		try (RunningService service = startEmbedded()) {
			assertThat(service.context().getBeansOfType(EmbeddedNeo4jServer.class)).hasSize(1);
			assertThat(service.graphQl(PILLARS)).isEqualTo(EXPECTED_PILLARS);
			assertThat(service.get("/actuator/health")).contains("\"neo4j\":{").contains("\"status\":\"UP\"");
		}
	}

	@Test
	void aRestartFindsTheDataExactlyAsItWas() {
		long nodesBefore;
		long relationshipsBefore;
		try (RunningService service = startEmbedded()) {
			var server = service.context().getBean(EmbeddedNeo4jServer.class);
			nodesBefore = count(server, "MATCH (n) RETURN count(n)");
			relationshipsBefore = count(server, "MATCH ()-[r]->() RETURN count(r)");
			// A change made over Bolt, as an analyst would make it, must survive too.
			count(server, "MATCH (p:Pillar {key: 'pil-sv-1'}) SET p.analystNote = 'checked' RETURN count(p)");
		}
		try (RunningService service = startEmbedded()) {
			var server = service.context().getBean(EmbeddedNeo4jServer.class);
			assertThat(count(server, "MATCH (n) RETURN count(n)")).isEqualTo(nodesBefore);
			assertThat(count(server, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationshipsBefore);
			assertThat(count(server, "MATCH (p:Pillar {key: 'pil-sv-1', analystNote: 'checked'}) RETURN count(p)"))
				.isOne();
			assertThat(service.graphQl(PILLARS)).isEqualTo(EXPECTED_PILLARS);
		}
	}

	@Test
	void boltPortZeroPicksAFreePortThatCypherClientsCanReach() {
		try (RunningService service = startEmbedded()) {
			var server = service.context().getBean(EmbeddedNeo4jServer.class);
			assertThat(server.boltUri().getPort()).isPositive().isNotEqualTo(7687);
			assertThat(count(server, "MATCH (p:Plan) RETURN count(p)")).isEqualTo(5);
		}
	}

	@Test
	void boltOnEveryInterfaceMustBeAskedForAndThenWorks() {
		assertThatThrownBy(
				() -> RunningService.start("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + this.dataDir,
						"policygraph.embedded.bolt-port=0", "policygraph.embedded.bolt-host=0.0.0.0"))
			.hasStackTraceContaining("policygraph.embedded.bolt-remote-access=true");
		try (RunningService service = RunningService.start("spring.neo4j.uri=",
				"policygraph.embedded.data-dir=" + this.dataDir, "policygraph.embedded.bolt-port=0",
				"policygraph.embedded.bolt-host=0.0.0.0", "policygraph.embedded.bolt-remote-access=true")) {
			var server = service.context().getBean(EmbeddedNeo4jServer.class);
			assertThat(server.boltUri().getHost()).isEqualTo("localhost");
			assertThat(count(server, "MATCH (p:Plan) RETURN count(p)")).isEqualTo(5);
			assertThat(service.graphQl(PILLARS)).isEqualTo(EXPECTED_PILLARS);
		}
	}

	private static long count(EmbeddedNeo4jServer server, String cypher) {
		try (var driver = GraphDatabase.driver(server.boltUri(), server.authToken()); var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
