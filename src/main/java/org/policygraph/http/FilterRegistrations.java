package org.policygraph.http;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Where a servlet filter of the service stands in the chain: its order (from
 * {@code HIGHEST_PRECEDENCE}, the CORS headers, on), its paths, and whether it also sees
 * the ASYNC dispatch in which limits/RequestBodyGate hands on a body that arrived late.
 * Every filter supports asynchronous requests, since the GraphQL endpoint answers
 * asynchronously.
 */
public final class FilterRegistrations {

	private FilterRegistrations() {
	}

	/** A filter on the REQUEST dispatch of requests to these paths. */
	public static <F extends Filter> FilterRegistrationBean<F> onRequest(F filter, int order, String... paths) {
		return registration(filter, order, EnumSet.of(DispatcherType.REQUEST), paths);
	}

	/**
	 * A filter on these paths on every dispatch, as Spring Boot registers a
	 * {@code OncePerRequestFilter} by default: the body a late client sends arrives in
	 * the ASYNC dispatch, and its checks (size, strict UTF-8, JSON) must see it there too
	 * (found by HostileInputIT when these filters lost that dispatch).
	 */
	public static <F extends Filter> FilterRegistrationBean<F> onEveryDispatch(F filter, int order, String... paths) {
		return registration(filter, order, EnumSet.allOf(DispatcherType.class), paths);
	}

	/** A filter on every path, on the REQUEST dispatch and the ASYNC one. */
	public static <F extends Filter> FilterRegistrationBean<F> onRequestAndAsync(F filter, int order) {
		return registration(filter, order, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), "/*");
	}

	private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order,
			EnumSet<DispatcherType> dispatches, String... paths) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(paths);
		registration.setDispatcherTypes(dispatches);
		registration.setAsyncSupported(true);
		registration.setOrder(order);
		return registration;
	}

}
