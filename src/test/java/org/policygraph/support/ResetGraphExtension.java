package org.policygraph.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Empties the shared test graph before each test class, except for a
 * {@link PackagedDataset} class, which gets the packaged dataset instead.
 */
public class ResetGraphExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		if (AnnotationSupport.isAnnotated(context.getRequiredTestClass(), PackagedDataset.class)) {
			return;
		}
		TestNeo4j.reset();
		RecordingDriver.clear();
	}

}
