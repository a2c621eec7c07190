package org.policygraph.bench;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

/**
 * One question of the benchmark, asked three ways for the same answer: of PolicyGraph's
 * GraphQL API, of {@code @neo4j/graphql} over
 * {@code bench/neo4j-graphql/typeDefs.graphql}, and as hand-written Cypher. Each way
 * turns its answer into the same JSON (PolicyGraph's shape), which the benchmark compares
 * before timing.
 *
 * @param name short name used in the results
 * @param question what is asked, for the results
 * @param policyGraph the GraphQL document for PolicyGraph
 * @param policyGraphVariables its variables for the parameters
 * @param fromPolicyGraph PolicyGraph's {@code data} to the common JSON
 * @param peer the GraphQL document for {@code @neo4j/graphql}
 * @param peerVariables its variables for the parameters
 * @param fromPeer the peer's {@code data} to the common JSON
 * @param cypher the hand-written way: Cypher through the driver, straight to the common
 * JSON
 */
record BenchQuery(String name, String question, String policyGraph,
		Function<Parameters, Map<String, Object>> policyGraphVariables, Function<JsonNode, JsonNode> fromPolicyGraph,
		String peer, Function<Parameters, Map<String, Object>> peerVariables, Function<JsonNode, JsonNode> fromPeer,
		BiFunction<Driver, Parameters, JsonNode> cypher) {

	/**
	 * What the questions are asked about: ids picked from municipality 1 before timing,
	 * so every scale asks about the same nodes, and each server's own cursor for the end
	 * of page 4 of the program connection.
	 */
	record Parameters(String planId, String pillarId, String programId, String kpiId, String searchText, int fiscalYear,
			Map<Server, String> page4EndCursor) {

		Parameters withCursors(Map<Server, String> cursors) {
			return new Parameters(this.planId, this.pillarId, this.programId, this.kpiId, this.searchText,
					this.fiscalYear, cursors);
		}

	}

	/**
	 * The ways of answering: PolicyGraph (its answer cache off), the peer, hand-written
	 * Cypher called in-process and behind a minimal HTTP server, and, when asked for,
	 * PolicyGraph with its answer cache on.
	 */
	enum Server {

		POLICYGRAPH("PolicyGraph"), PEER("@neo4j/graphql"), CYPHER("hand-written Cypher"),
		CYPHER_HTTP("hand-written Cypher over HTTP"), POLICYGRAPH_CACHED("PolicyGraph, answer cache on");

		final String title;

		Server(String title) {
			this.title = title;
		}

		/** PolicyGraph's GraphQL API, whichever its answer cache. */
		boolean policyGraph() {
			return this == POLICYGRAPH || this == POLICYGRAPH_CACHED;
		}

	}

}
