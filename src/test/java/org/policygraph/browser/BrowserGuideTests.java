package org.policygraph.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserGuideTests {

	/**
	 * What Neo4j Browser 5.24 strips from a remote guide before showing it (its
	 * cleanHtml: on… attributes).
	 */
	private static final Pattern STRIPPED_BY_BROWSER = Pattern
		.compile("(\\s+(on[^\\s=]+)[^\\s=]*\\s*=\\s*(\"[^\"]*\"|'[^']*'|[\\w\\-.:]+\\s*))", Pattern.CASE_INSENSITIVE);

	private static final String GUIDE = BrowserGuide.load().html("http://localhost:8080");

	@Test
	void theGuideHasASlideForEveryQuestionOfTheLibraryWithItsExampleParametersAndStatement() throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of("cypher", "queries"))) {
			files = listing.filter(f -> f.toString().endsWith(".cypher")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(18);
		for (Path file : files) {
			assertThat(GUIDE).contains("<h3>" + file.getFileName() + "</h3>");
		}
		assertThat(GUIDE).contains("<pre class=\"runnable\">:param planKey =&gt; &#39;plan-shin-vision&#39;</pre>")
			.contains("<pre class=\"runnable\">MATCH (:Plan {key: $planKey})-[:HAS_PILLAR]-&gt;(pillar:Pillar)");
		// Two parameters run as one click: Browser's multi-statement mode accepts several
		// :param commands.
		assertThat(GUIDE).contains(":param pillarKey =&gt; &#39;pil-sv-2&#39;;\n:param fiscalYear =&gt; 2026</pre>");
	}

	@Test
	void theGuideLoadsTheStyleAndReopensItselfFromTheAddressItWasFetchedFrom() {
		assertThat(GUIDE)
			.contains("<pre class=\"runnable\">:style http://localhost:8080/browser-assets/style.grass</pre>")
			.contains(":play http://localhost:8080/browser-guide/policygraph.html")
			.doesNotContain("{{");
	}

	@Test
	void nothingInTheGuideIsStrippedByNeo4jBrowserBeforeItIsShown() {
		assertThat(STRIPPED_BY_BROWSER.matcher(GUIDE).find()).as(GUIDE).isFalse();
		assertThat(GUIDE).doesNotContainIgnoringCase("<script");
	}

	@Test
	void aQueryFileIsReadAsItsHeaderSaysAndItsStatementWithoutTheClosingSemicolon() {
		AnalystQuery query = AnalystQuery.parse("03-x.cypher", """
				// Question (ja): ある柱の予算額
				// Question (en): A pillar's budget
				// Parameters: $pillarKey — e.g. 'pil-sv-2'
				// Returns:
				//   pillar — the pillar's name
				//   budgetYen — the budget in yen
				// cypher-shell: :param pillarKey => 'pil-sv-2'
				// cypher-shell: :param fiscalYear => 2026
				MATCH (p:Pillar {key: $pillarKey})
				RETURN p.name AS pillar, 0 AS budgetYen;
				""");
		assertThat(query.questionJa()).isEqualTo("ある柱の予算額");
		assertThat(query.questionEn()).isEqualTo("A pillar's budget");
		assertThat(query.returns()).containsExactly("pillar — the pillar's name", "budgetYen — the budget in yen");
		assertThat(query.parameters()).isEqualTo(":param pillarKey => 'pil-sv-2';\n:param fiscalYear => 2026");
		assertThat(query.statement())
			.isEqualTo("MATCH (p:Pillar {key: $pillarKey})\nRETURN p.name AS pillar, 0 AS budgetYen");
	}

}
