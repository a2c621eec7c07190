package org.policygraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Applies {@code cypher/schema.cypher} statement by statement. Every statement is
 * idempotent, so this runs at every start-up; a failing statement stops start-up with the
 * statement in the message.
 */
public final class GraphSchema {

	private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

	private static final Pattern NAMED = Pattern.compile(
			"CREATE\\s+(?:CONSTRAINT|(?:FULLTEXT\\s+|RANGE\\s+|TEXT\\s+|POINT\\s+|VECTOR\\s+)?INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS",
			Pattern.CASE_INSENSITIVE);

	/** The properties a full-text index statement covers: {@code ON EACH [n.a, n.b]}. */
	private static final Pattern FULLTEXT_PROPERTIES = Pattern.compile("ON\\s+EACH\\s+\\[([^\\]]*)]",
			Pattern.CASE_INSENSITIVE);

	/** The labels a full-text index statement covers: {@code FOR (n:A|B)}. */
	private static final Pattern FULLTEXT_LABELS = Pattern.compile("FOR\\s*\\(\\s*\\w+\\s*:([^)]*)\\)",
			Pattern.CASE_INSENSITIVE);

	private final Driver driver;

	private final DatabaseSelectionProvider databaseSelection;

	private final Resource script;

	public GraphSchema(Driver driver, DatabaseSelectionProvider databaseSelection, Resource script) {
		this.driver = driver;
		this.databaseSelection = databaseSelection;
		this.script = script;
	}

	public void apply() {
		List<String> statements = statements(read(this.script));
		long started = System.nanoTime();
		int applied = 0;
		try (var session = this.driver.session(SelectedDatabase.sessionConfig(this.databaseSelection))) {
			Set<String> existing = new HashSet<>();
			Map<String, List<String>> indexProperties = new HashMap<>();
			Map<String, Set<String>> indexLabels = new HashMap<>();
			session.run("SHOW CONSTRAINTS YIELD name").forEachRemaining(r -> existing.add(r.get("name").asString()));
			session.run("SHOW INDEXES YIELD name, properties, labelsOrTypes").forEachRemaining(r -> {
				existing.add(r.get("name").asString());
				indexProperties.put(r.get("name").asString(),
						r.get("properties").isNull() ? List.of() : r.get("properties").asList(v -> v.asString()));
				indexLabels.put(r.get("name").asString(), r.get("labelsOrTypes").isNull() ? Set.of()
						: Set.copyOf(r.get("labelsOrTypes").asList(v -> v.asString())));
			});
			for (String statement : statements) {
				// A named constraint or index that exists is left alone: IF NOT EXISTS
				// would too, at the cost of planning the statement. A full-text index
				// made by an earlier version over other properties is made again (a store
				// written before searchName existed, say) or other labels (before
				// milestones), as the statement has it now.
				String name = name(statement);
				List<String> declared = fulltextProperties(statement);
				Set<String> declaredLabels = fulltextLabels(statement);
				if (name != null && existing.contains(name) && declared != null
						&& (!declared.equals(indexProperties.get(name))
								|| (declaredLabels != null && !declaredLabels.equals(indexLabels.get(name))))) {
					log.info("Full-text index {} covers {} of {}; made again over {} of {}", name,
							indexProperties.get(name), indexLabels.get(name), declared, declaredLabels);
					session.run("DROP INDEX " + name + " IF EXISTS").consume();
					existing.remove(name);
				}
				if (name != null && existing.contains(name)) {
					continue;
				}
				applied++;
				try {
					session.run(statement).consume();
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("Schema statement failed (" + this.script.getDescription() + "): "
							+ statement + " — " + ex.getMessage(), ex);
				}
			}
		}
		log.info("Schema from {}: {} statements applied, {} already in place ({} ms)", this.script.getDescription(),
				applied, statements.size() - applied, (System.nanoTime() - started) / 1_000_000);
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource.getDescription(), ex);
		}
	}

	/**
	 * The name a {@code CREATE CONSTRAINT|INDEX name IF NOT EXISTS} statement gives, or
	 * null.
	 */
	static String name(String statement) {
		Matcher m = NAMED.matcher(statement);
		return m.lookingAt() ? m.group(1) : null;
	}

	/**
	 * The items the pattern's first group lists in a full-text index statement, split at
	 * the separator and stripped, or null for any other statement or when it lists none.
	 */
	private static List<String> fulltextItems(String statement, Pattern list, String separator) {
		if (!statement.toUpperCase(Locale.ROOT).contains("FULLTEXT")) {
			return null;
		}
		Matcher m = list.matcher(statement);
		return m.find() ? Arrays.stream(m.group(1).split(Pattern.quote(separator))).map(String::strip).toList() : null;
	}

	/**
	 * The properties a {@code CREATE FULLTEXT INDEX … ON EACH [n.a, n.b]} statement
	 * covers, in its order ({@code [a, b]}), or null for any other statement.
	 */
	static List<String> fulltextProperties(String statement) {
		List<String> items = fulltextItems(statement, FULLTEXT_PROPERTIES, ",");
		return (items != null) ? items.stream().map(item -> item.substring(item.indexOf('.') + 1)).toList() : null;
	}

	/**
	 * The labels a {@code CREATE FULLTEXT INDEX … FOR (n:A|B)} statement covers, or null
	 * for any other statement.
	 */
	static Set<String> fulltextLabels(String statement) {
		List<String> items = fulltextItems(statement, FULLTEXT_LABELS, "|");
		return (items != null) ? Set.copyOf(items) : null;
	}

	/**
	 * Splits a script into statements: {@code //} comment lines dropped, statements end
	 * with {@code ;}.
	 */
	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("//")) {
				continue;
			}
			current.append(current.isEmpty() ? "" : "\n").append(line.stripTrailing());
			if (trimmed.endsWith(";")) {
				current.setLength(current.length() - 1);
				statements.add(current.toString().strip());
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			statements.add(current.toString().strip());
		}
		return statements;
	}

}
