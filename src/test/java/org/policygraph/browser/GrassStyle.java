package org.policygraph.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cypher/browser/style.grass} read the way Neo4j Browser 5 reads it: a rule's
 * selector is {@code node} or {@code relationship} and a list of labels; a node takes, in
 * file order, the properties of every rule whose labels it all has, so a later rule
 * overrides an earlier one.
 */
record GrassStyle(List<Rule> rules) {

	static final Path FILE = Path.of("cypher", "browser", "style.grass");

	record Rule(String tag, List<String> labels, Map<String, String> properties) {
	}

	static GrassStyle read() {
		try {
			return parse(Files.readString(FILE, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Browser's own parser: braces inside a quoted value (a caption's {@code {name}}) do
	 * not end the rule.
	 */
	static GrassStyle parse(String grass) {
		List<Rule> rules = new ArrayList<>();
		StringBuilder selector = new StringBuilder();
		StringBuilder body = new StringBuilder();
		boolean inBody = false;
		boolean quoted = false;
		for (char c : grass.toCharArray()) {
			if (c == '\'') {
				// Like Browser, the quotes themselves are dropped: a caption is stored as
				// {label} {name}.
				quoted = !quoted;
			}
			else if (!quoted && c == '{' && !inBody) {
				inBody = true;
			}
			else if (!quoted && c == '}' && inBody) {
				rules.add(rule(selector.toString(), body.toString()));
				selector.setLength(0);
				body.setLength(0);
				inBody = false;
			}
			else if (inBody) {
				body.append(c);
			}
			else if (!Character.isWhitespace(c)) {
				selector.append(c);
			}
		}
		return new GrassStyle(List.copyOf(rules));
	}

	private static Rule rule(String selector, String body) {
		List<String> parts = Arrays.asList(selector.split("\\."));
		Map<String, String> properties = new LinkedHashMap<>();
		for (String declaration : body.split(";")) {
			int colon = declaration.indexOf(':');
			if (colon > 0) {
				properties.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
			}
		}
		return new Rule(parts.get(0), parts.subList(1, parts.size()), properties);
	}

	/** The style a node with these labels is drawn with. */
	Map<String, String> forNode(List<String> labels) {
		Map<String, String> style = new HashMap<>();
		for (Rule rule : this.rules) {
			if (rule.tag().equals("node") && labels.containsAll(rule.labels())) {
				style.putAll(rule.properties());
			}
		}
		return style;
	}

}
