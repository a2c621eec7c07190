package org.policygraph.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * GraphiQL at {@code /graphiql}, on the service's GraphQL endpoint, with every script and
 * style served by the service itself ({@link GraphiQlAssets}), so that it works where no
 * CDN can be reached. Spring for GraphQL's own page, which loads GraphiQL from esm.sh,
 * stays off ({@code spring.graphql.graphiql.enabled=false}); this one is on unless
 * {@code policygraph.graphiql.enabled=false} (the {@code prod} profile's default).
 */
@Controller
@ConditionalOnBooleanProperty(name = "policygraph.graphiql.enabled", matchIfMissing = true)
class GraphiQlPage {

	static final String PATH = "/graphiql";

	private final String template;

	private final String endpoint;

	GraphiQlPage(GraphQlProperties graphQl) {
		this.template = read("graphiql/page.html");
		this.endpoint = graphQl.getHttp().getPath();
	}

	@GetMapping(path = PATH, produces = "text/html;charset=UTF-8")
	@ResponseBody
	String page(HttpServletRequest request) {
		String base = request.getContextPath();
		return this.template.replace("{{assets}}", escape(base + GraphiQlAssets.PATH))
			.replace("{{endpoint}}", escape(base + this.endpoint));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String read(String location) {
		try {
			return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

}
