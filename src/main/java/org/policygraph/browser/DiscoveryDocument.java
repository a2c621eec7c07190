package org.policygraph.browser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Neo4j Browser reads from the root of the host that serves it ({@code GET /},
 * {@code Accept:
 * application/json}) to fill in the connection URL: the keys a Neo4j server's own
 * discovery document has for it. Neither the server's version nor its edition: Browser
 * asks the server itself once logged in, and a stranger has no use for them but to pick
 * an exploit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DiscoveryDocument(@JsonProperty("bolt_routing") String boltRouting,
		@JsonProperty("bolt_direct") String boltDirect) {

	static DiscoveryDocument of(BoltEndpoint endpoint) {
		String uri = endpoint.uri().toString();
		return endpoint.routing() ? new DiscoveryDocument(uri, null) : new DiscoveryDocument(null, uri);
	}

}
