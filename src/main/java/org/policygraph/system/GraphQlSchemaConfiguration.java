package org.policygraph.system;

import org.policygraph.organization.Facility;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schema mapping inspection as a start-up check: a schema field without a data fetcher fails start-up.
 * ({@code policygraph.graphql.strict-schema=false} only logs the report, for work in progress.)
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSchemaConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer strictSchemaInspection(
			@Value("${policygraph.graphql.strict-schema:true}") boolean strict) {
		// Facility is returned only through the Node interface (node, search), whose fetchers return Object, so
		// the inspector needs to be told which record stands for it.
		return builder -> builder.inspectSchemaMappings(
				initializer -> initializer.classMapping("Facility", Facility.class), report -> {
					if (strict && (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
							|| !report.unmappedArguments().isEmpty() || !report.skippedTypes().isEmpty())) {
						throw new IllegalStateException("GraphQL schema and controllers disagree: " + report);
					}
				});
	}

}
