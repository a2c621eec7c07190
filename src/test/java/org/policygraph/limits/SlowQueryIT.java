package org.policygraph.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A genuinely slow statement, run through the API, is stopped by Neo4j at the transaction
 * timeout: the client gets a TIMEOUT error, no transaction is left running, and the
 * service answers the next request.
 */
@PolicyGraphIntegrationTest
@TestPropertySource(
		properties = { "policygraph.limits.transaction-timeout=1s", "policygraph.limits.request-timeout=8s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowQueryIT {

	/** Organizations in each of the two chains. */
	static final int CHAIN = 20_000;

	/** Programs run by the lowest unit of the first chain. */
	static final int PROGRAMS = 2_000;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	/**
	 * Two chains of units, each inside the next, and programs run by the lowest unit of
	 * the first, all working with one partner body. Asking for the programs of that
	 * partner body run within the top of the first chain finds the programs from the
	 * partner body, then checks each of them against the organization filter by climbing
	 * the whole chain, CHAIN × PROGRAMS = 40 million steps: far longer than a second.
	 * (The second chain keeps the graph from being one path only.)
	 */
	@BeforeAll
	void buildTwoLongChainsOfUnits() {
		try (var session = this.driver.session()) {
			for (String chain : List.of("a", "b")) {
				session.run("""
						UNWIND range(0, $n - 1) AS i
						CREATE (:Organization {key: 'org-' + $chain + '-' + i, name: 'unit ' + i, kind: 'SECTION'})""",
						Map.of("n", CHAIN, "chain", chain))
					.consume();
				session.run("""
						UNWIND range(0, $n - 2) AS i
						MATCH (lower:Organization {key: 'org-' + $chain + '-' + i}),
						      (upper:Organization {key: 'org-' + $chain + '-' + (i + 1)})
						CREATE (lower)-[:PART_OF]->(upper)""", Map.of("n", CHAIN, "chain", chain)).consume();
			}
			session
				.run("""
						MATCH (lowest:Organization {key: 'org-a-0'})
						CREATE (partner:PartnerBody {key: 'pb-slow', name: 'partner'})
						WITH lowest, partner
						UNWIND range(1, $n) AS i
						CREATE (partner)<-[:WORKS_WITH]-(:Program {key: 'prog-' + i, name: 'program ' + i})-[:RUN_BY]->(lowest)""",
						Map.of("n", PROGRAMS))
				.consume();
		}
	}

	@Test
	void aSlowStatementEndsWithATimeoutAndLeavesNoTransactionRunning() {
		long started = System.nanoTime();
		List<ResponseError> errors = new ArrayList<>();
		this.graphQl.document(
				"query($top: ID!) { programs(where: { partnerBodyId: \"pb-slow\", organizationId: $top }) { totalCount } }")
			.variable("top", "org-a-" + (CHAIN - 1))
			.execute()
			.errors()
			.satisfy(errors::addAll);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT");
			assertThat(error.getMessage()).contains("policygraph.limits.transaction-timeout")
				.doesNotContain("MATCH", "Exception", "org.neo4j");
		});
		// it ran until the database stopped it, not into some other failure, and not for
		// as long as it would take
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(8));
		assertThat(runningTransactions()).isEmpty();

		// a query that does not climb the chains (this graph has no plans) is answered as
		// usual
		this.graphQl.document("{ plans { id } }").execute().path("plans").entityList(Object.class).hasSize(0);
	}

	/** Transactions other than the one asking. */
	private List<String> runningTransactions() {
		try (var session = this.driver.session()) {
			return session.run("""
					SHOW TRANSACTIONS YIELD transactionId, currentQuery
					WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
					RETURN transactionId + ': ' + currentQuery AS transaction""")
				.list(row -> row.get("transaction").asString());
		}
	}

}
