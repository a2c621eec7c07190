package org.policygraph.browser;

import java.net.URI;

/**
 * The Neo4j that Neo4j Browser connects to: the embedded server (no authentication) or the configured external one
 * (the analyst logs in).
 *
 * @param uri the Bolt URI, as the service's own driver uses it
 * @param authenticated whether the server asks for a user and password
 * @param neo4jVersion the server's version where the service knows it without asking (embedded), else null
 */
record BoltEndpoint(URI uri, boolean authenticated, String neo4jVersion) {

	/** Neo4j Browser's discovery keys: a routing URI is announced as {@code bolt_routing}, any other as {@code bolt_direct}. */
	boolean routing() {
		return this.uri.getScheme().startsWith("neo4j");
	}

}
