package org.policygraph.browser;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserDiscoveryTests {

	@Test
	void theEmbeddedServerIsAnnouncedAsADirectBoltAddressWithoutVersionOrEdition() {
		var document = DiscoveryDocument.of(new BoltEndpoint(URI.create("bolt://localhost:7687"), "neo4j"));
		assertThat(document).isEqualTo(new DiscoveryDocument(null, "bolt://localhost:7687"));
	}

	@Test
	void aRoutingUriIsAnnouncedAsBoltRouting() {
		var document = DiscoveryDocument.of(new BoltEndpoint(URI.create("neo4j://db.example:7687"), "analyst"));
		assertThat(document).isEqualTo(new DiscoveryDocument("neo4j://db.example:7687", null));
	}

	@Test
	void theLoginFormIsGivenTheUserNameInTheUri() {
		assertThat(new BoltEndpoint(URI.create("bolt://localhost:7687"), "neo4j").withUsername())
			.isEqualTo("bolt://neo4j@localhost:7687");
		assertThat(new BoltEndpoint(URI.create("neo4j+s://old@db.example:7687"), "analyst").withUsername())
			.isEqualTo("neo4j+s://analyst@db.example:7687");
		assertThat(new BoltEndpoint(URI.create("bolt://[::1]:7687"), "neo4j").withUsername())
			.isEqualTo("bolt://neo4j@[::1]:7687");
	}

}
