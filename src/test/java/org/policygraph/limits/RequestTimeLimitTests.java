package org.policygraph.limits;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTimeLimitTests {

	static final WebGraphQlRequest REQUEST = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
			new HttpHeaders(), new LinkedMultiValueMap<>(), Map.of(), Map.of("query", "{ plans { id } }"), "1", null);

	@Test
	void aRequestStillRunningAtTheLimitIsAnsweredWithATimeoutError() {
		WebGraphQlResponse response = new RequestTimeLimit(Duration.ofMillis(50))
			.intercept(REQUEST, request -> Mono.never())
			.block(Duration.ofSeconds(5));
		assertThat(response.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT").containsEntry("limit", 50L);
			assertThat(error.getMessage()).contains("50 ms", "policygraph.limits.request-timeout");
		});
	}

	@Test
	void aRequestDoneInTimeIsAnsweredAsItWas() {
		ExecutionResult plans = ExecutionResult.newExecutionResult().data(Map.of("plans", List.of())).build();
		WebGraphQlResponse answered = new RequestTimeLimit(Duration.ofMillis(50))
			.intercept(REQUEST,
					request -> Mono.just(new WebGraphQlResponse(
							new DefaultExecutionGraphQlResponse(request.toExecutionInput(), plans))))
			.block(Duration.ofSeconds(5));
		assertThat(answered.getErrors()).isEmpty();
		assertThat(answered.toMap()).containsEntry("data", Map.of("plans", List.of()));
	}

}
