package org.policygraph.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Neo4j Browser's entry points: the discovery document it reads to fill in the connection
 * URL, the page itself, and the guide it opens on the way in. Absolute URLs are built
 * from {@code policygraph.browser.public-url}, or from the port the request came in on
 * with {@code localhost}, never from the request's {@code Host} header.
 */
@Controller
@ConditionalOnBooleanProperty(name = "policygraph.browser.enabled", matchIfMissing = true)
class BrowserController {

	private static final String GUIDE_PATH = "/browser-guide/policygraph.html";

	private final BoltEndpoint endpoint;

	private final BrowserGuide guide;

	private final String publicUrl;

	BrowserController(BoltEndpoint endpoint, BrowserGuide guide,
			@Value("${policygraph.browser.public-url:}") String publicUrl) {
		this.endpoint = endpoint;
		this.guide = guide;
		this.publicUrl = publicUrl.replaceFirst("/+$", "");
	}

	/**
	 * Neo4j Browser asks the root of its own host for this, with
	 * {@code Accept: application/json}.
	 */
	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	DiscoveryDocument discovery() {
		return DiscoveryDocument.of(this.endpoint);
	}

	/**
	 * index.html loads its scripts by relative URLs, which resolve under /browser/ only.
	 */
	@GetMapping("/browser")
	String browserWithoutSlash(HttpServletRequest request) {
		String query = request.getQueryString();
		return "redirect:/browser/" + ((query != null) ? "?" + query : "");
	}

	/**
	 * Neo4j Browser itself. Opened bare, it is first sent to the same page with URL
	 * parameters that fill in the server and the user name of its login form and open the
	 * guide.
	 */
	@GetMapping("/browser/")
	String browser(HttpServletRequest request) {
		if (request.getQueryString() != null) {
			return "forward:/browser/index.html";
		}
		String guideUrl = origin(request) + GUIDE_PATH;
		return "redirect:/browser/?preselectAuthMethod=NATIVE&dbms=" + encode(this.endpoint.withUsername())
				+ "&cmd=play&arg=" + encode(guideUrl);
	}

	@GetMapping(path = GUIDE_PATH, produces = "text/html;charset=UTF-8")
	@ResponseBody
	String guide(HttpServletRequest request) {
		return this.guide.html(origin(request));
	}

	/**
	 * The service's own address: configured, or this machine's on the port the request
	 * came in on.
	 */
	private String origin(HttpServletRequest request) {
		if (!this.publicUrl.isEmpty()) {
			return this.publicUrl;
		}
		return "http://localhost:" + request.getLocalPort() + request.getContextPath();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
