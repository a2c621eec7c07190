package org.policygraph.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file of the analysts' library in {@code cypher/queries/}: the header comment block
 * that documents the question, and the one Cypher statement below it, as an analyst would
 * paste it into Neo4j Browser or cypher-shell.
 *
 * @param fileName the file's name, e.g. {@code 03-pillar-budget-for-fiscal-year.cypher}
 * @param header the leading {@code //} lines, as written
 * @param declaredParameters the {@code $names} on the {@code // Parameters:} line, in
 * order
 * @param exampleParameters the values of the
 * {@code // cypher-shell: :param name => value} lines
 * @param columns the column names listed under {@code // Returns:}, in order
 * @param statement the statement, without the header and without a trailing semicolon
 */
record CypherQueryFile(String fileName, List<String> header, List<String> declaredParameters,
		Map<String, Object> exampleParameters, List<String> columns, String statement) {

	static final Path DIRECTORY = Path.of("cypher", "queries");

	private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern EXAMPLE = Pattern
		.compile("^// cypher-shell: :param ([A-Za-z_][A-Za-z0-9_]*) => (.+)$");

	private static final Pattern COLUMN = Pattern.compile("^//\\s+([A-Za-z_][A-Za-z0-9_]*) — \\S.*$");

	private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	static List<Path> all() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".cypher")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static CypherQueryFile named(String fileName) {
		return read(DIRECTORY.resolve(fileName));
	}

	static CypherQueryFile read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int body = 0;
		while (body < lines.size() && lines.get(body).startsWith("//")) {
			body++;
		}
		List<String> header = List.copyOf(lines.subList(0, body));
		String statement = String.join("\n", lines.subList(body, lines.size())).strip();
		if (statement.endsWith(";")) {
			// cypher-shell accepts a closing semicolon; the driver wants the bare
			// statement
			statement = statement.substring(0, statement.length() - 1).strip();
		}
		return new CypherQueryFile(file.getFileName().toString(), header, declaredParameters(header),
				exampleParameters(header), columns(header), statement);
	}

	/**
	 * The value of the header line starting with the prefix ({@code // Question (ja):}
	 * …), or null.
	 */
	String headerValue(String prefix) {
		return this.header.stream()
			.filter(line -> line.startsWith(prefix))
			.map(line -> line.substring(prefix.length()).strip())
			.findFirst()
			.orElse(null);
	}

	/**
	 * The {@code $parameters} the statement uses, ignoring anything inside string
	 * literals.
	 */
	Set<String> usedParameters() {
		Set<String> used = new LinkedHashSet<>();
		Matcher matcher = PARAMETER.matcher(STRING_LITERAL.matcher(this.statement).replaceAll("''"));
		while (matcher.find()) {
			used.add(matcher.group(1));
		}
		return used;
	}

	private static List<String> declaredParameters(List<String> header) {
		List<String> declared = new ArrayList<>();
		header.stream().filter(line -> line.startsWith("// Parameters:")).findFirst().ifPresent(line -> {
			Matcher matcher = PARAMETER.matcher(line);
			while (matcher.find()) {
				declared.add(matcher.group(1));
			}
		});
		return declared;
	}

	private static Map<String, Object> exampleParameters(List<String> header) {
		Map<String, Object> examples = new LinkedHashMap<>();
		for (String line : header) {
			Matcher matcher = EXAMPLE.matcher(line);
			if (matcher.matches()) {
				examples.put(matcher.group(1), literal(matcher.group(2).strip()));
			}
		}
		return examples;
	}

	/**
	 * A cypher-shell parameter literal: a quoted string or a whole number is all the
	 * library uses.
	 */
	private static Object literal(String text) {
		if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
			return text.substring(1, text.length() - 1);
		}
		return Long.parseLong(text);
	}

	private static List<String> columns(List<String> header) {
		List<String> columns = new ArrayList<>();
		int returns = -1;
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).strip().equals("// Returns:")) {
				returns = i;
				break;
			}
		}
		if (returns < 0) {
			return columns;
		}
		for (int i = returns + 1; i < header.size(); i++) {
			Matcher matcher = COLUMN.matcher(header.get(i));
			if (!matcher.matches() || header.get(i).startsWith("// cypher-shell:")) {
				break;
			}
			columns.add(matcher.group(1));
		}
		return columns;
	}

	@Override
	public String toString() {
		return this.fileName;
	}

}
