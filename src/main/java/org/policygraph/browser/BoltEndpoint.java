package org.policygraph.browser;

import java.net.URI;

/**
 * The Neo4j that Neo4j Browser connects to: the embedded server or the configured
 * external one. Both ask for a user and password; the user name is filled in for the
 * analyst.
 *
 * @param uri the Bolt URI, as the service's own driver uses it
 * @param username the user the service itself logs in as
 */
record BoltEndpoint(URI uri, String username) {

	/**
	 * Neo4j Browser's discovery keys: a routing URI is announced as {@code bolt_routing},
	 * any other as {@code bolt_direct}.
	 */
	boolean routing() {
		return this.uri.getScheme().startsWith("neo4j");
	}

	/** The URI with the user name in it, which Neo4j Browser puts in its login form. */
	String withUsername() {
		return this.uri.getScheme() + "://" + this.username + "@"
				+ this.uri.getRawAuthority().replaceFirst("^[^@]*@", "");
	}

}
