package org.policygraph.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium on a machine with no way out: every host name but
 * {@code localhost} fails to resolve, as on a city network without internet access, and
 * every request the page makes (scripts, styles, fonts, fetches, WebSockets) is recorded
 * from Chromium's own network log, including those that fail.
 */
public final class OfflineChromium implements AutoCloseable {

	private final ChromeDriverService service;

	private final ChromeDriver browser;

	private final List<Request> requests = new ArrayList<>();

	/** One request the page made: its method, URL and headers as Chromium sent them. */
	public record Request(String method, String url, JsonNode headers) {

		private static final Pattern NETWORK_HOST = Pattern
			.compile("(?i)(?:https?|wss?)://(?:[^@/]*@)?(\\[[^\\]]*\\]|[^:/?#]*)");

		/**
		 * The host the request went over the network to; none for data:, blob: and
		 * Chromium's own chrome:// pages (its new-tab page, loaded before the test's
		 * first page), which never leave the machine.
		 */
		public String host() {
			Matcher host = NETWORK_HOST.matcher(this.url);
			return host.lookingAt() ? host.group(1) : null;
		}

	}

	private OfflineChromium(ChromeDriverService service, ChromeDriver browser) {
		this.service = service;
		this.browser = browser;
	}

	public static OfflineChromium start(Path profile, Duration patience) {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		// A closed network makes Chromium hang without the switches after --headless.
		ChromeOptions options = new ChromeOptions().setBinary(RequiresChromium.CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1600,1000",
					"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(patience).scriptTimeout(Duration.ofSeconds(30));
		return new OfflineChromium(service, browser);
	}

	public ChromeDriver browser() {
		return this.browser;
	}

	/** Every request made so far, in the order Chromium sent them. */
	public List<Request> requests() {
		JsonMapper json = JsonMapper.builder().build();
		for (LogEntry entry : this.browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).path("message");
			JsonNode params = message.path("params");
			switch (message.path("method").asString("")) {
				case "Network.requestWillBeSent" -> {
					JsonNode request = params.path("request");
					this.requests.add(new Request(request.path("method").asString(""), request.path("url").asString(""),
							request.path("headers")));
				}
				case "Network.webSocketCreated" ->
					this.requests.add(new Request("GET", params.path("url").asString(""), json.createObjectNode()));
				default -> {
				}
			}
		}
		return List.copyOf(this.requests);
	}

	/**
	 * The URLs of every request made so far over the network to a host other than
	 * localhost.
	 */
	public List<String> requestsLeavingLocalhost() {
		return requests().stream()
			.filter(request -> request.host() != null && !request.host().equals("localhost"))
			.map(Request::url)
			.toList();
	}

	@Override
	public void close() {
		try {
			this.browser.quit();
		}
		finally {
			this.service.stop();
		}
	}

}
