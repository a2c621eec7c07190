package org.policygraph.limits;

import java.time.Duration;

import graphql.parser.ParserOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep a hostile or careless request from taking the API down; all but the
 * time limits are checked before any Cypher runs. README.md, "Limits", lists them with
 * their error codes.
 *
 * @param maxRequestSize largest HTTP request body accepted on the GraphQL endpoint (and
 * on any other path but uploads, which take none)
 * @param requestHeaderTimeout longest a request's line and headers may take to arrive
 * from their first byte; the connection is then closed, see
 * {@link HeaderDeadlineProtocol}
 * @param requestBodyTimeout longest a request body may take to arrive once its headers
 * have; the request is then answered 408 and its connection closed, see
 * {@link RequestBodyGate}
 * @param maxCharacters longest GraphQL document the parser reads
 * @param maxTokens most grammar tokens (names, punctuation, values) the parser reads
 * @param maxWhitespaceTokens most whitespace, comma and comment tokens the parser reads
 * @param maxRuleDepth deepest nesting of grammar rules the parser follows (selections,
 * lists and objects in values)
 * @param maxOperations most operations one document may define
 * @param maxAliases most aliases one document may use
 * @param maxDirectives most directives one document may use
 * @param maxFields most fields an operation may have once its fragments are expanded
 * @param maxDepth deepest field level an operation may reach, root fields being level 1
 * @param maxCost most list items an operation's response could hold, see
 * {@link QueryCost}
 * @param assumedListSize how many items a list without a {@code first} argument is
 * assumed to hold
 * @param requestTimeout longest a GraphQL request may run before it is answered with a
 * TIMEOUT error
 * @param transactionTimeout longest a Neo4j transaction of the API may run, in whole
 * seconds (Spring's transactions count in seconds); below the request timeout so the
 * database stops the work of a request that timed out
 */
@ConfigurationProperties("policygraph.limits")
public record LimitsProperties(@DefaultValue("64KB") DataSize maxRequestSize,
		@DefaultValue("5s") Duration requestHeaderTimeout, @DefaultValue("5s") Duration requestBodyTimeout,
		@DefaultValue("20000") int maxCharacters, @DefaultValue("5000") int maxTokens,
		@DefaultValue("20000") int maxWhitespaceTokens, @DefaultValue("100") int maxRuleDepth,
		@DefaultValue("5") int maxOperations, @DefaultValue("50") int maxAliases, @DefaultValue("50") int maxDirectives,
		@DefaultValue("1000") int maxFields, @DefaultValue("10") int maxDepth, @DefaultValue("50000") long maxCost,
		@DefaultValue("5") int assumedListSize, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("8s") Duration transactionTimeout) {

	public LimitsProperties {
		requirePositive("request-header-timeout", requestHeaderTimeout);
		requirePositive("request-body-timeout", requestBodyTimeout);
		if (transactionTimeout.compareTo(requestTimeout) >= 0) {
			throw new IllegalArgumentException("policygraph.limits.transaction-timeout (" + transactionTimeout
					+ ") must be below policygraph.limits.request-timeout (" + requestTimeout
					+ "), so the database stops a timed-out request's work");
		}
	}

	private static void requirePositive(String name, Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("policygraph.limits." + name + " (" + timeout
					+ ") must be positive: a slow client would otherwise keep its connection for ever");
		}
	}

	/** The body limits, as the filters that read a request's body apply them. */
	BodyLimits bodyLimits(JsonMapper json) {
		return new BodyLimits(maxRequestSize().toBytes(), requestBodyTimeout(), json);
	}

	/** graphql-java's parser options for an operation, with the size limits above. */
	public ParserOptions parserOptions() {
		return ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(maxCharacters())
				.maxTokens(maxTokens())
				.maxWhitespaceTokens(maxWhitespaceTokens())
				.maxRuleDepth(maxRuleDepth()));
	}

}
