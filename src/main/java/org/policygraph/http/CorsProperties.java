package org.policygraph.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages on other origins may call the service from a browser.
 *
 * @param allowedOrigins origins ({@code https://app.example},
 * {@code http://localhost:3000}) whose pages may call the service; {@code *} for any.
 * Empty (the default): none, and a request from a page on another origin is refused
 */
@ConfigurationProperties("policygraph.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

	public CorsProperties {
		allowedOrigins = allowedOrigins.stream()
			.map(String::strip)
			.filter(o -> !o.isEmpty())
			.map(CorsProperties::origin)
			.toList();
	}

	boolean allowsAny() {
		return this.allowedOrigins.contains("*");
	}

	boolean allows(String origin) {
		return allowsAny() || this.allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
	}

	/**
	 * An origin as a browser sends it: scheme, host and port, lower case, no path; or
	 * {@code *}.
	 */
	private static String origin(String value) {
		if (value.equals("*")) {
			return value;
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (Exception ex) {
			throw notAnOrigin(value);
		}
		if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
				|| (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			throw notAnOrigin(value);
		}
		return value.toLowerCase(Locale.ROOT);
	}

	private static IllegalArgumentException notAnOrigin(String value) {
		return new IllegalArgumentException("policygraph.cors.allowed-origins: '" + value
				+ "' is not an origin; write scheme, host and port only, as a browser sends it (http://localhost:3000)");
	}

}
