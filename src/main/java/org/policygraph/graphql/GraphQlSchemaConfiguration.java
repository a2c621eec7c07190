package org.policygraph.graphql;

import java.util.List;

import org.policygraph.reading.NodeReader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schema mapping inspection as a start-up check: a schema field without a data fetcher
 * fails start-up. ({@code policygraph.graphql.strict-schema=false} only logs the report,
 * for work in progress.)
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSchemaConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer strictSchemaInspection(
			@Value("${policygraph.graphql.strict-schema:true}") boolean strict, List<NodeReader> readers) {
		// Some types (Facility) are returned only through the Node interface (node,
		// search), whose fetchers return
		// Object, so the inspector is told which record stands for each node type, by the
		// features that own them.
		return builder -> builder.inspectSchemaMappings(
				initializer -> readers.forEach(reader -> initializer.classMapping(reader.label(), reader.type())),
				report -> {
					if (strict && (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
							|| !report.unmappedArguments().isEmpty() || !report.skippedTypes().isEmpty())) {
						throw new IllegalStateException("GraphQL schema and controllers disagree: " + report);
					}
				});
	}

}
