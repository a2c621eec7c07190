package org.policygraph.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded mode is the default: it applies whenever no external Neo4j URI is configured.
 */
final class EmbeddedNeo4jCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEmbedded(context.getEnvironment());
	}

	static boolean isEmbedded(Environment environment) {
		return !StringUtils.hasText(environment.getProperty("spring.neo4j.uri"));
	}

}
