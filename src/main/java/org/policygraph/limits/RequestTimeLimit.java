package org.policygraph.limits;

import java.time.Duration;

import graphql.ExecutionResult;
import org.policygraph.errors.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Answers a request that runs too long with a TIMEOUT error instead of keeping the client
 * waiting. (Spring's TimeoutWebGraphQlInterceptor answers with a bare HTTP 408 instead,
 * without the error format clients read.) The database work goes on until the shorter
 * transaction timeout stops it.
 */
final class RequestTimeLimit implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RequestTimeLimit.class);

	private final Duration timeout;

	RequestTimeLimit(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).timeout(this.timeout, Mono.fromSupplier(() -> timedOut(request)));
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		log.warn("GraphQL request {} ran longer than {} and was answered with TIMEOUT", request.getId(), this.timeout);
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(LimitError.of(ErrorCode.TIMEOUT,
					"The request ran longer than " + this.timeout.toMillis()
							+ " ms (policygraph.limits.request-timeout) and was stopped",
					this.timeout.toMillis(), null))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
