package org.policygraph.http;

import java.util.Map;

import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.HttpErrorBody;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Requests to the GraphQL endpoint that it does not serve, refused with a code. Boot's
 * own routes answer them with an empty body (415 for a POST that is not JSON or does not
 * accept JSON) or not at all (404 for PUT, DELETE, PATCH); these routes, tried first,
 * answer every such request in {@link HttpErrorBody}'s shape: a POST with 415 and
 * BAD_ARGUMENT, any other method with 405 and METHOD_NOT_ALLOWED. GET (queries) and
 * OPTIONS are served by http/GraphQlGet's routes.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlEndpointRefusals {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlRefusals(GraphQlProperties properties) {
		String path = properties.getHttp().getPath();
		RequestPredicate served = GraphQlRequestPredicates.graphQlHttp(path)
			.or(GraphQlRequestPredicates.graphQlSse(path));
		RequestPredicate refused = RequestPredicates.path(path)
			.and(served.negate())
			.and(RequestPredicates.method(HttpMethod.OPTIONS).negate())
			.and(RequestPredicates.method(HttpMethod.GET).negate());
		return RouterFunctions.route(refused, request -> refuse(request, path));
	}

	private static ServerResponse refuse(ServerRequest request, String path) {
		if (HttpMethod.POST.equals(request.method())) {
			return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE,
						MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(HttpErrorBody.of(
						"POST " + path + " takes a JSON body (Content-Type: application/json) and "
								+ "answers JSON (Accept: application/json or application/graphql-response+json)",
						Map.of("code", ErrorCode.BAD_ARGUMENT.name())));
		}
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(HttpMethod.GET, HttpMethod.POST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(HttpErrorBody.of(request.method() + " is not allowed on " + path + "; use POST, or GET for a query",
					Map.of("code", ErrorCode.METHOD_NOT_ALLOWED.name())));
	}

}
