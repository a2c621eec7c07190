package org.policygraph.reading;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;

/**
 * Answers a field looked ahead ({@link LookAhead}) from the local context its parent's
 * fetcher left, found by the field's name and argument values, and any other field, or
 * the same field asked with other argument values, by its own fetcher.
 */
public final class LookAheadInstrumentation implements Instrumentation {

	private final LookAhead lookAhead;

	public LookAheadInstrumentation(LookAhead lookAhead) {
		this.lookAhead = lookAhead;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		// most fields of a large answer are properties, answered by graphql-java's
		// trivial fetchers: leave them at once
		if (parameters.isTrivialDataFetcher()
				|| !(parameters.getExecutionStepInfo().getObjectType() instanceof GraphQLObjectType type)
				|| !this.lookAhead.answers(type.getName(), parameters.getField().getName())) {
			return fetcher;
		}
		return environment -> {
			String field = environment.getField().getName();
			if (environment.getLocalContext() instanceof LookAhead.Answered answered
					&& answered.has(environment.getSource(), field, environment.getArguments())) {
				return answered.get(environment.getSource(), field, environment.getArguments());
			}
			return fetcher.get(environment);
		};
	}

}
