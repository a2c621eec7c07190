package org.policygraph.browser;

import org.policygraph.embedded.BoltPassword;
import org.policygraph.embedded.EmbeddedNeo4jServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser (the assets of {@code org.neo4j.client:neo4j-browser}, under
 * {@code browser/} on the classpath) at {@code /browser/}, with the PolicyGraph style and
 * guide next to it; unless {@code policygraph.browser.enabled=false} (the {@code prod}
 * profile's default), which leaves all of it out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "policygraph.browser.enabled", matchIfMissing = true)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**")
			.addResourceLocations("classpath:/browser/")
			.resourceChain(true)
			.addTransformer(new BrowserBundleRewrite());
		registry.addResourceHandler("/browser-assets/*.grass").addResourceLocations("classpath:/cypher/browser/");
	}

	/**
	 * A Neo4j Browser served from elsewhere (Neo4j Desktop, a server's own) may fetch the
	 * guide and the style too.
	 */
	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/browser-guide/**").allowedOrigins("*").allowedMethods("GET");
		registry.addMapping("/browser-assets/**").allowedOrigins("*").allowedMethods("GET");
	}

	@Bean
	BoltEndpoint browserBoltEndpoint(ObjectProvider<EmbeddedNeo4jServer> embedded, Neo4jConnectionDetails configured,
			@Value("${spring.neo4j.authentication.username:neo4j}") String externalUser) {
		EmbeddedNeo4jServer server = embedded.getIfAvailable();
		if (server != null) {
			return new BoltEndpoint(server.boltUri(), BoltPassword.USER);
		}
		return new BoltEndpoint(configured.getUri(), externalUser);
	}

	@Bean
	BrowserGuide browserGuide() {
		return BrowserGuide.load();
	}

}
