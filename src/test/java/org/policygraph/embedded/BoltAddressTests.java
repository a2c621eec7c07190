package org.policygraph.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoltAddressTests {

	@Test
	void loopbackNeedsNoOptIn() {
		assertThat(BoltAddress.of("localhost", 7687, false).loopback()).isTrue();
		assertThat(BoltAddress.of("127.0.0.1", 7687, false).connectUri(7687)).hasToString("bolt://127.0.0.1:7687");
		assertThat(BoltAddress.of("::1", 7687, false).connectUri(7687)).hasToString("bolt://[::1]:7687");
		assertThat(BoltAddress.of("[::1]", 7687, false).connectUri(7687)).hasToString("bolt://[::1]:7687");
	}

	@Test
	void anyOtherAddressIsRefusedUnlessAskedForNamingTheProperty() {
		for (String host : new String[] { "192.0.2.2", "0.0.0.0", "::" }) {
			assertThatThrownBy(() -> BoltAddress.of(host, 7687, false)).as(host)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("policygraph.embedded.bolt-remote-access=true")
				.hasMessageContaining(host);
		}
	}

	@Test
	void everyInterfaceIsReachedThroughLoopbackAndWrittenAsAUriOnce() {
		BoltAddress ipv4 = BoltAddress.of("0.0.0.0", 0, true);
		assertThat(ipv4.wildcard()).isTrue();
		assertThat(ipv4.loopback()).isFalse();
		assertThat(ipv4.connectUri(41234)).hasToString("bolt://localhost:41234");
		BoltAddress ipv6 = BoltAddress.of("::", 0, true);
		assertThat(ipv6.connectUri(41234)).hasToString("bolt://localhost:41234");
		assertThat(ipv6.describe(41234)).isEqualTo("[::]:41234");
		assertThat(BoltAddress.of("192.0.2.2", 7687, true).connectUri(7687)).hasToString("bolt://192.0.2.2:7687");
	}

}
