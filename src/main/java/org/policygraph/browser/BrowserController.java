package org.policygraph.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Neo4j Browser's entry points: the discovery document it reads to fill in the connection URL, the page itself, and
 * the guide it opens on the way in.
 */
@Controller
class BrowserController {

	private static final String GUIDE_PATH = "/browser-guide/policygraph.html";

	private final BoltEndpoint endpoint;

	private final BrowserGuide guide;

	BrowserController(BoltEndpoint endpoint, BrowserGuide guide) {
		this.endpoint = endpoint;
		this.guide = guide;
	}

	/** Neo4j Browser asks the root of its own host for this, with {@code Accept: application/json}. */
	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	DiscoveryDocument discovery() {
		return DiscoveryDocument.of(this.endpoint);
	}

	/** index.html loads its scripts by relative URLs, which resolve under /browser/ only. */
	@GetMapping("/browser")
	String browserWithoutSlash(HttpServletRequest request) {
		String query = request.getQueryString();
		return "redirect:/browser/" + ((query != null) ? "?" + query : "");
	}

	/**
	 * Neo4j Browser itself. Opened bare, it is first sent to the same page with URL parameters that open the guide
	 * and, where the server needs no password, connect straight away.
	 */
	@GetMapping("/browser/")
	String browser(HttpServletRequest request) {
		if (request.getQueryString() != null) {
			return "forward:/browser/index.html";
		}
		String guideUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(GUIDE_PATH).toUriString();
		String noAuth = this.endpoint.authenticated() ? "" : "preselectAuthMethod=NO_AUTH&";
		return "redirect:/browser/?" + noAuth + "cmd=play&arg=" + URLEncoder.encode(guideUrl, StandardCharsets.UTF_8);
	}

	@GetMapping(path = GUIDE_PATH, produces = "text/html;charset=UTF-8")
	@ResponseBody
	String guide() {
		return this.guide.html(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
	}

}
