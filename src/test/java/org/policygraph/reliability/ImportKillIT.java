package org.policygraph.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.bench.MunicipalityGenerator;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.reliability.FaultHarness.HTTP;

/**
 * The packaged service killed with SIGKILL in the middle of a large upload
 * ({@code POST /imports} of a whole synthetic municipality in the dataset's CSV format,
 * thousands of nodes in one transaction that takes seconds to write), then started again
 * on the same store: the store opens, and the graph is exactly as it was before the
 * upload or exactly as a completed import leaves it, never anything in between.
 * <p>
 * "Exactly as a completed import leaves it" is checked two ways: every line of the
 * graph's fingerprint that the municipality's keys do not name is the same as before, and
 * a dry run of the same upload finds nothing to create or update (it would count any
 * node, relationship or property the import has not written).
 */
@LongTest
class ImportKillIT {

	/**
	 * A municipality of 90 programs: 5,733 nodes and relationships created in one
	 * transaction with the change record, which takes seconds to write even on an idle
	 * machine.
	 */
	static final MunicipalityGenerator.Shape SHAPE = new MunicipalityGenerator.Shape(12, 90, 12, 2);

	static final MunicipalityGenerator GENERATOR = new MunicipalityGenerator(8, SHAPE);

	static final Pattern WRITING = Pattern.compile("Importing dataset (\\S+): validated in \\d+ ms, writing");

	enum Outcome {

		AS_BEFORE, WHOLLY_IMPORTED

	}

	@TempDir
	Path scratch;

	/**
	 * One import runs to completion (answered 200), then a second is killed while it
	 * writes. After the restart the first is there exactly as it was answered (seconds
	 * old, so most likely only in Neo4j's transaction log, from which the restart
	 * recovers it), and the second is wholly absent or wholly there.
	 */
	@Test
	void killedWhileAnImportWritesTheStoreOpensWithEarlierImportsWholeAndThisOneAbsentOrWhole() throws Exception {
		Path first = GENERATOR.write(this.scratch.resolve("upload"), 1).folder();
		Path second = GENERATOR.write(this.scratch.resolve("upload"), 2).folder();
		Path data = this.scratch.resolve("neo4j");
		Path keys = this.scratch.resolve("keys");
		Path log = FaultHarness.LOGS.resolve("import-kill.log");
		List<String> before;
		long changesBefore;
		String firstRunId;
		boolean committedBeforeTheKill;
		// the store starts empty (the first upload is its whole graph), which spares the
		// curated dataset's load
		try (ServiceProcess service = FaultHarness.startEmbedded("import-kill.log", data, keys, 0,
				"--policygraph.embedded.load-dataset=false");
				Driver neo4j = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
			String token = SoakIT.mintEditorToken(keys);
			HttpResponse<String> completed = HTTP.send(FaultHarness.upload(service, token, first, false),
					HttpResponse.BodyHandlers.ofString());
			assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
			firstRunId = FaultHarness.json(completed.body()).get("importRun").get("id").asString();
			before = GraphFingerprint.of(neo4j);
			changesBefore = importChanges(neo4j);

			long from = FaultHarness.logSize(log);
			HTTP.sendAsync(FaultHarness.upload(service, token, second, false), HttpResponse.BodyHandlers.ofString());
			String runId = FaultHarness.awaitLog(log, from, WRITING, Duration.ofMinutes(2)).group(1);
			long writing = awaitTransactionOpenFor(neo4j, Duration.ofSeconds(1));
			service.kill();
			committedBeforeTheKill = FaultHarness.findInLog(log, from, imported(runId)) != null;
			System.out.printf("import killed after its transaction had been open for %d ms%n", writing);
		}
		try (ServiceProcess service = FaultHarness.startEmbedded("import-kill-restart.log", data, keys, 0);
				Driver neo4j = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
			Outcome outcome = outcome(service, neo4j, SoakIT.mintEditorToken(keys), before, changesBefore, second);
			System.out.println("import killed while writing: " + outcome);
			if (committedBeforeTheKill) {
				assertThat(outcome).isEqualTo(Outcome.WHOLLY_IMPORTED);
			}
			try (var session = neo4j.session()) {
				assertThat(session
					.run("MATCH (c:Change {id: $id, operation: 'import'})-[:CHANGED]->() RETURN count(*) AS n",
							Map.of("id", firstRunId))
					.single()
					.get("n")
					.asLong()).as("the completed import's change record, written in its transaction").isPositive();
			}
		}
	}

	static long importChanges(Driver neo4j) {
		try (var session = neo4j.session()) {
			return session.run("MATCH (c:Change {operation: 'import'}) RETURN count(c) AS n")
				.single()
				.get("n")
				.asLong();
		}
	}

	static Pattern imported(String runId) {
		return Pattern.compile("Imported dataset " + Pattern.quote(runId) + ":");
	}

	/**
	 * Waits until a transaction other than the probe's own has been open for at least
	 * {@code open}, and returns how long it had been.
	 */
	static long awaitTransactionOpenFor(Driver neo4j, Duration open) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		try (var session = neo4j.session()) {
			while (Instant.now().isBefore(deadline)) {
				long longest = session.run("""
						SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime
						WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
						RETURN coalesce(max(elapsedTime.milliseconds), -1) AS ms""").single().get("ms").asLong();
				if (longest >= open.toMillis()) {
					return longest;
				}
				Thread.sleep(50);
			}
		}
		throw new AssertionError("the import's transaction was not seen open for " + open);
	}

	/**
	 * Which whole state the graph is in; fails when it is neither. The municipality's
	 * keys all start with its prefix (m001-, m002-), so the lines of the fingerprint that
	 * do not name it are the graph as it was.
	 */
	static Outcome outcome(ServiceProcess service, Driver neo4j, String token, List<String> before, long changesBefore,
			Path upload) throws Exception {
		List<String> now = GraphFingerprint.of(neo4j);
		if (now.equals(before)) {
			assertThat(importChanges(neo4j)).as("import change records when the graph is as before")
				.isEqualTo(changesBefore);
			return Outcome.AS_BEFORE;
		}
		assertThat(importChanges(neo4j)).as("import change records when the import is there")
			.isEqualTo(changesBefore + 1);
		String prefix = upload.getFileName() + "-";
		assertThat(now.stream().filter(line -> !line.contains(prefix)).toList())
			.as("the graph apart from the imported municipality")
			.isEqualTo(before);
		HttpResponse<String> dryRun = HTTP.send(FaultHarness.upload(service, token, upload, true),
				HttpResponse.BodyHandlers.ofString());
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		JsonNode counts = FaultHarness.json(dryRun.body()).get("importRun").get("counts");
		assertThat(counts.size()).isPositive();
		for (JsonNode count : counts) {
			assertThat(count.get("created").asLong() + count.get("updated").asLong())
				.as("what a dry run would still write of %s %s", count.get("kind").asString(),
						count.get("name").asString())
				.isZero();
		}
		return Outcome.WHOLLY_IMPORTED;
	}

}
