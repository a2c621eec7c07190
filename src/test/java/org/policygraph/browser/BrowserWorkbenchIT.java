package org.policygraph.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policygraph.embedded.BoltPassword;
import org.policygraph.embedded.EmbeddedNeo4jServer;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's first minute, in a real browser on a machine that reaches nothing but the
 * service: open the README's Browser address on the service running in embedded mode,
 * find the server and user filled in and the guide open, log in with the password kept in
 * the data directory, see the 新ビジョン's three pillars in three colours without loading the
 * style by hand, and run the pillar → KPI question from the guide; all without a request
 * to another host or a banner asking to collect usage data.
 */
@RequiresChromium
@LongTest
class BrowserWorkbenchIT {

	private static final Path SCREENSHOTS = Path.of("target", "browser-e2e");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final By FRAME = By.cssSelector("[data-testid='stream'] [data-testid='frame']");

	private static final By GUIDE = By.cssSelector("[data-testid='carousel']");

	private static final By RUN = By.cssSelector("pre.runnable i.fa-play-circle-o");

	@TempDir
	Path dataDir;

	@TempDir
	Path profile;

	private RunningService service;

	private OfflineChromium chromium;

	private ChromeDriver browser;

	@BeforeEach
	void startServiceAndBrowser() {
		// A port known before the start, as 8080 is: the embedded Neo4j tells Browser
		// where to load the style from.
		this.service = RunningService.start("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + this.dataDir,
				"policygraph.embedded.bolt-port=0", "server.port=" + freePort());
		// Debian's build of both, on a machine that reaches nothing but the service
		this.chromium = OfflineChromium.start(this.profile, PATIENCE);
		this.browser = this.chromium.browser();
	}

	@AfterEach
	void stopBrowserAndService() {
		try {
			if (this.chromium != null) {
				this.chromium.close();
			}
		}
		finally {
			if (this.service != null) {
				this.service.close();
			}
		}
	}

	@Test
	void anAnalystLogsInWithTheKeptPasswordSeesThePillarsColouredWithoutLoadingTheStyleAndRunsAQuestionFromTheGuide()
			throws IOException {
		var embedded = this.service.context().getBean(EmbeddedNeo4jServer.class);
		assertThat(this.service.get("/")).contains("\"bolt_direct\":\"" + embedded.boltUri() + "\"");
		try {
			this.browser.get(readmesBrowserUrl());

			// The login form comes with the server and the user name filled in; the
			// analyst types the password the
			// README points to, from the data directory.
			WebElement password = waitForElement(By.cssSelector("[data-testid='password']"));
			assertThat(this.browser.findElement(By.cssSelector("[data-testid='username']")).getAttribute("value"))
				.isEqualTo(BoltPassword.USER);
			assertThat(this.browser.findElement(By.cssSelector("[data-testid='boltaddress']")).getAttribute("value"))
				.contains("localhost:" + embedded.boltUri().getPort());
			password.sendKeys(Files.readString(this.dataDir.resolve(BoltPassword.FILE_NAME)).strip());
			this.browser.findElement(By.cssSelector("[data-testid='connect']")).click();
			waitForText(FRAME, "Connected to Neo4j");

			// The guide opened by itself, and once connected the server's post-connect
			// command loaded the style in a
			// frame of its own: nobody clicked ▶ on the guide's :style line.
			waitForText(GUIDE, "PolicyGraph へようこそ");
			waitForText(FRAME, "node.VisionPillar1");

			// The 新ビジョン's pillars and measures drawn as a graph (▶ on the slide's query):
			// each pillar filled with
			// its colour of cypher/browser/style.grass, Ⅰ red, Ⅱ teal, Ⅲ indigo.
			showSlide("新ビジョンの柱と主な施策");
			this.browser.findElement(GUIDE).findElement(RUN).click();
			GrassStyle style = GrassStyle.read();
			Map<String, String> expected = Map.of("pil-sv-1",
					style.forNode(List.of("Pillar", "VisionPillar1")).get("color"), "pil-sv-2",
					style.forNode(List.of("Pillar", "VisionPillar2")).get("color"), "pil-sv-3",
					style.forNode(List.of("Pillar", "VisionPillar3")).get("color"));
			assertThat(expected.values()).doesNotHaveDuplicates();
			Map<String, String> fills = waitForFills(visionPillarNodeIds());
			assertThat(fills).containsExactlyInAnyOrderEntriesOf(expected);
			// The guide is still open beside the graph, at the slide the analyst went to.
			assertThat(this.browser.findElement(GUIDE).getText()).contains("新ビジョンの柱と主な施策");
			screenshot("vision-pillars");

			// The question's slide: ▶ on its parameters, then ▶ on its statement.
			showSlide("01-kpis-serving-each-pillar.cypher");
			this.browser.findElement(GUIDE).findElements(RUN).get(0).click();
			waitForText(FRAME, "Successfully set your parameters");
			this.browser.findElement(GUIDE).findElements(RUN).get(1).click();

			WebElement result = waitForText(FRAME, "北九州都市圏域内の宿泊者数");
			// Pillar Ⅰ of the 新ビジョン and the first KPI of its first program (メガリージョン推進事業,
			// KPI①).
			assertThat(result.getText()).contains("稼げるまち").contains("北九州都市圏域内の宿泊者数");
			screenshot("pillar-to-kpi");

			// Connected and used, Browser has asked no other host for anything (no
			// analytics, feedback widget or
			// fonts) and shows no banner asking to collect usage data.
			assertThat(this.chromium.requestsLeavingLocalhost()).isEmpty();
			assertThat(this.browser.findElement(By.tagName("body")).getText())
				.doesNotContain("we collect information on product usage");
		}
		catch (RuntimeException | AssertionError ex) {
			screenshot("failure");
			throw ex;
		}
	}

	/**
	 * The ids Neo4j Browser draws the 新ビジョン's pillars under (the node's identity), by
	 * pillar key.
	 */
	private Map<String, String> visionPillarNodeIds() {
		Map<String, String> ids = new HashMap<>();
		try (var session = this.service.context().getBean(Driver.class).session()) {
			session.run(
					"MATCH (:Plan {key: 'plan-shin-vision'})-[:HAS_PILLAR]->(p:Pillar) RETURN p.key AS key, id(p) AS id")
				.forEachRemaining(r -> ids.put(r.get("key").asString(), String.valueOf(r.get("id").asLong())));
		}
		return ids;
	}

	/**
	 * The fill of the circle drawn for each node, once every one of them is drawn in a
	 * graph frame.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> waitForFills(Map<String, String> nodeIds) {
		String script = """
				const fills = {};
				for (const [key, id] of Object.entries(arguments[0])) {
				  const circle = document.querySelector(`g.node[aria-label="graph-node${id}"] circle.b-outline`);
				  if (!circle) return null;
				  fills[key] = circle.getAttribute('fill');
				}
				return fills;""";
		try {
			return new WebDriverWait(this.browser, PATIENCE)
				.until(browser -> (Map<String, String>) this.browser.executeScript(script, nodeIds));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The graph frame did not draw the nodes " + nodeIds + " within " + PATIENCE, ex);
		}
	}

	/**
	 * Pages through the guide (re-rendered by every new frame, so looked up afresh) to
	 * the slide showing the text.
	 */
	private void showSlide(String text) {
		for (int i = 0; i < 40 && !this.browser.findElement(GUIDE).getText().contains(text); i++) {
			this.browser.findElement(GUIDE).findElement(By.cssSelector("[data-testid='nextSlide']")).click();
		}
		assertThat(this.browser.findElement(GUIDE).getText()).contains(text);
	}

	private WebElement waitForElement(By locator) {
		try {
			return new WebDriverWait(this.browser, PATIENCE).until(browser -> browser.findElements(locator)
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + locator + " within " + PATIENCE + "; the page shows:\n"
					+ this.browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	/**
	 * The first element matching the locator whose visible text contains the given text,
	 * once there is one.
	 */
	private WebElement waitForText(By locator, String text) {
		try {
			return new WebDriverWait(this.browser, PATIENCE).until(browser -> {
				List<WebElement> candidates = browser.findElements(locator);
				return candidates.stream().filter(element -> element.getText().contains(text)).findFirst().orElse(null);
			});
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + locator + " showed '" + text + "' within " + PATIENCE
					+ "; the page shows:\n" + this.browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File png = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The address README.md gives analysts ("Open http://localhost:8080/browser/"), on
	 * this service's port.
	 */
	private String readmesBrowserUrl() throws IOException {
		Matcher url = Pattern.compile("Open \\*\\*(http://localhost:8080/browser/)\\*\\*")
			.matcher(Files.readString(Path.of("README.md")));
		assertThat(url.find()).as("README.md's For analysts: Open **http://localhost:8080/browser/**").isTrue();
		int port = ((WebServerApplicationContext) this.service.context()).getWebServer().getPort();
		return url.group(1).replace("localhost:8080", "localhost:" + port);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
