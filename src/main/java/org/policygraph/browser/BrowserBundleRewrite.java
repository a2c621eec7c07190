package org.policygraph.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Neo4j Browser's scripts as the service serves them: without the things in them that
 * reach for other hosts on a machine that may have no way out, and running the server's
 * post-connect commands also when opened on the guide. Browser 5.24 loads Segment
 * (cdn.segment.com) and Canny (canny.io) once connected to any Community server, whatever
 * the server's {@code browser.allow_outgoing_connections} or
 * {@code client.allow_telemetry} say (it reads Community as "outgoing connections
 * allowed"), and its style sheet starts Sentry (crash reports and traces), and its style
 * sheet imports two fonts from fonts.googleapis.com (Fira Code, which it also bundles,
 * and Nunito Sans; without them it uses the system's sans-serif). Usage reporting and its
 * banner are off at the server ({@code client.allow_telemetry}, set by the embedded
 * Neo4j).
 */
final class BrowserBundleRewrite implements ResourceTransformer {

	/**
	 * {@code loadExternalScripts: false !== shouldAllowOutgoingConnections(state) && isConnected(state)}
	 */
	static final Pattern EXTERNAL_SCRIPTS = Pattern.compile(
			"loadExternalScripts:!1!==\\w+\\.shouldAllowOutgoingConnections\\(\\w+\\)&&\\w+\\.isConnected\\(\\w+\\)");

	/**
	 * Crash reports and performance traces to Sentry (o110884.ingest.sentry.io): Browser
	 * starts Sentry before it reads the server's telemetry setting, and its traces are
	 * sent whatever that says (found by BrowserWorkbenchIT under load). Sentry is never
	 * started.
	 */
	static final Pattern SENTRY_SETUP = Pattern.compile("setupSentry=function\\(\\)\\{");

	static final Pattern FONT_IMPORT = Pattern.compile("@import url\\(https://fonts\\.googleapis\\.com/[^)]*\\);");

	/**
	 * {@code getPlayImplicitInitCommands(state) && cmds !== undefined && cmds.forEach(run)}:
	 * Browser skips the server's {@code browser.post_connect_cmd} when it was opened with
	 * a {@code :play} in its URL, which is how the service opens the guide, so the
	 * PolicyGraph style never loaded by itself (found by BrowserWorkbenchIT). The
	 * server's commands run after connecting all the same; Browser's own first-run frames
	 * stay skipped.
	 */
	static final Pattern POST_CONNECT_SKIPPED_AFTER_URL_COMMAND = Pattern.compile(
			"\\w+\\.getPlayImplicitInitCommands\\(\\w+\\.getState\\(\\)\\)&&(void 0!==(\\w+)&&\\2\\.forEach\\(\\w+=>\\{\\w+\\.dispatch\\(\\w+\\.executeSystemCommand\\(\":\"\\+\\w+\\)\\)\\}\\))");

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		String name = transformed.getFilename();
		if (name == null || !name.endsWith(".js")) {
			return transformed;
		}
		String script = transformed.getContentAsString(StandardCharsets.UTF_8);
		String rewritten = rewrite(script);
		return rewritten.equals(script) ? transformed
				: new TransformedResource(transformed, rewritten.getBytes(StandardCharsets.UTF_8));
	}

	static String rewrite(String script) {
		String withoutScripts = EXTERNAL_SCRIPTS.matcher(script).replaceAll("loadExternalScripts:!1");
		String withoutSentry = SENTRY_SETUP.matcher(withoutScripts).replaceAll("setupSentry=function(){return;");
		String withoutFonts = FONT_IMPORT.matcher(withoutSentry).replaceAll("");
		return POST_CONNECT_SKIPPED_AFTER_URL_COMMAND.matcher(withoutFonts).replaceAll("$1");
	}

}
