package org.policygraph.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Empties the shared test graph before each test class. */
public class ResetGraphExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestNeo4j.reset();
	}

}
