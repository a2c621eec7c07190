package org.policygraph.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.schema.GraphQLSchema;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.reading.Paging;

/**
 * Refuses oversized, overdeep and overcostly operations before any data fetcher runs, in
 * the order graphql-java meets them: the parser stops at the size limits, the document's
 * aliases, operations and directives are counted before validation, and the chosen
 * operation's page sizes, fields, depth and cost are checked before execution. Every
 * refusal is a GraphQL error with a stable {@code extensions.code}.
 */
final class QueryLimitsInstrumentation implements Instrumentation {

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	QueryLimitsInstrumentation(LimitsProperties limits) {
		this.limits = limits;
		this.parserOptions = limits.parserOptions();
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new ParseOutcome();
	}

	/** graphql-java reads the parser options of a request from its context. */
	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		return input;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure instanceof ParseCancelledException || failure instanceof ParseCancelledTooDeepException
					|| failure instanceof ParseCancelledTooManyCharsException) {
				((ParseOutcome) state).cancelled = (InvalidSyntaxException) failure;
			}
		});
	}

	@Override
	public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		DocumentCounts counts = DocumentCounts.of(documentAndVariables.getDocument());
		refuseAbove(counts.operations(), this.limits.maxOperations(), ErrorCode.TOO_MANY_OPERATIONS,
				"The document defines %d operations; at most %d are allowed (policygraph.limits.max-operations)");
		refuseAbove(counts.aliases(), this.limits.maxAliases(), ErrorCode.TOO_MANY_ALIASES,
				"The document uses %d aliases; at most %d are allowed (policygraph.limits.max-aliases)");
		refuseAbove(counts.directives(), this.limits.maxDirectives(), ErrorCode.TOO_MANY_DIRECTIVES,
				"The document uses %d directives; at most %d are allowed (policygraph.limits.max-directives)");
		return documentAndVariables;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		GraphQLSchema schema = context.getGraphQLSchema();
		if (ExpandedFields.count(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(),
				this.limits.maxFields()) > this.limits.maxFields()) {
			throw tooManyFields();
		}
		// the execution's own normalized operation, kept for the fetchers' selection
		// sets, so it is built once; the
		// count above bounds it (each field at most once per object type it can be
		// selected on)
		ExecutableNormalizedOperation operation;
		try {
			operation = context.getNormalizedQueryTree().get();
		}
		catch (AbortExecutionException ex) {
			throw tooManyFields();
		}
		if (operation.getOperationFieldCount() > this.limits.maxFields()) {
			throw tooManyFields();
		}
		checkPageSizes(operation, schema);
		QueryCost cost = QueryCost.of(operation, schema, Paging.DEFAULT_FIRST, this.limits.assumedListSize());
		refuseAbove(cost.depth(), this.limits.maxDepth(), ErrorCode.QUERY_TOO_DEEP,
				"The operation is %d levels deep; at most %d are allowed (policygraph.limits.max-depth)");
		if (cost.cost() > this.limits.maxCost()) {
			throw refusal(ErrorCode.QUERY_TOO_COSTLY, String.format(
					"The operation could return %d list items (every first argument, %d for a list without one, multiplied down the tree); at most %d are allowed (policygraph.limits.max-cost)",
					cost.cost(), this.limits.assumedListSize(), this.limits.maxCost()), this.limits.maxCost(),
					cost.cost());
		}
		return SimpleInstrumentationContext.noOp();
	}

	private AbortExecutionException tooManyFields() {
		return refusal(ErrorCode.TOO_MANY_FIELDS, String.format(
				"The operation has more than %d fields once its fragments are expanded (policygraph.limits.max-fields)",
				this.limits.maxFields()), this.limits.maxFields(), null);
	}

	/**
	 * Paging's rule for {@code first}, applied to every field that takes one, before any
	 * of them runs.
	 */
	private static void checkPageSizes(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
		for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
			field.traverseSubTree(f -> checkPageSize(f, schema));
			checkPageSize(field, schema);
		}
	}

	private static void checkPageSize(ExecutableNormalizedField field, GraphQLSchema schema) {
		if (field.getName().startsWith("__")
				|| field.getFieldDefinitions(schema).getFirst().getArgument(QueryCost.FIRST) == null) {
			return;
		}
		if (field.getResolvedArguments().get(QueryCost.FIRST) instanceof Number first) {
			try {
				Paging.first(first.intValue());
			}
			catch (ApiException ex) {
				throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
					.errorType(ex.code().classification())
					.message(ex.getMessage() + " (on " + field.getName() + ")")
					.extensions(Map.of("code", ex.code().name(), "field", ex.field(), "limit", Paging.MAX_FIRST,
							"value", first))
					.build()));
			}
		}
	}

	/**
	 * Turns the parser's cancellation into a coded error; other syntax errors stay as
	 * graphql-java words them.
	 */
	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		InvalidSyntaxException cancelled = ((ParseOutcome) state).cancelled;
		if (cancelled == null) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>();
		for (GraphQLError error : result.getErrors()) {
			errors.add((error instanceof InvalidSyntaxError) ? parseLimitError(cancelled) : error);
		}
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	private GraphQLError parseLimitError(InvalidSyntaxException cancelled) {
		if (cancelled instanceof ParseCancelledTooManyCharsException) {
			return LimitError.of(ErrorCode.QUERY_TOO_LARGE, String.format(
					"The document is longer than %d characters (policygraph.limits.max-characters); parsing stopped",
					this.limits.maxCharacters()), this.limits.maxCharacters(), null);
		}
		if (cancelled instanceof ParseCancelledTooDeepException) {
			return LimitError.of(ErrorCode.QUERY_TOO_DEEP, String.format(
					"The document nests deeper than %d grammar rules (policygraph.limits.max-rule-depth); parsing stopped",
					this.limits.maxRuleDepth()), this.limits.maxRuleDepth(), null);
		}
		boolean whitespace = cancelled.getMessage() != null && cancelled.getMessage().contains("whitespace");
		int limit = whitespace ? this.limits.maxWhitespaceTokens() : this.limits.maxTokens();
		return LimitError.of(ErrorCode.QUERY_TOO_LARGE,
				String.format("The document has more than %d %s tokens (policygraph.limits.%s); parsing stopped", limit,
						whitespace ? "whitespace" : "grammar", whitespace ? "max-whitespace-tokens" : "max-tokens"),
				limit, null);
	}

	private static void refuseAbove(long value, long limit, ErrorCode code, String message) {
		if (value > limit) {
			throw refusal(code, String.format(message, value, limit), limit, value);
		}
	}

	private static AbortExecutionException refusal(ErrorCode code, String message, Object limit, Object value) {
		return new AbortExecutionException(List.of(LimitError.of(code, message, limit, value)));
	}

	/**
	 * Whether the parser stopped at a limit, which graphql-java's syntax error no longer
	 * tells.
	 */
	private static final class ParseOutcome implements InstrumentationState {

		private volatile InvalidSyntaxException cancelled;

	}

}
