package org.policygraph.http;

import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;

import graphql.parser.ParserOptions;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.policygraph.graph.GraphReads;
import org.policygraph.persisted.PersistedDocuments;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The GraphQL endpoint as browsers on other origins and HTTP caches meet it: CORS, GET,
 * ETags.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

	/** importing/ImportController's endpoint: an import changes the graph. */
	private static final String IMPORTS = "/imports";

	HttpConfiguration(Environment environment) {
		// one way to allow an origin: Spring's own setting would answer only /graphql,
		// and none of the refusals
		for (String property : List.of("spring.graphql.cors.allowed-origins",
				"spring.graphql.cors.allowed-origin-patterns")) {
			if (!Binder.get(environment).bind(property, Bindable.listOf(String.class)).orElse(List.of()).isEmpty()) {
				throw new IllegalStateException(
						property + " is not used by this service; set policygraph.cors.allowed-origins "
								+ "(POLICYGRAPH_CORS_ALLOWED_ORIGINS) instead, which covers every answer and refusal");
			}
		}
	}

	/**
	 * First of all filters, before the body gate (limits/LimitsConfiguration), so that
	 * its refusals carry the CORS headers too. It reads no body, and answers nothing that
	 * has one.
	 */
	@Bean
	FilterRegistrationBean<CrossOrigin.Headers> corsHeaders(CorsProperties properties,
			@Value("${policygraph.browser.public-url:}") String publicUrl, JsonMapper json, GraphQlProperties graphQl) {
		// the API's paths: GraphQL, uploads, exports (importing/ImportController,
		// DatasetExportController)
		List<String> api = List.of(graphQl.getHttp().getPath(), IMPORTS, "/export/");
		return FilterRegistrations.onRequest(new CrossOrigin.Headers(properties, publicUrl, json, api),
				Ordered.HIGHEST_PRECEDENCE, "/*");
	}

	/**
	 * Just after the body gate; ASYNC too, where a body that arrived late is handed on.
	 */
	@Bean
	FilterRegistrationBean<CrossOrigin.Refusal> corsRefusal(JsonMapper json) {
		return FilterRegistrations.onRequestAndAsync(new CrossOrigin.Refusal(json), Ordered.HIGHEST_PRECEDENCE + 2);
	}

	/**
	 * With the database in this JVM, the version is its last committed transaction id (no
	 * statement a request); otherwise the newest change record, read at most once a
	 * second.
	 */
	@Bean
	GraphVersion graphVersion(GraphReads reads, Clock clock, ObjectProvider<GraphDatabaseService> inProcess) {
		LongSupplier committed = null;
		if (inProcess.getIfAvailable() instanceof GraphDatabaseAPI database) {
			TransactionIdStore ids = database.getDependencyResolver().resolveDependency(TransactionIdStore.class);
			committed = ids::getLastCommittedTransactionId;
		}
		return new GraphVersion(reads, clock, committed);
	}

	/**
	 * Outside the answer cache, so that a kept answer gets its headers too; outside the
	 * read retry and the read transaction, inside the time limit and persisted documents.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 3)
	WebGraphQlInterceptor answerCaching(ObjectProvider<ParserOptions> options, GraphVersion version) {
		return new AnswerCaching(operations(options), version);
	}

	/**
	 * Before the read retry and the read transaction, which a kept answer needs neither
	 * of.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 2)
	@ConditionalOnBooleanProperty(name = "policygraph.answer-cache.enabled", matchIfMissing = true)
	WebGraphQlInterceptor answerCache(ObjectProvider<ParserOptions> options, GraphVersion version,
			@Value("${policygraph.answer-cache.max-entries:1000}") int maxEntries) {
		return new AnswerCache(version, operations(options), maxEntries);
	}

	/** The POST endpoint, answering reads without a second dispatch. */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new ReadyAnswers(handler);
	}

	/**
	 * GET for queries, and OPTIONS answered with the methods the endpoint takes; before
	 * Boot's POST-only routes.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGet(GraphQlProperties properties, WebGraphQlHandler handler,
			ObjectProvider<ParserOptions> options, GraphVersion version, PersistedDocuments persisted,
			JsonMapper json) {
		String path = properties.getHttp().getPath();
		GraphQlGet get = new GraphQlGet(handler, operations(options), version, persisted, json, path);
		return RouterFunctions.route(RequestPredicates.GET(path), get::handle)
			.andRoute(RequestPredicates.OPTIONS(path),
					request -> ServerResponse.noContent()
						.allow(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS)
						.build());
	}

	/** After an import, successful or not, the graph's version is read afresh. */
	@Bean
	FilterRegistrationBean<Filter> importsChangeTheGraph(GraphVersion version) {
		Filter filter = (request, response, chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				// a GET reads an import's report and changes nothing
				boolean write = !HttpMethod.GET.matches(((HttpServletRequest) request).getMethod());
				if (write && request.isAsyncStarted()) {
					request.getAsyncContext().addListener(new AsyncListener() {
						@Override
						public void onComplete(AsyncEvent event) {
							version.changed();
						}

						@Override
						public void onTimeout(AsyncEvent event) {
						}

						@Override
						public void onError(AsyncEvent event) {
						}

						@Override
						public void onStartAsync(AsyncEvent event) {
						}
					});
				}
				else if (write) {
					version.changed();
				}
			}
		};
		return FilterRegistrations.onRequest(filter, Ordered.HIGHEST_PRECEDENCE + 20, IMPORTS, IMPORTS + "/*");
	}

	private static Operations operations(ObjectProvider<ParserOptions> options) {
		return new Operations(options.getIfAvailable(ParserOptions::getDefaultOperationParserOptions));
	}

}
