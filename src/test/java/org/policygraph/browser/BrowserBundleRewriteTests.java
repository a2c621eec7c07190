package org.policygraph.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewrite finds what it is there to change in the Neo4j Browser on the classpath: a
 * new Browser that loads its outside scripts or fonts some other way, or skips the
 * server's post-connect command some other way, fails here, not on an analyst's closed
 * network or in an analyst's uncoloured graph.
 */
class BrowserBundleRewriteTests {

	@Test
	void browsersScriptsLoadNoOutsideScriptsFontsOrCrashReporterAndRunThePostConnectCommandOnceRewritten()
			throws IOException {
		List<String> scripts = scripts();
		String original = String.join("\n", scripts);
		assertThat(BrowserBundleRewrite.EXTERNAL_SCRIPTS.matcher(original).results().count()).isOne();
		assertThat(BrowserBundleRewrite.FONT_IMPORT.matcher(original).results().count()).isOne();
		assertThat(BrowserBundleRewrite.SENTRY_SETUP.matcher(original).results().count()).isOne();
		assertThat(BrowserBundleRewrite.POST_CONNECT_SKIPPED_AFTER_URL_COMMAND.matcher(original).results().count())
			.isOne();

		String rewritten = String.join("\n", scripts.stream().map(BrowserBundleRewrite::rewrite).toList());
		assertThat(rewritten).doesNotContain("fonts.googleapis.com").contains("loadExternalScripts:!1,");
		assertThat(BrowserBundleRewrite.EXTERNAL_SCRIPTS.matcher(rewritten).find()).isFalse();
		assertThat(rewritten).contains("setupSentry=function(){return;");
		assertThat(BrowserBundleRewrite.POST_CONNECT_SKIPPED_AFTER_URL_COMMAND.matcher(rewritten).find()).isFalse();
		assertThat(rewritten).containsPattern(
				"void 0!==(\\w+)&&\\1\\.forEach\\(\\w+=>\\{\\w+\\.dispatch\\(\\w+\\.executeSystemCommand\\(\":\"\\+\\w+\\)\\)\\}\\)");
	}

	@Test
	void aScriptWithoutThemIsLeftAsItIs() {
		String script = "const a={loadSync:!0},b='https://neo4j.com';";
		assertThat(BrowserBundleRewrite.rewrite(script)).isEqualTo(script);
	}

	private static List<String> scripts() throws IOException {
		List<String> scripts = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:/browser/*.js")) {
			scripts.add(resource.getContentAsString(StandardCharsets.UTF_8));
		}
		return scripts;
	}

}
