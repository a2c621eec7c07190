package org.policygraph.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where Debian's Chromium and its chromedriver are installed;
 * elsewhere skips it and prints why. With {@code POLICYGRAPH_REQUIRE_BROWSER=1} (set by
 * {@code .ci/run}) a missing browser fails the build instead, so CI can never pass by
 * skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

	Path CHROMIUM = Path.of("/usr/bin/chromium");

	Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			String missing = CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing on this machine (apt-get install -y chromium chromium-driver)";
			if ("1".equals(System.getenv("POLICYGRAPH_REQUIRE_BROWSER"))) {
				throw new IllegalStateException("POLICYGRAPH_REQUIRE_BROWSER=1 but " + missing);
			}
			String reason = "SKIPPED " + context.getDisplayName() + ": " + missing
					+ ", so the Neo4j Browser end-to-end test cannot run here";
			System.out.println(reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
