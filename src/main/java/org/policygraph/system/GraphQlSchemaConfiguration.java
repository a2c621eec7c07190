package org.policygraph.system;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schema mapping inspection as a start-up check: a schema field without a data fetcher fails start-up. */
@Configuration(proxyBeanMethods = false)
class GraphQlSchemaConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer strictSchemaInspection() {
		return builder -> builder.inspectSchemaMappings(report -> {
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
					|| !report.unmappedArguments().isEmpty() || !report.skippedTypes().isEmpty()) {
				throw new IllegalStateException("GraphQL schema and controllers disagree: " + report);
			}
		});
	}

}
