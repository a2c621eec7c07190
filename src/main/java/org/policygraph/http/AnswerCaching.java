package org.policygraph.http;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * Whether an answer of POST may be kept, and the graph's version after a change: an
 * answer to a request with a token may hold what only that token may see and is
 * {@code private, no-store}; any other POST answer {@code no-store} (POST answers are not
 * cached; GET's say so themselves, {@link GraphQlGet}). After a request that may have
 * changed the graph, its version is read afresh, so the next GET's ETag is a new one.
 */
record AnswerCaching(Operations operations, GraphVersion version) implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		boolean token = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		Mono<WebGraphQlResponse> answer = chain.next(request).map(response -> {
			response.getResponseHeaders().setCacheControl(token ? GraphQlGet.PRIVATE : "no-store");
			return response;
		});
		return this.operations.mayWrite(request.getDocument()) ? answer.doFinally(signal -> this.version.changed())
				: answer;
	}

}
