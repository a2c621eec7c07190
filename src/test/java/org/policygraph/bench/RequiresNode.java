package org.policygraph.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where Node and the peer's npm packages ({@code npm ci --prefix bench/neo4j-graphql}) are
 * installed; elsewhere skips it and prints why. With {@code POLICYGRAPH_REQUIRE_NODE=1} (set by {@code .ci/run})
 * they must be there, so CI can never pass by skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresNode.Condition.class)
@interface RequiresNode {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = PeerServer.missing();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("Node and the peer's packages are installed");
			}
			if ("1".equals(System.getenv("POLICYGRAPH_REQUIRE_NODE"))) {
				throw new IllegalStateException("POLICYGRAPH_REQUIRE_NODE=1 but " + missing);
			}
			String reason = "SKIPPED " + context.getDisplayName() + ": " + missing
					+ ", so the benchmark's smoke run cannot start the @neo4j/graphql peer here";
			System.out.println(reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
