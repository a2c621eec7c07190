package org.policygraph.persisted;

import java.io.IOException;

import org.policygraph.http.FilterRegistrations;
import org.policygraph.persisted.PersistedDocumentsProperties.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Persisted documents on the GraphQL endpoint: Apollo's automatic persisted queries,
 * documentId, the allow-list.
 */
@Configuration(proxyBeanMethods = false)
class PersistedDocumentsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersistedDocumentsConfiguration.class);

	@Bean
	ListedDocuments listedDocuments(PersistedDocumentsProperties properties, JsonMapper json) throws IOException {
		ListedDocuments listed = ListedDocuments.load(properties, json);
		if (properties.mode() == Mode.ALLOW_LIST) {
			if (listed.size() == 0) {
				throw new IllegalStateException(
						"policygraph.persisted-documents.mode is allow-list, but no document is "
								+ "listed: set policygraph.persisted-documents.manifest, examples=true or explorer=true");
			}
			log.info("Only listed GraphQL documents run: {} (policygraph.persisted-documents.mode=allow-list)",
					listed.size());
		}
		return listed;
	}

	@Bean
	RegisteredDocuments registeredDocuments(PersistedDocumentsProperties properties) {
		return new RegisteredDocuments(properties.maxEntries());
	}

	@Bean
	PersistedDocumentsInterceptor persistedDocumentsInterceptor(PersistedDocuments documents) {
		return new PersistedDocumentsInterceptor(documents);
	}

	/**
	 * What a hash names and which documents run: one rule for the interceptor (POST) and
	 * for GET (http/GraphQlGet).
	 */
	@Bean
	PersistedDocuments persistedDocuments(PersistedDocumentsProperties properties, ListedDocuments listed,
			RegisteredDocuments registered) {
		return new PersistedDocuments(properties.mode(), listed, registered);
	}

	/**
	 * Right after limits/RequestSizeFilter (HIGHEST_PRECEDENCE + 10), which reads the
	 * body and checks its shape.
	 */
	@Bean
	FilterRegistrationBean<PersistedRequestFilter> persistedRequestFilter(GraphQlProperties graphQl, JsonMapper json) {
		return FilterRegistrations.onEveryDispatch(new PersistedRequestFilter(json), Ordered.HIGHEST_PRECEDENCE + 20,
				graphQl.getHttp().getPath());
	}

}
