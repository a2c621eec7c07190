package org.policygraph.limits;

import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import org.policygraph.http.FilterRegistrations;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Puts the limits of {@link LimitsProperties} in front of the GraphQL endpoint and into
 * every transaction.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	/**
	 * importing/ImportController's multipart endpoint, whose bodies the multipart parser
	 * reads itself.
	 */
	static final String UPLOAD_PATH = "/imports";

	/** Spring GraphQL adds every Instrumentation bean to graphql-java. */
	@Bean
	Instrumentation queryLimitsInstrumentation(LimitsProperties limits) {
		return new QueryLimitsInstrumentation(limits);
	}

	/**
	 * The parser's size limits, for whatever parses a request's document before
	 * graphql-java does.
	 */
	@Bean
	ParserOptions limitsParserOptions(LimitsProperties limits) {
		return limits.parserOptions();
	}

	/**
	 * Outermost, so it answers in time whatever the interceptors inside it wait for
	 * (retries of reads included).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebGraphQlInterceptor requestTimeLimit(LimitsProperties limits) {
		return new RequestTimeLimit(limits.requestTimeout());
	}

	/**
	 * Before every filter that may refuse a request (http/ContentTypeCheck, the CORS
	 * refusal, the security chain), so that nothing answers a request whose body is still
	 * on its way; only the CORS headers filter comes first (http/HttpConfiguration),
	 * which reads no body and answers none that has one, so that this gate's refusals
	 * carry CORS headers. ASYNC too: a body that arrived late is handed on in a second
	 * dispatch.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyGate> requestBodyGate(LimitsProperties limits, JsonMapper json) {
		return FilterRegistrations.onRequestAndAsync(new RequestBodyGate(limits.bodyLimits(json), UPLOAD_PATH),
				Ordered.HIGHEST_PRECEDENCE + 1);
	}

	/**
	 * Tomcat's connector, with a deadline for a request's headers (Tomcat creates it from
	 * the class name).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headerDeadline(LimitsProperties limits) {
		return factory -> {
			factory.setProtocol(HeaderDeadlineProtocol.class.getName());
			factory.addProtocolHandlerCustomizers(protocol -> {
				if (protocol instanceof HeaderDeadlineProtocol deadline) {
					deadline.setHeaderDeadline(limits.requestHeaderTimeout());
				}
			});
		};
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(LimitsProperties limits, GraphQlProperties graphQl,
			JsonMapper json) {
		return FilterRegistrations.onEveryDispatch(new RequestSizeFilter(limits.bodyLimits(json)),
				Ordered.HIGHEST_PRECEDENCE + 10, graphQl.getHttp().getPath());
	}

	/**
	 * Every transaction Spring starts (every read of the API, and writes made through it)
	 * carries the timeout to Neo4j, embedded or external. Not a server-wide setting: an
	 * import writes a whole dataset in one transaction on the driver, and may take longer
	 * than a request.
	 */
	@Bean
	TransactionManagerCustomizer<AbstractPlatformTransactionManager> transactionTimeout(LimitsProperties limits) {
		return manager -> manager
			.setDefaultTimeout(Math.toIntExact(Math.max(1, limits.transactionTimeout().toSeconds())));
	}

}
