package org.policygraph.embedded;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoltOriginsTests {

	@Test
	void theServicesOwnBrowserIsAllowedOnEveryLoopbackNameOnceItsPortIsKnown() {
		BoltOrigins origins = new BoltOrigins(true, "", 0, List.of());
		assertThat(origins.test("http://localhost:8080")).isFalse();
		origins.httpPort(8080);
		assertThat(origins).accepts("http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080",
				"HTTP://LOCALHOST:8080");
		assertThat(origins).rejects("http://localhost:8081", "https://localhost:8080", "http://evil.example", "null",
				"http://localhost:8080.evil.example", "");
	}

	@Test
	void thePublicUrlAndConfiguredOriginsAreAllowedWithDefaultPortsLeftOut() {
		BoltOrigins origins = new BoltOrigins(true, "https://policygraph.example/", 8080,
				List.of("http://desktop.example:80"));
		assertThat(origins).accepts("https://policygraph.example", "https://policygraph.example:443",
				"http://desktop.example");
		assertThat(origins).rejects("http://policygraph.example", "https://evil.example");
	}

	@Test
	void withoutBrowserOnlyConfiguredOriginsAreAllowed() {
		BoltOrigins origins = new BoltOrigins(false, "https://policygraph.example", 8080,
				List.of("http://tool.example"));
		assertThat(origins).accepts("http://tool.example");
		assertThat(origins).rejects("http://localhost:8080", "https://policygraph.example");
		assertThat(BoltOrigins.none()).rejects("http://localhost:8080");
	}

}
