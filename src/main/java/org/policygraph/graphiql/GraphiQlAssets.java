package org.policygraph.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The GraphiQL page's scripts and styles under {@code /graphiql/assets/}: the page's own
 * ({@code graphiql/assets/} on the classpath) and those of the GraphiQL, React and React
 * DOM webjars the build brings from Maven Central, named without their versions
 * ({@code /graphiql/assets/graphiql/graphiql.min.js}) so that only pom.xml pins them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "policygraph.graphiql.enabled", matchIfMissing = true)
class GraphiQlAssets implements WebMvcConfigurer {

	static final String PATH = GraphiQlPage.PATH + "/assets";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "/**")
			.addResourceLocations("classpath:/graphiql/assets/", "classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
