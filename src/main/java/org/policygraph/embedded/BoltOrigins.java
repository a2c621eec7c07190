package org.policygraph.embedded;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * The web origins whose pages may open Bolt's WebSocket: the service's own Neo4j Browser
 * (on {@code localhost}, {@code 127.0.0.1} or {@code [::1]} at the service's port, and
 * {@code policygraph.browser.public-url}) when Browser is served, and those configured in
 * {@code policygraph.embedded.bolt-allowed-origins}. Every other origin is refused.
 */
public final class BoltOrigins implements Predicate<String> {

	private final boolean browserServed;

	private final Set<String> allowed = new CopyOnWriteArraySet<>();

	BoltOrigins(boolean browserServed, String publicUrl, int httpPort, List<String> configured) {
		this.browserServed = browserServed;
		configured.stream().map(BoltOrigins::normalise).forEach(this.allowed::add);
		if (browserServed) {
			if (publicUrl != null && !publicUrl.isBlank()) {
				this.allowed.add(normalise(publicUrl));
			}
			httpPort(httpPort);
		}
	}

	/** No page may open the WebSocket. */
	static BoltOrigins none() {
		return new BoltOrigins(false, null, 0, List.of());
	}

	/**
	 * The service's own origins, once its HTTP port is known (it may be picked at start).
	 */
	public void httpPort(int port) {
		if (this.browserServed && port > 0) {
			for (String host : new String[] { "localhost", "127.0.0.1", "[::1]" }) {
				this.allowed.add("http://" + host + ":" + port);
			}
		}
	}

	@Override
	public boolean test(String origin) {
		return this.allowed.contains(normalise(origin));
	}

	/** Scheme, host and port, lower case, without a path or a default port. */
	static String normalise(String origin) {
		try {
			URI uri = URI.create(origin.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return origin.strip().toLowerCase(Locale.ROOT);
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
					|| ("https".equals(scheme) && port == 443);
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return origin.strip().toLowerCase(Locale.ROOT);
		}
	}

}
