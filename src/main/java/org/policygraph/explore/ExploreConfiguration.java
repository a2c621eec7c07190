package org.policygraph.explore;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The planners' explorer at {@code /explore/}: a page of plain HTML, CSS and ES modules
 * ({@code explore/} on the classpath) that reads nothing but the public GraphQL API, with
 * its operations as {@code .graphql} files beside it. Served in every profile, also in
 * {@code prod}: it shows what the API shows anyone. Its files are revalidated on every
 * load (they change with the service), and its pages may run only the service's own
 * scripts and reach only the service ({@link #POLICY}).
 */
@Configuration(proxyBeanMethods = false)
class ExploreConfiguration implements WebMvcConfigurer {

	static final String PATH = "/explore";

	/**
	 * Scripts, styles, images and fetches from the service alone, and no inline script or
	 * style: the page draws its charts as SVG elements from its modules.
	 */
	static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "/**")
			.addResourceLocations("classpath:/explore/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController(PATH, PATH + "/");
		registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> explorerHeaders() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Headers());
		registration.addUrlPatterns(PATH, PATH + "/*");
		registration.setName("explorerHeaders");
		return registration;
	}

	/** The explorer's own headers, set before anything writes the answer. */
	static final class Headers implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("Referrer-Policy", "no-referrer");
			chain.doFilter(request, response);
		}

	}

}
