package org.policygraph.browser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Neo4j Browser reads from the root of the host that serves it ({@code GET /}, {@code Accept:
 * application/json}) to fill in the connection URL: the same keys a Neo4j server's own discovery document has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DiscoveryDocument(@JsonProperty("bolt_routing") String boltRouting,
		@JsonProperty("bolt_direct") String boltDirect, @JsonProperty("neo4j_version") String neo4jVersion,
		@JsonProperty("neo4j_edition") String neo4jEdition) {

	static DiscoveryDocument of(BoltEndpoint endpoint) {
		String uri = endpoint.uri().toString();
		String edition = (endpoint.neo4jVersion() != null) ? "community" : null;
		return endpoint.routing() ? new DiscoveryDocument(uri, null, endpoint.neo4jVersion(), edition)
				: new DiscoveryDocument(null, uri, endpoint.neo4jVersion(), edition);
	}

}
