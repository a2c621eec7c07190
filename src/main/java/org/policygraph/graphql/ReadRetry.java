package org.policygraph.graphql;

import java.time.Duration;

import org.policygraph.errors.ErrorCode;
import org.policygraph.graph.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Runs a query again when it failed because the database was unavailable (a connection
 * that broke when the server went away, a server just back whose old connections the pool
 * still held): reading twice changes nothing, so the client gets the answer instead of an
 * error when the database is back within {@code policygraph.database.read-retry-time}.
 * Mutations are never run again here; each runs in one managed write transaction, which
 * the driver retries only within {@code spring.neo4j.max-transaction-retry-time}.
 * <p>
 * Runs inside the request time limit (which is ordered first), so a retried query is
 * still answered in time, and outside the request's read transaction
 * ({@link ReadRequestTransaction}, innermost), so each run has its own.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ReadRetry implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ReadRetry.class);

	private static final Duration FIRST_DELAY = Duration.ofMillis(100);

	private final Duration budget;

	private final QueriesOnly queriesOnly;

	ReadRetry(DatabaseProperties properties, QueriesOnly queriesOnly) {
		this.budget = properties.readRetryTime();
		this.queriesOnly = queriesOnly;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return attempt(request, chain, Duration.ZERO, FIRST_DELAY, 1);
	}

	/**
	 * One run, and another after {@code delay} if this one found the database unavailable
	 * and the waits so far and this one fit in the budget. The budget counts waits, not
	 * the runs between them (which fail fast while the database is away, and are bounded
	 * by the request time limit in any case), so the number of runs is the budget's
	 * alone: 1 s allows waits of 100, 200 and 400 ms.
	 */
	private Mono<WebGraphQlResponse> attempt(WebGraphQlRequest request, Chain chain, Duration waited, Duration delay,
			int attempt) {
		return chain.next(request).flatMap(response -> {
			if (!unavailable(response) || waited.plus(delay).compareTo(this.budget) > 0
					|| !this.queriesOnly.test(request.getDocument())) {
				return Mono.just(response);
			}
			log.info("GraphQL request {}: the database was unavailable on attempt {}; reading again in {} ms",
					request.getId(), attempt, delay.toMillis());
			// the next attempt's data fetchers block on the database, so it runs on a
			// thread meant for that
			return Mono.defer(() -> attempt(request, chain, waited.plus(delay), delay.multipliedBy(2), attempt + 1))
				.delaySubscription(delay, Schedulers.boundedElastic());
		});
	}

	/**
	 * Whether any error says the database was unavailable, the one failure a second read
	 * may not repeat.
	 */
	private static boolean unavailable(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			if (ErrorCode.DATABASE_UNAVAILABLE.name().equals(error.getExtensions().get("code"))) {
				return true;
			}
		}
		return false;
	}

}
