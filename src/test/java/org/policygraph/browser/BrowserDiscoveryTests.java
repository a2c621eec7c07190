package org.policygraph.browser;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserDiscoveryTests {

	@Test
	void theEmbeddedServerIsAnnouncedAsADirectBoltAddressWithItsVersion() {
		var document = DiscoveryDocument.of(new BoltEndpoint(URI.create("bolt://127.0.0.1:7687"), false, "2026.08.1"));
		assertThat(document).isEqualTo(new DiscoveryDocument(null, "bolt://127.0.0.1:7687", "2026.08.1", "community"));
	}

	@Test
	void aRoutingUriIsAnnouncedAsBoltRoutingAndNothingIsClaimedOfAnExternalServersVersion() {
		var document = DiscoveryDocument.of(new BoltEndpoint(URI.create("neo4j://db.example:7687"), true, null));
		assertThat(document).isEqualTo(new DiscoveryDocument("neo4j://db.example:7687", null, null, null));
	}

}
