package org.policygraph.reading;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;

/**
 * Answers a field looked ahead ({@link LookAhead}) from the local context its parent's
 * fetcher left, and any other field, or the same field asked with arguments, by its own
 * fetcher.
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
			if (environment.getLocalContext() instanceof LookAhead.Answered answered
					&& environment.getField().getArguments().isEmpty()
					&& answered.has(environment.getSource(), environment.getField().getName())) {
				return answered.get(environment.getSource(), environment.getField().getName());
			}
			return fetcher.get(environment);
		};
	}

}
