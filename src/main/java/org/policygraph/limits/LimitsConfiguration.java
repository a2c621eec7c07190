package org.policygraph.limits;

import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/** Puts the limits of {@link LimitsProperties} in front of the GraphQL endpoint and into every transaction. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	/** Spring GraphQL adds every Instrumentation bean to graphql-java. */
	@Bean
	Instrumentation queryLimitsInstrumentation(LimitsProperties limits) {
		return new QueryLimitsInstrumentation(limits);
	}

	/** The parser's size limits, for whatever parses a request's document before graphql-java does. */
	@Bean
	ParserOptions limitsParserOptions(LimitsProperties limits) {
		return limits.parserOptions();
	}

	/** Outermost, so it answers in time whatever the interceptors inside it wait for (retries of reads included). */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebGraphQlInterceptor requestTimeLimit(LimitsProperties limits) {
		return new RequestTimeLimit(limits.requestTimeout());
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(LimitsProperties limits, GraphQlProperties graphQl,
			JsonMapper json) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(limits.maxRequestSize().toBytes(), json));
		registration.addUrlPatterns(graphQl.getHttp().getPath());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Every transaction Spring starts (every read of the API, and writes made through it) carries the timeout to
	 * Neo4j, embedded or external. Not a server-wide setting: an import writes a whole dataset in one
	 * transaction on the driver, and may take longer than a request.
	 */
	@Bean
	TransactionManagerCustomizer<AbstractPlatformTransactionManager> transactionTimeout(LimitsProperties limits) {
		return manager -> manager.setDefaultTimeout(Math.toIntExact(Math.max(1, limits.transactionTimeout().toSeconds())));
	}

}
