package org.policygraph.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Answers a request of queries only in one read transaction. A request reads level by
 * level, one batched statement per relationship field, and each repository method would
 * otherwise open its own transaction (a session, a BEGIN and a COMMIT each); in this one
 * they all join it. The fetchers run on the thread that executes the request, which holds
 * the transaction; one that ran elsewhere would simply open its own, as before.
 * <p>
 * A request with a mutation (or a subscription, or a document that does not parse) is
 * left alone: each change is its own write transaction, and graphql-java reports the
 * syntax errors. The transaction carries the transaction timeout (limits), which now
 * bounds the whole request's reads rather than each statement's.
 */
final class ReadRequestTransaction implements WebGraphQlInterceptor, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ReadRequestTransaction.class);

	private final PlatformTransactionManager transactions;

	private final DefaultTransactionDefinition readOnly;

	private final QueriesOnly queriesOnly;

	ReadRequestTransaction(PlatformTransactionManager transactions, QueriesOnly queriesOnly) {
		this.transactions = transactions;
		this.queriesOnly = queriesOnly;
		this.readOnly = new DefaultTransactionDefinition();
		this.readOnly.setReadOnly(true);
		this.readOnly.setName("graphql-read-request");
	}

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
		// thread holding the
		// transaction; the caller's Reactor context is handed on.
		return Mono.deferContextual(context -> Mono.fromCallable(() -> {
			TransactionStatus status;
			try {
				status = this.transactions.getTransaction(this.readOnly);
			}
			catch (RuntimeException unavailable) {
				// no transaction could begin (the database is away, say): the request
				// runs as it would without this
				// interceptor, each read opening its own, so every failure becomes the
				// field's error with its code
				log.debug("A read request's transaction could not begin: {}", unavailable.toString());
				return chain.next(request).contextWrite(context).block();
			}
			WebGraphQlResponse response;
			try {
				response = chain.next(request).contextWrite(context).block();
			}
			catch (RuntimeException | Error ex) {
				end(status);
				throw ex;
			}
			end(status);
			return response;
		}));
	}

	/**
	 * Ends the transaction without failing the answer: the reads are done, and a
	 * statement that failed (say, at the transaction timeout) has already become an error
	 * in the response and left the transaction to roll back.
	 */
	private void end(TransactionStatus status) {
		try {
			if (status.isRollbackOnly()) {
				this.transactions.rollback(status);
			}
			else {
				this.transactions.commit(status);
			}
		}
		catch (TransactionException | org.neo4j.driver.exceptions.Neo4jException ex) {
			log.debug("Ending a read request's transaction failed: {}", ex.toString());
		}
	}

}
