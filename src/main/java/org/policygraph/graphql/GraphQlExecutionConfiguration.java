package org.policygraph.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import org.policygraph.graph.GraphReads;
import org.policygraph.reading.LookAhead;
import org.policygraph.reading.LookAheadInstrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * How a request is executed: its documents parsed once, its reads in one transaction,
 * relationship fields looked ahead where a fetcher can.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer validatedDocuments() {
		ValidatedDocuments documents = new ValidatedDocuments();
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	@Bean
	Instrumentation lookAheadInstrumentation(LookAhead lookAhead) {
		return new LookAheadInstrumentation(lookAhead);
	}

	/** With the query limits' parser options when there are any. */
	@Bean
	QueriesOnly queriesOnly(ObjectProvider<ParserOptions> options) {
		return new QueriesOnly(options.getIfAvailable(ParserOptions::getDefaultOperationParserOptions));
	}

	/**
	 * Outermost, so that it sees the response as it leaves: every error graphql-java made
	 * (parse, validation, variables) gets a code and words without class names, wherever
	 * in the chain it arose.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebGraphQlInterceptor refusalWording(ObjectProvider<GraphQlSource> source) {
		return (request, chain) -> chain.next(request).map(response -> {
			if (response.getExecutionResult().getErrors().isEmpty()) {
				return response;
			}
			GraphQlRefusalWording wording = new GraphQlRefusalWording(source.getObject().schema());
			return response
				.transform(builder -> builder.errors(wording.reword(response.getExecutionResult().getErrors())));
		});
	}

	@Bean
	WebGraphQlInterceptor readRequestTransaction(GraphReads reads, QueriesOnly queriesOnly) {
		return new ReadRequestTransaction(reads, queriesOnly);
	}

}
