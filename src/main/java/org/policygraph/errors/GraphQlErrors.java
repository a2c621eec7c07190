package org.policygraph.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.graph.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The one place that turns exceptions into GraphQL errors with a stable
 * {@code extensions.code}.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", api.code().name());
			if (api.field() != null) {
				extensions.put("field", api.field());
			}
			if (!api.problems().isEmpty()) {
				extensions.put("problems", api.problems());
			}
			return error(env, api.code(), api.getMessage(), extensions);
		}
		if (isTimeout(ex)) {
			log.warn("Transaction timed out while fetching {}: {}", env.getExecutionStepInfo().getPath(),
					ex.getMessage());
			return error(env, ErrorCode.TIMEOUT,
					"The database stopped the request: it ran longer than the transaction timeout (policygraph.limits.transaction-timeout)",
					Map.of("code", ErrorCode.TIMEOUT.name()));
		}
		if (DatabaseUnavailable.causedBy(ex)) {
			log.warn("Database unavailable while fetching {}: {}", env.getExecutionStepInfo().getPath(),
					ex.getMessage());
			return error(env, ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; retry later",
					Map.of("code", ErrorCode.DATABASE_UNAVAILABLE.name(), "retryable", true));
		}
		log.error("Unexpected error fetching {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorCode.INTERNAL, "Internal error", Map.of("code", ErrorCode.INTERNAL.name()));
	}

	/**
	 * Neo4j stopped the transaction at its timeout, or Spring found its deadline passed
	 * before a statement.
	 */
	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TransactionTimedOutException || t instanceof QueryTimeoutException
					|| (t instanceof Neo4jException neo4j && neo4j.code() != null
							&& neo4j.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut"))) {
				return true;
			}
		}
		return false;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.classification())
			.message(message)
			.extensions(extensions)
			.build();
	}

}
