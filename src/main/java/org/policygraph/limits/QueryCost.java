package org.policygraph.limits;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * How deep an operation reaches and how many list items its response could hold, computed
 * from the operation alone before anything runs, the way GitHub's GraphQL API computes
 * its node limit: every list counts its size times the number of parents it repeats
 * under.
 * <ul>
 * <li>A list field with a {@code first} argument holds {@code first} items
 * ({@code defaultFirst} when omitted from a root field; a nested list such as
 * {@code Measure.programs} is whole when it is omitted, and counts as any other
 * list).</li>
 * <li>A field with {@code first} that returns an object (a Relay connection) passes
 * {@code first} on as the size of the lists directly inside it ({@code edges}).</li>
 * <li>Any other list is assumed to hold {@code assumedListSize} items.</li>
 * <li>Objects that are not in a list count nothing of their own; they repeat with their
 * parent.</li>
 * <li>Where a field's type is an interface, fragments on different types exclude each
 * other: the children cost what the costliest type asks for.</li>
 * <li>Introspection ({@code __schema}, {@code __type}) reads the in-memory schema, never
 * the database, and counts neither depth nor cost.</li>
 * </ul>
 *
 * @param depth the deepest field's level, root fields being level 1
 * @param cost the number of list items the response could hold
 */
record QueryCost(int depth, long cost) {

	static final String FIRST = "first";

	static QueryCost of(ExecutableNormalizedOperation operation, GraphQLSchema schema, int defaultFirst,
			int assumedListSize) {
		Calculator calculator = new Calculator(schema, defaultFirst, assumedListSize);
		long cost = calculator.cost(operation.getTopLevelFields(), 1, null);
		return new QueryCost(calculator.depth, cost);
	}

	private static final class Calculator {

		private final GraphQLSchema schema;

		private final int defaultFirst;

		private final int assumedListSize;

		private int depth;

		Calculator(GraphQLSchema schema, int defaultFirst, int assumedListSize) {
			this.schema = schema;
			this.defaultFirst = defaultFirst;
			this.assumedListSize = assumedListSize;
		}

		/**
		 * Cost of sibling fields resolved {@code parents} times; the costliest object
		 * type among them wins.
		 */
		long cost(List<ExecutableNormalizedField> fields, long parents, Integer pageSize) {
			Set<String> types = new HashSet<>();
			fields.forEach(field -> types.addAll(field.getObjectTypeNames()));
			long costliest = 0;
			for (String type : types) {
				long sum = 0;
				for (ExecutableNormalizedField field : fields) {
					if (field.getObjectTypeNames().contains(type)) {
						sum = saturatedAdd(sum, cost(field, parents, pageSize));
					}
				}
				costliest = Math.max(costliest, sum);
			}
			return costliest;
		}

		private long cost(ExecutableNormalizedField field, long parents, Integer pageSize) {
			if (field.getName().startsWith("__")) {
				return 0;
			}
			this.depth = Math.max(this.depth, field.getLevel());
			GraphQLFieldDefinition definition = field.getFieldDefinitions(this.schema).getFirst();
			Integer first = (definition.getArgument(FIRST) != null) ? first(field) : null;
			if (isList(definition.getType())) {
				long size = (first != null) ? first : (pageSize != null) ? pageSize : this.assumedListSize;
				long items = saturatedMultiply(parents, size);
				return saturatedAdd(items, cost(field.getChildren(), items, null));
			}
			return cost(field.getChildren(), parents, first);
		}

		private Integer first(ExecutableNormalizedField field) {
			Object value = field.getResolvedArguments().get(FIRST);
			if (value instanceof Number number) {
				return Math.max(0, number.intValue());
			}
			return (field.getLevel() == 1) ? this.defaultFirst : null;
		}

		private static boolean isList(GraphQLType type) {
			return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
		}

	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long saturatedMultiply(long a, long b) {
		try {
			return Math.multiplyExact(a, b);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

}
