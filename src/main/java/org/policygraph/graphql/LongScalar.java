package org.policygraph.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Long} scalar: amounts in yen exceed GraphQL's 32-bit Int. */
@Configuration(proxyBeanMethods = false)
class LongScalar {

	static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
		.name("Long")
		.description("A 64-bit whole number")
		.coercing(new Coercing<Long, Long>() {

			@Override
			public Long serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Number number) {
					return number.longValue();
				}
				throw new CoercingSerializeException("Not a whole number: " + value);
			}

			@Override
			public Long parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
					return number.longValue();
				}
				throw new CoercingParseValueException(
						"a Long (a whole number) is expected, not " + ((input instanceof Number) ? "a fraction"
								: GraphQlRefusalWording.jsonKind(input.getClass().getSimpleName())));
			}

			@Override
			public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof IntValue value) {
					try {
						return value.getValue().longValueExact();
					}
					catch (ArithmeticException ex) {
						throw new CoercingParseLiteralException(value.getValue() + " is outside the range of Long");
					}
				}
				if (input instanceof StringValue value) {
					try {
						return Long.parseLong(value.getValue());
					}
					catch (NumberFormatException ex) {
						// reported below
					}
				}
				throw new CoercingParseLiteralException("a Long (a whole number) is expected, not "
						+ GraphQlRefusalWording.astKind(input.getClass().getSimpleName()));
			}

		})
		.build();

	@Bean
	RuntimeWiringConfigurer longScalarWiring() {
		return wiring -> wiring.scalar(LONG);
	}

}
