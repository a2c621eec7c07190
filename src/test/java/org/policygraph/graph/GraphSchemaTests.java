package org.policygraph.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphSchemaTests {

	@Test
	void splitsAScriptIntoStatementsWithoutComments() {
		List<String> statements = GraphSchema.statements("""
				// a comment
				CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);

				CREATE FULLTEXT INDEX b IF NOT EXISTS
				FOR (n:B) ON EACH [n.name];
				""");
		assertThat(statements).containsExactly("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
				"CREATE FULLTEXT INDEX b IF NOT EXISTS\nFOR (n:B) ON EACH [n.name]");
	}

	@Test
	void everySchemaStatementIsIdempotentAndNamed() throws IOException {
		String script = Files.readString(Path.of("cypher/schema.cypher"), StandardCharsets.UTF_8);
		assertThat(GraphSchema.statements(script)).isNotEmpty().allSatisfy(s -> {
			assertThat(s).contains("IF NOT EXISTS");
			assertThat(GraphSchema.name(s)).as(s).isNotNull();
		});
	}

	@Test
	void readsTheNameAStatementGives() {
		assertThat(GraphSchema.name("CREATE CONSTRAINT plan_key IF NOT EXISTS FOR (n:Plan) REQUIRE n.key IS UNIQUE"))
			.isEqualTo("plan_key");
		assertThat(GraphSchema.name("CREATE FULLTEXT INDEX policy_text IF NOT EXISTS\nFOR (n:Plan) ON EACH [n.name]"))
			.isEqualTo("policy_text");
		assertThat(GraphSchema.name("CREATE INDEX budget_fiscal_year IF NOT EXISTS FOR (n:Budget) ON (n.fiscalYear)"))
			.isEqualTo("budget_fiscal_year");
		assertThat(GraphSchema.name("MATCH (n) RETURN n")).isNull();
	}

	@Test
	void readsTheLabelsAndPropertiesAFullTextIndexCovers() {
		String statement = "CREATE FULLTEXT INDEX policy_text IF NOT EXISTS\nFOR (n:Plan|Milestone)\n"
				+ "ON EACH [n.name, n.searchText]";
		assertThat(GraphSchema.fulltextLabels(statement)).containsExactlyInAnyOrder("Plan", "Milestone");
		assertThat(GraphSchema.fulltextProperties(statement)).containsExactly("name", "searchText");
		assertThat(GraphSchema.fulltextLabels("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)")).isNull();
	}

}
