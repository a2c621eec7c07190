package org.policygraph.graphql;

import org.policygraph.graph.GraphReads;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Answers a request of queries only in one read transaction. A request reads level by
 * level, one batched statement per relationship field, and each repository method would
 * otherwise open its own transaction (a BEGIN and a COMMIT each); in this one they all
 * join it, so the request sees one state of the graph. The transaction begins with the
 * request's first statement: a request that reads nothing (<code>{ __typename }</code>)
 * begins none. The fetchers run on the thread that executes the request, which holds the
 * transaction; one that ran elsewhere would simply open its own, as before.
 * <p>
 * A request with a mutation (or a subscription, or a document that does not parse) is
 * left alone: each change is its own write transaction, and graphql-java reports the
 * syntax errors. The transaction carries the transaction timeout (limits), which bounds
 * the whole request's reads rather than each statement's. A transaction that cannot begin
 * (the database is away) fails the statement that began it, so that field's error says so
 * with its code.
 */
record ReadRequestTransaction(GraphReads reads, QueriesOnly queriesOnly) implements WebGraphQlInterceptor, Ordered {

	/** Innermost: the request's time limit and the rest see the request as before. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!this.queriesOnly.test(request.getDocument())) {
			return chain.next(request);
		}
		// The execution runs on the subscribing thread, so blocking here keeps it on the
		// thread holding the transaction; the caller's Reactor context is handed on.
		return Mono.deferContextual(context -> Mono
			.fromCallable(() -> this.reads.inOneTransaction(() -> chain.next(request).contextWrite(context).block())));
	}

}
