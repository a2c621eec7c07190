package org.policygraph.system;

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
	void everySchemaStatementIsIdempotent() throws IOException {
		String script = Files.readString(Path.of("cypher/schema.cypher"), StandardCharsets.UTF_8);
		assertThat(GraphSchema.statements(script)).isNotEmpty().allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS"));
	}

}
