package org.policygraph.graphiql;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policygraph.browser.OfflineChromium;
import org.policygraph.browser.RequiresChromium;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front-end developer's first query in GraphiQL, on a machine that reaches nothing but
 * the service: the page comes up with every script from the service, runs a query typed
 * into its editor with the headers set in its headers editor, and shows the answer.
 */
@RequiresChromium
@LongTest
class GraphiQlOfflineIT {

	private static final Path SCREENSHOTS = Path.of("target", "browser-e2e");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	Path dataDir;

	@TempDir
	Path profile;

	private RunningService service;

	private OfflineChromium chromium;

	@BeforeEach
	void startServiceAndBrowser() {
		this.service = RunningService.start("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + this.dataDir,
				"policygraph.embedded.bolt-port=0");
		this.chromium = OfflineChromium.start(this.profile, PATIENCE);
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
	void graphiQlRunsAQueryWithTheUsersHeadersAndNoRequestLeavesTheMachine() throws IOException {
		// The page itself names no other host: its scripts and styles are the service's.
		assertThat(this.service.get("/graphiql")).contains("<div id=\"graphiql\"").doesNotContain("://");
		ChromeDriver browser = this.chromium.browser();
		try {
			browser.get(baseUrl() + "/graphiql");
			waitFor(browser, By.cssSelector(".graphiql-query-editor .CodeMirror"));

			// The headers editor, as a user opens it: its tab, then the editor under it.
			browser.findElements(By.cssSelector(".graphiql-editor-tools-tabs button"))
				.stream()
				.filter(button -> button.getText().contains("Headers"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("GraphiQL shows no headers editor"))
				.click();
			waitFor(browser, By.cssSelector(
					"section.graphiql-editor-tool[aria-label='Headers'] .graphiql-editor:not(.hidden) .CodeMirror"));
			browser.executeScript(
					"""
							document.querySelector("section.graphiql-editor-tool[aria-label='Headers'] .graphiql-editor:not(.hidden) .CodeMirror")
							  .CodeMirror.setValue('{"X-Requested-By": "graphiql-offline-check"}');
							document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ pillars { name } }');""");
			browser.findElement(By.cssSelector(".graphiql-execute-button")).click();

			// Pillar Ⅰ of the 新ビジョン, from the dataset.
			WebElement result = waitForText(browser, By.cssSelector(".graphiql-response"), "稼げるまち");
			assertThat(result.getText()).contains("\"pillars\"");
			screenshot(browser, "graphiql");

			List<OfflineChromium.Request> requests = this.chromium.requests();
			assertThat(requests)
				.filteredOn(request -> request.method().equals("POST") && request.url().endsWith("/graphql"))
				.as("the query's POST to /graphql, with the header set in the headers editor")
				.anySatisfy(request -> assertThat(request.headers().path("X-Requested-By").asString(""))
					.isEqualTo("graphiql-offline-check"));
			assertThat(this.chromium.requestsLeavingLocalhost()).isEmpty();
		}
		catch (RuntimeException | AssertionError ex) {
			screenshot(browser, "graphiql-failure");
			throw ex;
		}
	}

	private static WebElement waitFor(ChromeDriver browser, By locator) {
		try {
			return new WebDriverWait(browser, PATIENCE)
				.until(b -> b.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + locator + " within " + PATIENCE + "; the page shows:\n"
					+ browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	private static WebElement waitForText(ChromeDriver browser, By locator, String text) {
		try {
			return new WebDriverWait(browser, PATIENCE).until(b -> b.findElements(locator)
				.stream()
				.filter(element -> element.getText().contains(text))
				.findFirst()
				.orElse(null));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + locator + " showed '" + text + "' within " + PATIENCE
					+ "; the page shows:\n" + browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

	private static void screenshot(ChromeDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File png = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String baseUrl() {
		int port = ((WebServerApplicationContext) this.service.context()).getWebServer().getPort();
		return "http://localhost:" + port;
	}

}
