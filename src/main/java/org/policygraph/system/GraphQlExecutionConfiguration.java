package org.policygraph.system;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.transaction.PlatformTransactionManager;

/** How a request is executed: its documents parsed once, its reads in one transaction. */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer validatedDocuments() {
		ValidatedDocuments documents = new ValidatedDocuments();
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	@Bean
	WebGraphQlInterceptor readRequestTransaction(PlatformTransactionManager transactions) {
		return new ReadRequestTransaction(transactions);
	}

}
