package org.policygraph.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import org.policygraph.kpi.KpiStatusRule;
import org.policygraph.kpi.Observation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seven questions of the benchmark. The hand-written Cypher is what a developer who
 * knows the model would write for the page at hand: one statement per question, anchored
 * on the unique key index, shaped with map projections and COLLECT subqueries into the
 * JSON the page needs. The KPI status is the one Java rule ({@link KpiStatusRule}) in
 * PolicyGraph and in the hand-written client, and its JavaScript port on the peer.
 */
final class BenchQueries {

	private BenchQueries() {
	}

	static List<BenchQuery> all() {
		return List.of(pillarKpis(), programDetail(), deepTree(), programPage(), search(), pillarBudgets(), kpiPaths());
	}

	static BenchQuery pillarKpis() {
		return new BenchQuery("pillar-kpis", "a pillar's distinct KPIs with their status", """
				query($id: ID!) { node(id: $id) { ... on Pillar { id name kpis { id name status } } } }""",
				p -> Map.of("id", p.pillarId()), data -> data.get("node"), """
						query($id: ID!) { pillars(where: {id: {eq: $id}}) { id name kpis { id name status } } }""",
				p -> Map.of("id", p.pillarId()), data -> data.get("pillars").get(0), (driver, p) -> {
					Record row = read(driver,
							"""
									MATCH (pillar:Pillar {key: $id})
									CALL (pillar) {
									  MATCH (pillar)<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(:Program)
									        -[:MEASURED_BY]->(k:Kpi)
									  RETURN k
									  UNION
									  MATCH (pillar)<-[:REPORTS_ON]-(k:Kpi)
									  RETURN k
									}
									WITH pillar, k ORDER BY k.key
									RETURN pillar.key AS id, pillar.name AS name,
									       collect({id: k.key, name: k.name, direction: k.direction,
									                observations: COLLECT { MATCH (k)-[:HAS_OBSERVATION]->(o:Observation)
									                                        RETURN o {.kind, .targetType, .fiscalYear, .fiscalYearTo, .month,
									                                                  .value, .qualitative, .cumulative} }})
									         AS kpis""",
							Map.of("id", p.pillarId()))
						.getFirst();
					ObjectNode pillar = JsonNodeFactory.instance.objectNode();
					pillar.put("id", row.get("id").asString());
					pillar.put("name", row.get("name").asString());
					pillar.set("kpis", Json.of(row.get("kpis").asList(kpi -> {
						List<Observation> observations = kpi.get("observations").asList(o -> Observation.of(o.asMap()));
						return Map.of("id", kpi.get("id").asString(), "name", kpi.get("name").asString(), "status",
								KpiStatusRule.statusOf(kpi.get("direction").asString(), observations).name());
					})));
					return pillar;
				});
	}

	static BenchQuery programDetail() {
		return new BenchQuery("program-detail",
				"a program's page: measures, pillars, organization, partners, KPIs with observations", """
						query($id: ID!) {
						  node(id: $id) {
						    ... on Program {
						      id name summary
						      measures { id name }
						      pillars { id name }
						      organization { id name }
						      partners { id name }
						      kpis { id name unit observations { kind fiscalYear value valueText } }
						    }
						  }
						}""", p -> Map.of("id", p.programId()), data -> data.get("node"),
				"""
						query($id: ID!) {
						  programs(where: {id: {eq: $id}}) {
						    id name summary
						    measuresConnection(sort: [{edge: {number: ASC}}, {node: {id: ASC}}]) { edges { node { id name } } }
						    pillars { id name }
						    organization { id name }
						    partners(sort: [{id: ASC}]) { id name }
						    kpisConnection(sort: [{edge: {ordinal: ASC}}, {node: {id: ASC}}]) {
						      edges { node { id name unit observations { kind fiscalYear value valueText } } }
						    }
						  }
						}""",
				p -> Map.of("id", p.programId()), data -> {
					JsonNode program = data.get("programs").get(0);
					program = Json.with(program, "measuresConnection", Json.nodes(program.get("measuresConnection")));
					program = Json.renamed(program, "measuresConnection", "measures");
					program = Json.with(program, "kpisConnection", Json.nodes(program.get("kpisConnection")));
					return Json.renamed(program, "kpisConnection", "kpis");
				},
				(driver, p) -> single(driver,
						"""
								MATCH (p:Program {key: $id})
								RETURN p {
								  id: p.key, .name, .summary,
								  measures: COLLECT {
								    MATCH (p)-[l:LISTED_UNDER]->(m:Measure)
								    WITH m, min(l.number) AS number ORDER BY number, m.key
								    RETURN m {id: m.key, .name}
								  },
								  pillars: COLLECT {
								    MATCH (p)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)
								          <-[:HAS_PILLAR]-(plan:Plan)
								    WITH DISTINCT pillar, plan ORDER BY plan.key, pillar.ordinal
								    RETURN pillar {id: pillar.key, .name}
								  },
								  organization: COLLECT { MATCH (p)-[:RUN_BY]->(o:Organization) RETURN o {id: o.key, .name} }[0],
								  partners: COLLECT {
								    MATCH (p)-[:WORKS_WITH]->(b:PartnerBody) WITH DISTINCT b ORDER BY b.key RETURN b {id: b.key, .name}
								  },
								  kpis: COLLECT {
								    MATCH (p)-[r:MEASURED_BY]->(k:Kpi)
								    WITH k ORDER BY r.ordinal, k.key
								    RETURN k {id: k.key, .name, .unit, observations: COLLECT {
								      MATCH (k)-[:HAS_OBSERVATION]->(o:Observation)
								      WITH o ORDER BY o.fiscalYear, CASE o.kind WHEN 'BASELINE' THEN 0 WHEN 'TARGET' THEN 1 ELSE 2 END,
								               o.fiscalYearTo, o.month, o.key
								      RETURN o {.kind, .fiscalYear, .value, .valueText}
								    }}
								  }
								} AS answer""",
						Map.of("id", p.programId())));
	}

	static BenchQuery deepTree() {
		return new BenchQuery("deep-tree", "plan → pillars → measures → first 20 programs → KPIs → observations",
				"""
						query($id: ID!) {
						  node(id: $id) {
						    ... on Plan {
						      id name
						      pillars {
						        id name
						        measures { id name programs(first: 20) { id name kpis { id name observations { kind fiscalYear value } } } }
						      }
						    }
						  }
						}""",
				p -> Map.of("id", p.planId()), data -> data.get("node"), """
						query($id: ID!) {
						  plans(where: {id: {eq: $id}}) {
						    id name
						    pillarsConnection(sort: [{edge: {ordinal: ASC}}]) {
						      edges { node {
						        id name
						        measuresConnection(sort: [{edge: {ordinal: ASC}}, {node: {id: ASC}}]) {
						          edges { node {
						            id name
						            programs(first: 20) {
						              id name
						              kpisConnection(sort: [{edge: {ordinal: ASC}}, {node: {id: ASC}}]) {
						                edges { node { id name observations { kind fiscalYear value } } }
						              }
						            }
						          } }
						        }
						      } }
						    }
						  }
						}""", p -> Map.of("id", p.planId()), data -> {
					JsonNode plan = data.get("plans").get(0);
					JsonNode pillars = Json.map(Json.nodes(plan.get("pillarsConnection")), pillar -> {
						JsonNode measures = Json.map(Json.nodes(pillar.get("measuresConnection")),
								measure -> Json.with(measure, "programs",
										Json.map(measure.get("programs"),
												program -> Json.renamed(
														Json.with(program, "kpisConnection",
																Json.nodes(program.get("kpisConnection"))),
														"kpisConnection", "kpis"))));
						return Json.renamed(Json.with(pillar, "measuresConnection", measures), "measuresConnection",
								"measures");
					});
					return Json.renamed(Json.with(plan, "pillarsConnection", pillars), "pillarsConnection", "pillars");
				},
				(driver, p) -> single(driver,
						"""
								MATCH (plan:Plan {key: $id})
								RETURN plan {
								  id: plan.key, .name,
								  pillars: COLLECT {
								    MATCH (plan)-[:HAS_PILLAR]->(pillar:Pillar)
								    WITH pillar ORDER BY pillar.ordinal
								    RETURN pillar {id: pillar.key, .name, measures: COLLECT {
								      MATCH (pillar)<-[u:UNDER]-(m:Measure)
								      WITH m ORDER BY u.ordinal, m.key
								      RETURN m {id: m.key, .name, programs: COLLECT {
								        MATCH (program:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(m)
								        WITH DISTINCT program ORDER BY program.key LIMIT 20
								        RETURN program {id: program.key, .name, kpis: COLLECT {
								          MATCH (program)-[r:MEASURED_BY]->(k:Kpi)
								          WITH k ORDER BY r.ordinal, k.key
								          RETURN k {id: k.key, .name, observations: COLLECT {
								            MATCH (k)-[:HAS_OBSERVATION]->(o:Observation)
								            WITH o ORDER BY o.fiscalYear, CASE o.kind WHEN 'BASELINE' THEN 0 WHEN 'TARGET' THEN 1 ELSE 2 END,
								                     o.fiscalYearTo, o.month, o.key
								            RETURN o {.kind, .fiscalYear, .value}
								          }}
								        }}
								      }}
								    }}
								  }
								} AS answer""",
						Map.of("id", p.planId())));
	}

	static BenchQuery programPage() {
		return new BenchQuery("program-page", "page 5 (20 a page) of the programs serving a pillar, with the total", """
				query($pillarId: ID!, $after: String) {
				  programs(where: {pillarId: $pillarId}, first: 20, after: $after) {
				    totalCount edges { node { id name } } pageInfo { hasNextPage endCursor }
				  }
				}""", p -> page(p, Server.POLICYGRAPH), data -> withoutCursor(data.get("programs")), """
				query($pillarId: ID!, $after: String) {
				  programsConnection(first: 20, after: $after, sort: [{id: ASC}], where: {OR: [
				    {measures: {some: {under: {some: {id: {eq: $pillarId}}}}}},
				    {measures: {some: {parent: {under: {some: {id: {eq: $pillarId}}}}}}}
				  ]}) {
				    totalCount edges { node { id name } } pageInfo { hasNextPage endCursor }
				  }
				}""", p -> page(p, Server.PEER), data -> withoutCursor(data.get("programsConnection")),
				(driver, p) -> Json.of(read(driver,
						"""
								MATCH (:Pillar {key: $pillarId})<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(p:Program)
								WITH DISTINCT p ORDER BY p.key
								WITH collect(p) AS programs
								WITH size(programs) AS totalCount,
								     [x IN programs WHERE $after IS NULL OR x.key > $after][0..21] AS page
								RETURN {totalCount: totalCount,
								        edges: [x IN page[0..20] | {node: {id: x.key, name: x.name}}],
								        pageInfo: {hasNextPage: size(page) > 20}} AS answer""",
						page(p, Server.CYPHER))
					.getFirst()
					.get("answer")
					.asMap()));
	}

	static BenchQuery search() {
		return new BenchQuery("search", "full-text search for a Japanese word, best 20 hits", """
				query($text: String!) {
				  search(text: $text, first: 20) {
				    node {
				      __typename id
				      ... on Plan { name } ... on Pillar { name } ... on Measure { name } ... on Program { name }
				      ... on Kpi { name } ... on Organization { name } ... on PartnerBody { name }
				    }
				  }
				}""", p -> Map.of("text", p.searchText()), data -> Json.map(data.get("search"), hit -> hit.get("node")),
				"""
						query($text: String!) {
						  search(text: $text, first: 20) {
						    __typename
						    ... on Plan { id name } ... on Pillar { id name } ... on Measure { id name } ... on Program { id name }
						    ... on Kpi { id name } ... on Organization { id name } ... on PartnerBody { id name }
						  }
						}""",
				p -> Map.of("text", p.searchText()), data -> data.get("search"),
				(driver, p) -> Json.of(read(driver, """
						CALL db.index.fulltext.queryNodes('policy_text', $query) YIELD node, score
						WHERE node:Plan OR node:Pillar OR node:Measure OR node:Program OR node:Kpi OR node:Organization
						   OR node:PartnerBody
						RETURN {__typename: labels(node)[0], id: node.key, name: node.name} AS hit
						ORDER BY score DESC, node.key
						LIMIT 20""", Map.of("query", '"' + p.searchText() + '"')).stream()
					.map(r -> r.get("hit").asMap())
					.toList()));
	}

	static BenchQuery pillarBudgets() {
		return new BenchQuery("pillar-budgets", "each pillar's budget for a year, a program listed twice counted once",
				"""
						query($planId: ID!, $year: Int!) { pillars(planId: $planId) { id name budget(fiscalYear: $year) } }""",
				p -> Map.of("planId", p.planId(), "year", p.fiscalYear()), data -> data.get("pillars"),
				"""
						query($planId: ID!, $year: Int!) {
						  plans(where: {id: {eq: $planId}}) {
						    pillarsConnection(sort: [{edge: {ordinal: ASC}}]) { edges { node { id name budget(fiscalYear: $year) } } }
						  }
						}""",
				p -> Map.of("planId", p.planId(), "year", p.fiscalYear()),
				// the peer's BigInt comes as a string
				data -> Json.map(Json.nodes(data.get("plans").get(0).get("pillarsConnection")),
						pillar -> Json.with(pillar, "budget",
								pillar.get("budget").isNull() ? pillar.get("budget")
										: JsonNodeFactory.instance
											.numberNode(Long.parseLong(pillar.get("budget").asString())))),
				(driver, p) -> Json.of(read(driver,
						"""
								MATCH (:Plan {key: $planId})-[:HAS_PILLAR]->(pillar:Pillar)
								CALL (pillar) {
								  OPTIONAL MATCH (program:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar)
								  WITH DISTINCT program
								  OPTIONAL MATCH (program)-[:HAS_BUDGET]->(b:Budget {fiscalYear: $year})
								  RETURN CASE count(b) WHEN 0 THEN null ELSE sum(b.amountYen) END AS budget
								}
								RETURN pillar {id: pillar.key, .name, budget: budget} AS answer
								ORDER BY pillar.ordinal""",
						Map.of("planId", p.planId(), "year", p.fiscalYear()))
					.stream()
					.map(r -> r.get("answer").asMap())
					.toList()));
	}

	static BenchQuery kpiPaths() {
		return new BenchQuery("kpi-paths", "every pillar → measure → program path of a KPI", """
				query($id: ID!) {
				  node(id: $id) {
				    ... on Kpi { id name paths { pillar { id name } measure { id name } program { id name } } }
				  }
				}""", p -> Map.of("id", p.kpiId()), data -> data.get("node"),
				"""
						query($id: ID!) {
						  kpis(where: {id: {eq: $id}}) { id name paths { pillar { id name } measure { id name } program { id name } } }
						}""",
				p -> Map.of("id", p.kpiId()), data -> data.get("kpis").get(0), (driver, p) -> single(driver, """
						MATCH (k:Kpi {key: $id})
						RETURN k {
						  id: k.key, .name,
						  paths: COLLECT {
						    MATCH (k)<-[:MEASURED_BY]-(program:Program)-[:LISTED_UNDER]->(measure:Measure)
						          -[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
						    WITH DISTINCT program, measure, pillar, plan
						    ORDER BY plan.ordinal, plan.key, pillar.ordinal, measure.key, program.key
						    RETURN {pillar: pillar {id: pillar.key, .name}, measure: measure {id: measure.key, .name},
						            program: program {id: program.key, .name}}
						  }
						} AS answer""", Map.of("id", p.kpiId())));
	}

	private static Map<String, Object> page(Parameters p, Server server) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("pillarId", p.pillarId());
		variables.put("after", (p.page4EndCursor() != null) ? p.page4EndCursor().get(server) : null);
		return variables;
	}

	/** A page without its end cursor: each server writes cursors its own way. */
	private static JsonNode withoutCursor(JsonNode connection) {
		ObjectNode pageInfo = ((ObjectNode) connection.get("pageInfo")).deepCopy();
		pageInfo.remove("endCursor");
		return Json.with(connection, "pageInfo", pageInfo);
	}

	/**
	 * The end cursor of a page as each server answers it (for the hand-written Cypher,
	 * the last key).
	 */
	static String endCursor(Server server, JsonNode data) {
		return switch (server) {
			case POLICYGRAPH, POLICYGRAPH_CACHED -> data.get("programs").get("pageInfo").get("endCursor").asString();
			case PEER -> data.get("programsConnection").get("pageInfo").get("endCursor").asString();
			case CYPHER, CYPHER_HTTP -> {
				JsonNode edges = data.get("edges");
				yield edges.get(edges.size() - 1).get("node").get("id").asString();
			}
		};
	}

	private static List<Record> read(Driver driver, String cypher, Map<String, Object> parameters) {
		return driver.executableQuery(cypher)
			.withParameters(parameters)
			.withConfig(
					org.neo4j.driver.QueryConfig.builder().withRouting(org.neo4j.driver.RoutingControl.READ).build())
			.execute()
			.records();
	}

	/** The {@code answer} column of the one row, as JSON. */
	private static JsonNode single(Driver driver, String cypher, Map<String, Object> parameters) {
		List<Record> rows = read(driver, cypher, parameters);
		Value answer = rows.getFirst().get("answer");
		return Json.of(answer.asMap());
	}

}
