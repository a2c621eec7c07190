package org.policygraph.support;

import java.io.IOException;
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
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only where Node and the npm packages of one folder
 * ({@code npm ci --prefix <folder>}) are installed; elsewhere skips it and prints why.
 * With {@code POLICYGRAPH_REQUIRE_NODE=1} (set by {@code .ci/run}) they must be there, so
 * CI can never pass by skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresNode.Condition.class)
public @interface RequiresNode {

	/** The folder of the package.json, relative to the project (e.g. {@code clients}). */
	String folder();

	/**
	 * A package that must be in the folder's node_modules when its packages are installed
	 * (e.g. {@code graphql}).
	 */
	String module();

	/** What cannot run without them, for the message of a skip. */
	String because();

	class Condition implements ExecutionCondition {

		/**
		 * Why Node or the folder's packages are missing here, or null when both are
		 * there.
		 */
		public static String missing(Path folder, String module) {
			if (!Files.isDirectory(folder.resolve("node_modules").resolve(module))) {
				return "the packages of " + folder + " are not installed (npm ci --prefix " + folder + ")";
			}
			try {
				Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
				node.getInputStream().readAllBytes();
				return (node.waitFor() == 0) ? null : "node --version failed";
			}
			catch (IOException ex) {
				return "Node is not installed (" + ex.getMessage() + ")";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			RequiresNode required = context.getElement()
				.flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresNode.class))
				.orElse(null);
			if (required == null) {
				return ConditionEvaluationResult.enabled("no Node packages required here");
			}
			String missing = missing(Path.of(required.folder()), required.module());
			if (missing == null) {
				return ConditionEvaluationResult
					.enabled("Node and the packages of " + required.folder() + " are installed");
			}
			if ("1".equals(System.getenv("POLICYGRAPH_REQUIRE_NODE"))) {
				throw new IllegalStateException("POLICYGRAPH_REQUIRE_NODE=1 but " + missing);
			}
			String reason = "SKIPPED " + context.getDisplayName() + ": " + missing + ", so " + required.because();
			System.out.println(reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
