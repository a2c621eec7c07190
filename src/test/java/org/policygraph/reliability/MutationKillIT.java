package org.policygraph.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.policygraph.model.FiscalYears;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service killed with SIGKILL in the middle of a burst of mutations from
 * several editors at once (each a program upsert, its budget, and a target of the
 * editor's own KPI), then started again on the same store. Every mutation answered 200
 * without errors is there with its change record; every node the burst wrote has its
 * change record and every change record its node (a mutation and its record are one
 * transaction); a mutation whose answer the kill cut off is wholly there or wholly
 * absent.
 */
@LongTest
class MutationKillIT {

	static final int EDITORS = 4;

	/**
	 * Mutations answered before the kill: enough that every editor is well into its
	 * burst.
	 */
	static final int ACKNOWLEDGED_BEFORE_KILL = 60;

	/**
	 * Targets are for fiscal years 1989 upwards, one a round; the API takes years up to
	 * 30 ahead of now.
	 */
	static final int FIRST_YEAR = 1989;

	static final int ROUNDS = 60;

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	/** A mutation sent: what it writes, and whether its answer came back. */
	record Sent(String operation, String nodeKey, Object expected, String changeId) {
	}

	@TempDir
	Path scratch;

	@Test
	void afterAKillMidBurstEveryAnsweredMutationIsThereAndEveryWriteHasItsChangeRecord() throws Exception {
		Path data = this.scratch.resolve("neo4j");
		Path keys = this.scratch.resolve("keys");
		ConcurrentLinkedQueue<Sent> acknowledged = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Sent> cutOff = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
		AtomicInteger inFlight = new AtomicInteger();
		try (ServiceProcess service = FaultHarness.startEmbedded("mutation-kill.log", data, keys, 0)) {
			String token = SoakIT.mintEditorToken(keys);
			for (int e = 1; e <= EDITORS; e++) {
				JsonNode kpi = send(service, token, "upsert-kpi", Map.of("input", Map.of("id", kpi(e), "name",
						"中断試験指標" + e, "unit", "%", "direction", "HIGHER_IS_BETTER", "source", SOURCE)));
				assertThat(kpi.path("errors").isMissingNode()).as(kpi.toString()).isTrue();
			}
			ExecutorService editors = Executors.newFixedThreadPool(EDITORS);
			for (int e = 1; e <= EDITORS; e++) {
				int editor = e;
				editors.submit(() -> burst(service, token, editor, acknowledged, cutOff, refused, inFlight));
			}
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL || inFlight.get() == 0) {
				assertThat(Instant.now()).as("%d mutations answered by now", acknowledged.size()).isBefore(deadline);
				assertThat(refused).as("refused mutations").isEmpty();
				Thread.sleep(20);
			}
			service.kill();
			editors.shutdown();
			assertThat(editors.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(refused).as("refused mutations").isEmpty();
		assertThat(cutOff).as("mutations whose answer the kill cut off").isNotEmpty();

		try (ServiceProcess service = FaultHarness.startEmbedded("mutation-kill-restart.log", data, keys, 0);
				Driver neo4j = GraphDatabase.driver(service.boltUri(), service.boltAuth());
				var session = neo4j.session()) {
			for (Sent sent : acknowledged) {
				List<Record> written = session
					.run("""
							MATCH (c:Change {id: $change, operation: $operation})-[:CHANGED]->(n {key: $key})
							RETURN n.summary AS summary, n.amountYen AS amountYen, n.value AS value""",
							Map.of("change", sent.changeId(), "operation", sent.operation(), "key", sent.nodeKey()))
					.list();
				assertThat(written)
					.as("%s of %s, answered before the kill, with its change record", sent.operation(), sent.nodeKey())
					.hasSize(1);
				Record node = written.getFirst();
				Object value = switch (sent.operation()) {
					case "upsertProgram" -> node.get("summary").asString();
					case "setBudget" -> node.get("amountYen").asLong();
					default -> node.get("value").asDouble();
				};
				assertThat(value).isEqualTo(sent.expected());
			}
			assertThat(session
				.run("""
						MATCH (p:Program) WHERE p.key STARTS WITH 'prog-kill-'
						  AND NOT EXISTS { (:Change {operation: 'upsertProgram'})-[:CHANGED {action: 'CREATED'}]->(p) }
						RETURN p.key AS key
						UNION
						MATCH (b:Budget) WHERE b.key STARTS WITH 'prog-kill-'
						  AND NOT EXISTS { (:Change {operation: 'setBudget'})-[:CHANGED]->(b) }
						RETURN b.key AS key
						UNION
						MATCH (b:Budget) WHERE b.key STARTS WITH 'prog-kill-' AND NOT EXISTS { (:Program)-[:HAS_BUDGET]->(b) }
						RETURN b.key AS key
						UNION
						MATCH (o:Observation) WHERE o.key STARTS WITH 'kpi-kill-'
						  AND NOT EXISTS { (:Change {operation: 'recordObservation'})-[:CHANGED]->(o) }
						RETURN o.key AS key
						UNION
						MATCH (o:Observation) WHERE o.key STARTS WITH 'kpi-kill-' AND NOT EXISTS { (:Kpi)-[:HAS_OBSERVATION]->(o) }
						RETURN o.key AS key""")
				.list(r -> r.get("key").asString()))
				.as("nodes written without their change record, or without their link")
				.isEmpty();
			assertThat(session.run("""
					MATCH (c:Change) WHERE c.actor STARTS WITH 'soak@' AND NOT (c)-[:CHANGED]->()
					RETURN c.id AS id""").list(r -> r.get("id").asString()))
				.as("change records without the change they record")
				.isEmpty();
			Map<String, Object> counts = session.run("""
					MATCH (c:Change) WHERE c.actor STARTS WITH 'soak@'
					RETURN count(CASE c.operation WHEN 'upsertProgram' THEN 1 END) AS programChanges,
					       count(CASE c.operation WHEN 'setBudget' THEN 1 END) AS budgetChanges,
					       count(CASE c.operation WHEN 'recordObservation' THEN 1 END) AS observationChanges,
					       COUNT { MATCH (p:Program) WHERE p.key STARTS WITH 'prog-kill-' } AS programs,
					       COUNT { MATCH (b:Budget) WHERE b.key STARTS WITH 'prog-kill-' } AS budgets,
					       COUNT { MATCH (o:Observation) WHERE o.key STARTS WITH 'kpi-kill-' } AS observations""")
				.single()
				.asMap();
			assertThat(counts.get("programs")).as("programs, one change record each")
				.isEqualTo(counts.get("programChanges"));
			assertThat(counts.get("budgets")).as("budgets, one change record each")
				.isEqualTo(counts.get("budgetChanges"));
			assertThat(counts.get("observations")).as("targets, one change record each")
				.isEqualTo(counts.get("observationChanges"));

			long cutOffThere = cutOff.stream()
				.filter(sent -> session.run("MATCH (n {key: $key}) RETURN count(n) AS n", Map.of("key", sent.nodeKey()))
					.single()
					.get("n")
					.asLong() > 0)
				.count();
			System.out.printf(
					"mutation burst killed: %d answered (all there), %d cut off (%d wholly there, %d wholly absent); %s%n",
					acknowledged.size(), cutOff.size(), cutOffThere, cutOff.size() - cutOffThere, counts);
		}
	}

	/**
	 * One editor's burst: per round a new program, its budget, and a target of its KPI,
	 * each answered in turn.
	 */
	static void burst(ServiceProcess service, String token, int editor, ConcurrentLinkedQueue<Sent> acknowledged,
			ConcurrentLinkedQueue<Sent> cutOff, ConcurrentLinkedQueue<String> refused, AtomicInteger inFlight) {
		for (int round = 0; round < ROUNDS; round++) {
			String program = "prog-kill-" + editor + "-" + round;
			String summary = "kill-test-" + editor + "-" + round;
			String amount = (1000 + round) + "千円";
			long amountYen = (1000 + round) * 1000L;
			String figure = (10 + round) + "%";
			double value = 10 + round;
			int year = FIRST_YEAR + round;
			List<Object[]> mutations = new ArrayList<>();
			mutations.add(new Object[] { "upsertProgram", "upsert-program", program, summary,
					Map.of("input", Map.of("id", program, "name", "中断試験事業", "summary", summary, "source", SOURCE)) });
			mutations.add(new Object[] { "setBudget", "set-budget", program + "|2026", amountYen, Map.of("input",
					Map.of("programId", program, "fiscalYear", 2026, "amount", amount, "source", SOURCE)) });
			mutations.add(new Object[] { "recordObservation", "record-observation",
					String.join("|", kpi(editor), "TARGET", "ANNUAL", FiscalYears.label(year), SOURCE.get("sourceId")),
					value, Map.of("input", Map.of("kpiId", kpi(editor), "kind", "TARGET", "targetType", "ANNUAL",
							"fiscalYear", year, "figure", figure, "source", SOURCE)) });
			for (Object[] m : mutations) {
				String operation = (String) m[0];
				@SuppressWarnings("unchecked")
				Map<String, Object> variables = (Map<String, Object>) m[4];
				inFlight.incrementAndGet();
				HttpResponse<String> answer;
				try {
					answer = FaultHarness.graphQl(service, token, (String) m[1], variables, Duration.ofMinutes(2));
				}
				catch (IOException killed) {
					cutOff.add(new Sent(operation, (String) m[2], m[3], null));
					return;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				finally {
					inFlight.decrementAndGet();
				}
				JsonNode body = (answer.statusCode() == 200) ? FaultHarness.json(answer.body()) : null;
				JsonNode payload = (body != null) ? body.path("data").path(operation) : null;
				if (body == null || !body.path("errors").isMissingNode() || !payload.path("changed").asBoolean()) {
					refused.add(operation + " " + m[2] + ": " + answer.statusCode() + " " + answer.body());
					return;
				}
				acknowledged
					.add(new Sent(operation, (String) m[2], m[3], payload.path("change").path("id").asString()));
			}
		}
	}

	static JsonNode send(ServiceProcess service, String token, String document, Map<String, Object> variables)
			throws IOException, InterruptedException {
		HttpResponse<String> response = FaultHarness.graphQl(service, token, document, variables,
				Duration.ofMinutes(2));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return FaultHarness.json(response.body());
	}

	static String kpi(int editor) {
		return "kpi-kill-" + editor;
	}

}
