package org.policygraph.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The Neo4j Browser guide ({@code :play} format: one {@code <slide>} per page) built from
 * {@code cypher/browser/policygraph.html}: its {@code {{queries}}} becomes one slide per
 * file of {@code cypher/queries/}, so the guide never drifts from the library, and its
 * {@code {{origin}}} the address the guide was fetched from, so its {@code :style} and
 * {@code :play} commands point back at this service.
 */
final class BrowserGuide {

	private static final String TEMPLATE = "classpath:cypher/browser/policygraph.html";

	private static final String QUERIES = "classpath:cypher/queries/*.cypher";

	private final String template;

	private BrowserGuide(String template) {
		this.template = template;
	}

	static BrowserGuide load() {
		ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(
				BrowserGuide.class.getClassLoader());
		try {
			List<AnalystQuery> queries = Arrays.stream(resources.getResources(QUERIES))
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(resource -> AnalystQuery.parse(resource.getFilename(), read(resource)))
				.toList();
			return withQueries(read(resources.getResource(TEMPLATE)), queries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BrowserGuide withQueries(String template, List<AnalystQuery> queries) {
		StringBuilder slides = new StringBuilder();
		for (AnalystQuery query : queries) {
			slides.append(slide(query));
		}
		return new BrowserGuide(template.replace("{{queries}}", slides.toString().strip()));
	}

	private static String slide(AnalystQuery query) {
		StringBuilder returns = new StringBuilder();
		for (String column : query.returns()) {
			returns.append("      <li>").append(escape(column)).append("</li>\n");
		}
		String parameters = query.parameters().isEmpty() ? "" : """
				    <p>パラメータ / parameters:</p>
				    <pre class="runnable">%s</pre>
				""".formatted(escape(query.parameters()));
		return """
				<slide class="row-fluid">
				  <div class="col-sm-12">
				    <h3>%s</h3>
				    <p class="lead">%s</p>
				    <p>%s</p>
				%s    <pre class="runnable">%s</pre>
				    <p>Returns:</p>
				    <ul>
				%s    </ul>
				  </div>
				</slide>

				""".formatted(escape(query.fileName()), escape(query.questionJa()), escape(query.questionEn()),
				parameters, escape(query.statement()), returns);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
	}

	/** The guide as served from the given origin ({@code http://localhost:8080}). */
	String html(String origin) {
		return this.template.replace("{{origin}}", escape(origin));
	}

}
