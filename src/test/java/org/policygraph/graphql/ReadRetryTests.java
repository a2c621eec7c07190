package org.policygraph.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;
import org.policygraph.graph.DatabaseProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ReadRetryTests {

	static final String UNAVAILABLE = "DATABASE_UNAVAILABLE";

	@Test
	void aQueryThatFoundTheDatabaseUnavailableIsRunAgainAndAnswersWhatTheSecondRunRead() {
		Answers chain = new Answers(UNAVAILABLE, null);
		WebGraphQlResponse response = retry(Duration.ofSeconds(1)).intercept(request("{ pillars { name } }"), chain)
			.block();
		assertThat(chain.calls).hasValue(2);
		assertThat(response.getErrors()).isEmpty();
	}

	@Test
	void aMutationIsNeverRunAgain() {
		Answers chain = new Answers(UNAVAILABLE, null);
		WebGraphQlResponse response = retry(Duration.ofSeconds(1))
			.intercept(request("mutation { retire(input: {id: \"x\"}) { changed } }"), chain)
			.block();
		assertThat(chain.calls).hasValue(1);
		assertThat(codes(response)).containsExactly(UNAVAILABLE);
	}

	@Test
	void anotherErrorIsAnsweredAsItIs() {
		Answers chain = new Answers("NOT_FOUND", null);
		WebGraphQlResponse response = retry(Duration.ofSeconds(1)).intercept(request("{ pillars { name } }"), chain)
			.block();
		assertThat(chain.calls).hasValue(1);
		assertThat(codes(response)).containsExactly("NOT_FOUND");
	}

	@Test
	void aDatabaseStillAwayWhenTheBudgetIsSpentGetsTheRetryableErrorAfterTheWaitsThatFitInIt() {
		Answers chain = new Answers(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);
		long started = System.nanoTime();
		WebGraphQlResponse response = retry(Duration.ofMillis(500))
			.intercept(request("query Q { plans { name } }"), chain)
			.block();
		// waits of 100 and 200 ms fit in 500 ms; a third (400 ms more) would not
		assertThat(chain.calls).hasValue(3);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(codes(response)).containsExactly(UNAVAILABLE);
	}

	@Test
	void aBudgetOfZeroNeverRetries() {
		Answers chain = new Answers(UNAVAILABLE, null);
		retry(Duration.ZERO).intercept(request("{ pillars { name } }"), chain).block();
		assertThat(chain.calls).hasValue(1);
	}

	static ReadRetry retry(Duration budget) {
		return new ReadRetry(new DatabaseProperties(budget), ReadRequestTransactionTests.QUERIES_ONLY);
	}

	static WebGraphQlRequest request(String document) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), new DefaultGraphQlRequest(document), "1", Locale.ROOT);
	}

	static List<Object> codes(WebGraphQlResponse response) {
		return response.getErrors().stream().map(error -> error.getExtensions().get("code")).toList();
	}

	/**
	 * A chain that answers each call with the next error code in turn (null: a successful
	 * answer).
	 */
	static final class Answers implements WebGraphQlInterceptor.Chain {

		final Deque<String> codes = new ArrayDeque<>();

		final AtomicInteger calls = new AtomicInteger();

		Answers(String... codes) {
			for (String code : codes) {
				this.codes.add((code != null) ? code : "");
			}
		}

		@Override
		public Mono<WebGraphQlResponse> next(WebGraphQlRequest request) {
			this.calls.incrementAndGet();
			String code = this.codes.poll();
			ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().data(Map.of());
			if (code != null && !code.isEmpty()) {
				result.addError(GraphqlErrorBuilder.newError().message(code).extensions(Map.of("code", code)).build());
			}
			ExecutionInput input = ExecutionInput.newExecutionInput(request.getDocument()).build();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, result.build())));
		}

	}

}
