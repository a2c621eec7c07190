package org.policygraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.policygraph.errors.ErrorCode;

/**
 * graphql-java's own refusals (a document that does not parse, does not validate, or
 * whose variables do not fit their types) in words a GraphQL client reads, with a stable
 * {@code extensions.code}. graphql-java words them for its own developers: an argument's
 * value is shown as its syntax tree's {@code toString()} ({@code EnumValue{name='FOO'}}),
 * a wrong kind of value by its AST class ({@code StringValue}), a variable's by its Java
 * class ({@code LinkedHashMap}). Each known wording is rewritten from the facts it holds
 * (the argument, the type, the value); anything that still names a class after that is
 * replaced by a plain sentence, so that no wording graphql-java adds later can leak one.
 * Errors are otherwise kept as they are; an error without locations loses its empty
 * {@code "locations": []}.
 */
final class GraphQlRefusalWording {

	/**
	 * What must never reach a client: a toString, a qualified class name, a syntax-tree
	 * or Java class.
	 */
	static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z]*\\{[A-Za-z]+=|[A-Z][A-Za-z]*\\{\\}"
			+ "|\\b(?:java|javax|jakarta|graphql|org|com|tools)\\.[a-z]\\w*\\."
			+ "|\\b(?:StringValue|IntValue|FloatValue|BooleanValue|EnumValue|NullValue|ArrayValue|ObjectValue|ObjectField"
			+ "|VariableReference|LinkedHashMap|HashMap|ArrayList|BigInteger|BigDecimal|Integer|Double|Short|Byte|Character"
			+ "|ANTLR|AST)\\b");

	private static final Pattern VALIDATION_PREFIX = Pattern
		.compile("^Validation error \\((\\w+)(?:@\\[([^\\]]*)\\])?\\) ?: ", Pattern.DOTALL);

	private static final Pattern ARGUMENT = Pattern
		.compile("^argument '([^']*)' with value '(.*)' (is not a valid '(\\w+)'"
				+ "(?: - (.*))?|must not be null|is missing required fields '\\[(.*)\\]'|contains a field not in '(\\w+)': '(\\w+)'"
				+ "|must be an object type)$", Pattern.DOTALL);

	private static final Pattern VARIABLE = Pattern.compile("^Variable '(\\w+)' has an invalid value: (.*)$",
			Pattern.DOTALL);

	private static final Pattern ENUM_UNKNOWN = Pattern
		.compile("^(?:Literal value not in allowable values for enum '\\w+' - '(.*)'|Invalid input for enum '\\w+'\\. "
				+ "(?:No value found for name|Unknown value) '(.*)')$", Pattern.DOTALL);

	private static final Pattern WRONG_AST = Pattern.compile("^Expected an AST type of .* but it was a '(\\w+)'$");

	private static final Pattern INT_RANGE = Pattern
		.compile("^Expected value to be in the integer range, but it was a '(.*)'$", Pattern.DOTALL);

	private static final Pattern WRONG_JAVA = Pattern
		.compile("^Expected (?:a (\\w+) input|a value that can be converted "
				+ "to type '(\\w+)'|type '(\\w+)'), but (?:it )?was a?\\s?'(\\w+)'.*$", Pattern.DOTALL);

	private static final Pattern NULL_VARIABLE = Pattern
		.compile("^Variable '\\w+' has coerced Null value for NonNull type '([^']*)'$");

	private static final Pattern ANTLR = Pattern
		.compile("^Invalid syntax with ANTLR error '(.*)' at line (\\d+) column (\\d+)$", Pattern.DOTALL);

	private static final Pattern SIMPLE_LITERAL = Pattern
		.compile("^(?:EnumValue\\{name='(\\w+)'\\}|IntValue\\{value=(-?\\d+)\\}|FloatValue\\{value=([-+.\\dEe]+)\\}"
				+ "|BooleanValue\\{value=(true|false)\\}|(NullValue\\{\\}))$");

	private final GraphQLSchema schema;

	GraphQlRefusalWording(GraphQLSchema schema) {
		this.schema = schema;
	}

	/**
	 * The error as clients see it: reworded and coded if graphql-java made it, otherwise
	 * as it was.
	 */
	GraphQLError reword(GraphQLError error) {
		Map<String, Object> extensions = (error.getExtensions() != null) ? new LinkedHashMap<>(error.getExtensions())
				: new LinkedHashMap<>();
		ErrorClassification classification = error.getErrorType();
		String message = error.getMessage();
		if (!extensions.containsKey("code")) {
			if (classification == graphql.ErrorType.InvalidSyntax) {
				extensions.put("code", ErrorCode.GRAPHQL_PARSE_FAILED.name());
				message = parseMessage(message);
			}
			else if (classification == graphql.ErrorType.ValidationError
					|| classification == graphql.ErrorType.OperationNotSupported) {
				extensions.put("code", ErrorCode.GRAPHQL_VALIDATION_FAILED.name());
				message = validationMessage(message);
			}
		}
		if (message == null || CLASS_NAME.matcher(message).find()) {
			message = (classification == graphql.ErrorType.InvalidSyntax) ? "The document is not valid GraphQL syntax"
					: "The request does not fit the schema (see the locations)";
		}
		boolean noLocations = error.getLocations() != null && error.getLocations().isEmpty();
		if (message.equals(error.getMessage()) && extensions.equals(error.getExtensions()) && !noLocations) {
			return error;
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(noLocations ? null : error.getLocations())
			.path(error.getPath())
			.errorType(classification)
			.extensions(extensions)
			.build();
	}

	private static String parseMessage(String message) {
		Matcher antlr = (message != null) ? ANTLR.matcher(message) : null;
		if (antlr != null && antlr.matches()) {
			return "Invalid syntax at line " + antlr.group(2) + " column " + antlr.group(3) + ": " + antlr.group(1);
		}
		return message;
	}

	private String validationMessage(String message) {
		if (message == null) {
			return null;
		}
		Matcher variable = VARIABLE.matcher(message);
		if (variable.matches()) {
			return "Variable '" + variable.group(1) + "' has an invalid value: " + variableProblem(variable.group(2));
		}
		Matcher prefix = VALIDATION_PREFIX.matcher(message);
		if (!prefix.find()) {
			return message;
		}
		String rest = message.substring(prefix.end());
		String field = prefix.group(2);
		Matcher argument = ARGUMENT.matcher(rest);
		if (!"WrongType".equals(prefix.group(1)) || !argument.matches()) {
			return capitalized(rest);
		}
		String where = (field == null || field.isEmpty()) ? "" : " (on " + field.replace('/', '.') + ")";
		return "Argument '" + argument.group(1) + "'" + where + " has an invalid value: " + argumentProblem(argument);
	}

	private String argumentProblem(Matcher argument) {
		String problem = argument.group(3);
		if (problem.equals("must not be null")) {
			return "it must not be null";
		}
		if (problem.equals("must be an object type")) {
			return "it must be an input object ({ field: value … })";
		}
		if (argument.group(6) != null) {
			return "the input object lacks its required fields " + argument.group(6);
		}
		if (argument.group(7) != null) {
			return "'" + argument.group(8) + "' is not a field of " + argument.group(7) + fieldsOf(argument.group(7));
		}
		String type = argument.group(4);
		String detail = argument.group(5);
		String value = literal(argument.group(2));
		if (detail == null) {
			return ((value != null) ? value : "the value") + " is not " + expected(type);
		}
		return typeProblem(type, detail, value);
	}

	/** The problem with a value for the type, from graphql-java's detail on it. */
	private String typeProblem(String type, String detail, String value) {
		Matcher unknown = ENUM_UNKNOWN.matcher(detail);
		if (unknown.matches()) {
			String given = (unknown.group(1) != null) ? literal(unknown.group(1)) : unknown.group(2);
			return "'" + ((given != null) ? given : "the value") + "' is not one of " + enumValues(type);
		}
		Matcher wrongAst = WRONG_AST.matcher(detail);
		if (wrongAst.matches()) {
			return expected(type) + " is expected, not " + astKind(wrongAst.group(1));
		}
		Matcher range = INT_RANGE.matcher(detail);
		if (range.matches()) {
			return range.group(1) + " is outside the range of Int (-2147483648 to 2147483647)";
		}
		Matcher wrongJava = WRONG_JAVA.matcher(detail);
		if (wrongJava.matches()) {
			return expected(type) + " is expected, not " + jsonKind(wrongJava.group(4));
		}
		Matcher nullVariable = NULL_VARIABLE.matcher(detail);
		if (nullVariable.matches()) {
			return "it must not be null (" + nullVariable.group(1) + ")";
		}
		return CLASS_NAME.matcher(detail).find() ? "it is not " + expected(type) : detail;
	}

	private String variableProblem(String detail) {
		Matcher unknown = ENUM_UNKNOWN.matcher(detail);
		if (unknown.matches() && unknown.group(2) != null) {
			String type = detail.replaceFirst("^Invalid input for enum '(\\w+)'.*$", "$1");
			return "'" + unknown.group(2) + "' is not one of " + enumValues(type);
		}
		Matcher wrongJava = WRONG_JAVA.matcher(detail);
		if (wrongJava.matches()) {
			String type = (wrongJava.group(1) != null) ? wrongJava.group(1)
					: (wrongJava.group(2) != null) ? wrongJava.group(2) : wrongJava.group(3);
			return (type.equals("Map") ? "an input object (a JSON object)" : expected(type)) + " is expected, not "
					+ jsonKind(wrongJava.group(4));
		}
		return typeProblem("", detail, null);
	}

	/** What a value of the type looks like, for "… is expected". */
	private String expected(String type) {
		return switch (type) {
			case "Int" -> "an Int (a whole number from -2147483648 to 2147483647)";
			case "Long" -> "a Long (a whole number)";
			case "Float" -> "a Float (a number)";
			case "String" -> "a String";
			case "Boolean" -> "a Boolean (true or false)";
			case "ID" -> "an ID (a string or a whole number)";
			case "" -> "a value of the variable's type";
			default -> {
				GraphQLType named = this.schema.getType(type);
				if (named instanceof GraphQLEnumType) {
					yield "one of " + enumValues(type) + " (written without quotes in a document)";
				}
				yield (named instanceof GraphQLInputObjectType) ? "an input object of type " + type : "a " + type;
			}
		};
	}

	private String enumValues(String type) {
		if (this.schema.getType(type) instanceof GraphQLEnumType enumType) {
			return String.join(", ", enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
		}
		return "the values of " + type;
	}

	private String fieldsOf(String type) {
		if (this.schema.getType(type) instanceof GraphQLInputObjectType input) {
			return " (its fields: "
					+ String.join(", ", input.getFieldDefinitions().stream().map(f -> f.getName()).toList()) + ")";
		}
		return "";
	}

	/**
	 * A simple value written back as GraphQL ({@code EnumValue{name='FOO'}} is FOO); null
	 * for anything else.
	 */
	static String literal(String astToString) {
		Matcher simple = SIMPLE_LITERAL.matcher(astToString);
		if (!simple.matches()) {
			return null;
		}
		for (int group = 1; group <= 4; group++) {
			if (simple.group(group) != null) {
				return simple.group(group);
			}
		}
		return "null";
	}

	/** A syntax-tree class as the kind of value a document writes. */
	static String astKind(String astClass) {
		return switch (astClass) {
			case "StringValue" -> "a string";
			case "IntValue" -> "an integer";
			case "FloatValue" -> "a float";
			case "BooleanValue" -> "a boolean";
			case "EnumValue" -> "an enum value";
			case "NullValue" -> "null";
			case "ArrayValue" -> "a list";
			case "ObjectValue" -> "an input object";
			case "VariableReference" -> "a variable";
			default -> "a value of another kind";
		};
	}

	private static final Set<String> NUMBERS = Set.of("Integer", "Long", "BigInteger", "Short", "Byte", "Double",
			"Float", "BigDecimal", "Number");

	/** The Java class a JSON variable was read into, as the JSON kind it was. */
	static String jsonKind(String javaClass) {
		if (NUMBERS.contains(javaClass)) {
			return "a number";
		}
		return switch (javaClass) {
			case "String" -> "a string";
			case "Boolean" -> "a boolean";
			case "LinkedHashMap", "HashMap", "Map", "TreeMap" -> "an object";
			case "ArrayList", "List", "LinkedList" -> "a list";
			default -> "a value of another kind";
		};
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** Every error of a response, reworded. */
	List<GraphQLError> reword(List<GraphQLError> errors) {
		return errors.stream().map(this::reword).toList();
	}

}
