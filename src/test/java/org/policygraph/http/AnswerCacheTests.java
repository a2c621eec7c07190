package org.policygraph.http;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResultImpl;
import org.junit.jupiter.api.Test;
import org.policygraph.graph.GraphReads;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCacheTests {

	private static final GraphReads DATABASE_AWAY = new GraphReads() {

		@Override
		public List<org.neo4j.driver.Record> rows(String statement, Map<String, Object> parameters) {
			throw new IllegalStateException("the database is away");
		}

		@Override
		public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
			return work.get();
		}

	};

	@Test
	void aGraphWhoseVersionCannotBeReadIsAskedAfreshEveryTimeInsteadOfFailingTheRequest() {
		AnswerCache cache = new AnswerCache(new GraphVersion(DATABASE_AWAY, Clock.systemUTC(), null),
				new Operations(graphql.parser.ParserOptions.getDefaultOperationParserOptions()), 100);
		AtomicInteger executions = new AtomicInteger();
		WebGraphQlInterceptor.Chain chain = request -> {
			executions.incrementAndGet();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
					ExecutionResultImpl.newExecutionResult().data(Map.of("__typename", "Query")).build())));
		};
		for (int i = 0; i < 2; i++) {
			WebGraphQlResponse response = cache.intercept(request("{ __typename }"), chain).block();
			assertThat(response).isNotNull();
			assertThat((Object) response.getData()).isEqualTo(Map.of("__typename", "Query"));
		}
		assertThat(executions).hasValue(2);
	}

	private static WebGraphQlRequest request(String document) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				Map.of("query", document), "1", null);
	}

}
