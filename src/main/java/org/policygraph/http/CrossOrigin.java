package org.policygraph.http;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.HttpErrorBody;
import org.policygraph.errors.RefusingFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Cross-origin requests from browsers, decided once for every path by
 * {@code policygraph.cors.allowed-origins}:
 * <ul>
 * <li>{@link Headers}, first of all filters, puts the CORS headers on the answer to a
 * request from an allowed origin before anything else runs, so that every answer carries
 * them, the refusals written by filters (the body gate's 408 and 413, the JSON checks'
 * 400, the token checks' 401) and by the error page included: a page on that origin then
 * reads the refusal instead of failing to fetch. It answers preflights itself.</li>
 * <li>{@link Refusal} refuses a request to the API ({@code /graphql}, {@code /imports},
 * {@code /export/}) from any other origin with 403 and CORS_ORIGIN_REFUSED. It runs after
 * the body gate, so the body of a refused request is read without a thread and never left
 * for Tomcat to swallow. Other paths are left to their own rules: the Neo4j Browser guide
 * is for any origin (browser/).</li>
 * </ul>
 * A request without {@code Origin}, or from the service's own pages (GraphiQL, Neo4j
 * Browser), is no concern of either. No credentials: tokens travel in
 * {@code Authorization}, never in cookies, so {@code Access-Control-Allow-Credentials} is
 * never sent. An allowed origin may also measure its requests
 * ({@code Timing-Allow-Origin}): Resource Timing then tells it sizes and a revalidation's
 * 304 from a new answer, which it could not otherwise; it learns nothing it cannot
 * already read.
 */
final class CrossOrigin {

	/** Set on a request whose origin is refused, until {@link Refusal} answers it. */
	static final String REFUSED = CrossOrigin.class.getName() + ".refused";

	static final String ALLOWED_METHODS = "GET, POST";

	/**
	 * What a page may send besides the CORS-safelisted headers: its token, JSON, and the
	 * ETag of an answer it keeps (a page that revalidates by itself, past the browser's
	 * cache; found by CrossOriginClientsIT).
	 */
	static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match";

	/** What a page may read of an answer besides the CORS-safelisted headers. */
	static final String EXPOSED_HEADERS = "ETag, Retry-After, WWW-Authenticate";

	static final String TIMING_ALLOW_ORIGIN = "Timing-Allow-Origin";

	/**
	 * How long a browser may keep a preflight's answer (Chromium keeps one at most 2
	 * hours).
	 */
	static final String MAX_AGE = "600";

	private CrossOrigin() {
	}

	static final class Headers implements Filter {

		private final CorsProperties properties;

		/**
		 * The service's public address's origin (policygraph.browser.public-url), or
		 * null.
		 */
		private final String ownOrigin;

		private final JsonMapper json;

		private final List<String> apiPaths;

		Headers(CorsProperties properties, String publicUrl, JsonMapper json, List<String> apiPaths) {
			this.properties = properties;
			this.ownOrigin = originOf(publicUrl);
			this.json = json;
			this.apiPaths = apiPaths;
		}

		@Override
		public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) req;
			HttpServletResponse response = (HttpServletResponse) res;
			// whether an answer carries CORS headers, or is a refusal, depends on the
			// Origin: shared caches must know
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
			String origin = request.getHeader(HttpHeaders.ORIGIN);
			if (origin == null || sameOrigin(request, origin)) {
				chain.doFilter(request, response);
				return;
			}
			boolean allowed = this.properties.allows(origin);
			boolean preflight = HttpMethod.OPTIONS.matches(request.getMethod())
					&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null && !hasBody(request);
			if (!allowed) {
				if (!isApi(request)) {
					chain.doFilter(request, response);
				}
				else if (preflight) {
					refuse(this.json, response, origin);
				}
				else {
					request.setAttribute(REFUSED, origin);
					chain.doFilter(request, response);
				}
				return;
			}
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			if (preflight) {
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
				response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				return;
			}
			response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
			response.setHeader(TIMING_ALLOW_ORIGIN, origin);
			chain.doFilter(request, response);
		}

		/**
		 * Whether the path is one of the API's: the path itself, or under it when it ends
		 * with a slash.
		 */
		private boolean isApi(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return this.apiPaths.stream()
				.anyMatch(api -> api.endsWith("/") ? path.startsWith(api)
						: path.equals(api) || path.startsWith(api + "/"));
		}

		/**
		 * A page of the service itself: browsers send {@code Origin} on its own POSTs
		 * too. Compared with the {@code Host} the browser sent (scheme aside, which a
		 * proxy in front may change) and with the public address.
		 */
		private boolean sameOrigin(HttpServletRequest request, String origin) {
			String normalized = origin.toLowerCase(Locale.ROOT);
			if (normalized.equals(this.ownOrigin)) {
				return true;
			}
			String host = request.getHeader(HttpHeaders.HOST);
			int schemeEnd = normalized.indexOf("://");
			return host != null && schemeEnd > 0
					&& normalized.substring(schemeEnd + 3).equals(host.toLowerCase(Locale.ROOT));
		}

		private static String originOf(String url) {
			if (url == null || url.isBlank()) {
				return null;
			}
			URI uri = URI.create(url.strip());
			return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
		}

	}

	static final class Refusal extends RefusingFilter {

		Refusal(JsonMapper json) {
			super(json);
		}

		/**
		 * A body that arrived late comes in the ASYNC dispatch (limits/RequestBodyGate).
		 */
		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (request.getAttribute(REFUSED) instanceof String origin) {
				request.removeAttribute(REFUSED);
				CrossOrigin.refuse(json(), response, origin);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static void refuse(JsonMapper json, HttpServletResponse response, String origin) throws IOException {
		String shown = (origin.length() > 200) ? origin.substring(0, 200) + "…" : origin;
		HttpErrorBody.write(json, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.CORS_ORIGIN_REFUSED.name(),
				"Pages on " + shown + " may not call this service; the operator allows an origin with "
						+ "policygraph.cors.allowed-origins");
	}

}
