package org.policygraph.docs;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.policygraph.docs.ReadmeBlocks.Command;
import org.policygraph.docs.ReadmeBlocks.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReadmeBlocksTests {

	@Test
	void aShellBlockThatIsNeitherRunnableNorMarkedIsRefusedWithItsLine() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse("""
				Intro

				```bash
				./mvnw spring-boot:run
				```
				""")).withMessageContaining("README.md line 3").withMessageContaining("<!-- not run: reason -->");
	}

	@Test
	void aMarkedBlockIsNotRunAndKeepsItsReason() {
		ReadmeBlocks readme = ReadmeBlocks.parse("""
				<!-- not run: starts the service itself -->

				```bash
				./mvnw spring-boot:run
				```
				""");
		assertThat(readme.blocks()).singleElement().satisfies(block -> {
			assertThat(block.kind()).isEqualTo(Kind.NOT_RUN);
			assertThat(block.reason()).isEqualTo("starts the service itself");
		});
	}

	@Test
	void aMarkWithoutAReasonIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse("""
				<!-- not run: -->
				```bash
				./mvnw verify
				```
				""")).withMessageContaining("without a reason");
	}

	@Test
	void aMarkFurtherUpDoesNotCoverABlock() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse("""
				<!-- not run: starts the service itself -->
				Some text in between.
				```bash
				./mvnw verify
				```
				""")).withMessageContaining("line 3");
	}

	@Test
	void aBlockInAnUnknownLanguageIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse("""
				```
				curl -s localhost:8080/graphql
				```
				""")).withMessageContaining("line 1");
	}

	@Test
	void curlCommandsKeepTheirContinuationLinesHereDocumentsAndShownOutput() {
		ReadmeBlocks readme = ReadmeBlocks.parse("""
				```bash
				curl -s localhost:8080/graphql -H 'Content-Type: application/json' \\
				  -d '{"query":"{ pillars { name } }"}'
				# {"data":{"pillars":[]}}
				curl -s localhost:8080/graphql --data-binary @- <<'JSON'
				{"query": "{ plans { name } }"}
				JSON
				# a comment, not an output
				```
				""");
		assertThat(readme.ofKind(Kind.CURL)).singleElement()
			.satisfies(
					block -> assertThat(block.commands()).containsExactly(
							new Command(
									"curl -s localhost:8080/graphql -H 'Content-Type: application/json' \\\n"
											+ "  -d '{\"query\":\"{ pillars { name } }\"}'",
									"{\"data\":{\"pillars\":[]}}"),
							new Command("curl -s localhost:8080/graphql --data-binary @- <<'JSON'\n"
									+ "{\"query\": \"{ plans { name } }\"}\nJSON", null)));
	}

	@Test
	void aShellBlockMixingTheTokenLineWithStartingTheServiceIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse("""
				```bash
				./mvnw spring-boot:run -Dspring-boot.run.profiles=dev
				TOKEN=$(java src/dev/MintToken.java tanaka)
				```
				""")).withMessageContaining("line 1");
	}

	@Test
	void tokenLinesAndCypherShellCommandsAreRecognised() {
		ReadmeBlocks readme = ReadmeBlocks.parse("""
				```bash
				TOKEN=$(java src/dev/MintToken.java tanaka)        # --reader for a token without the editor role
				```

				```bash
				cypher-shell -a bolt://localhost:7687 -u neo4j -p "$(cat var/neo4j/bolt-password)" \\
				  -f cypher/queries/01.cypher
				```

				```graphql
				{ plans { name } }
				```
				""");
		assertThat(readme.blocks()).extracting(ReadmeBlocks.Block::kind)
			.containsExactly(Kind.SHELL_VARIABLES, Kind.CYPHER_SHELL, Kind.GRAPHQL);
		assertThat(readme.blocks().get(0).variables()).isEqualTo(List.of("TOKEN"));
	}

	@Test
	void theReadmeItselfHasOnlyRunnableOrMarkedBlocks() {
		assertThat(ReadmeBlocks.read().blocks()).isNotEmpty();
	}

}
