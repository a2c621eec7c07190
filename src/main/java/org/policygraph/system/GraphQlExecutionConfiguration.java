package org.policygraph.system;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How a request is executed: its documents parsed once, its reads in one transaction, relationship fields looked
 * ahead where a fetcher can.
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

	@Bean
	WebGraphQlInterceptor readRequestTransaction(PlatformTransactionManager transactions) {
		return new ReadRequestTransaction(transactions);
	}

}
