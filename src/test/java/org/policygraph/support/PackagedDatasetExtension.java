package org.policygraph.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policygraph.importing.DatasetImporter;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each {@link PackagedDataset} class the packaged dataset, imported by the service
 * under test: once per JVM, reused while the graph is still the untouched import. Whether
 * it is, a cheap read tells: the numbers of nodes and relationships, and the change
 * records (every mutation and import through the service writes one, with an id of its
 * own; http/GraphVersion reads the same). Emptying the graph ({@link TestNeo4j#reset()})
 * forgets the import outright. When in doubt, the graph is emptied and imported again.
 */
public final class PackagedDatasetExtension implements BeforeAllCallback, AfterAllCallback {

	private static final String STATE = """
			CALL () { MATCH (n) RETURN count(n) AS nodes }
			CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
			CALL () { MATCH (c:Change) WITH c ORDER BY c.id RETURN collect(toString(c.id)) AS changes }
			RETURN nodes, relationships, changes""";

	/**
	 * The state right after the last import of the packaged dataset; null when there is
	 * none to reuse.
	 */
	private static volatile Map<String, Object> untouched;

	static void forget() {
		untouched = null;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Map<String, Object> expected = untouched;
		if (expected == null || !expected.equals(state())) {
			TestNeo4j.reset();
			SpringExtension.getApplicationContext(context).getBean(DatasetImporter.class).importPackagedDataset(false);
			TestNeo4j.execute("CALL db.awaitIndexes(300)");
			untouched = state();
		}
		RecordingDriver.clear();
	}

	/**
	 * A class marked read-only that changed the graph would hand its changes to the next
	 * one: it fails instead.
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		Map<String, Object> expected = untouched;
		if (expected != null && !expected.equals(state())) {
			forget();
			throw new IllegalStateException(context.getRequiredTestClass().getSimpleName() + " is marked @"
					+ PackagedDataset.class.getSimpleName() + " (read-only) but changed the graph: expected " + expected
					+ ", found " + state());
		}
	}

	private static Map<String, Object> state() {
		List<Map<String, Object>> rows = TestNeo4j.execute(STATE);
		return rows.getFirst();
	}

}
