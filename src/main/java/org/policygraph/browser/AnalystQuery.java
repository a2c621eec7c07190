package org.policygraph.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * One question of {@code cypher/queries/}, as the guide shows it: the header's questions,
 * the example parameters of its {@code // cypher-shell: :param …} lines, the columns it
 * returns and the statement below the header.
 */
record AnalystQuery(String fileName, String questionJa, String questionEn, List<String> parameterCommands,
		List<String> returns, String statement) {

	private static final String PARAM_LINE = "// cypher-shell: ";

	static AnalystQuery parse(String fileName, String text) {
		List<String> lines = text.lines().toList();
		int body = 0;
		while (body < lines.size() && lines.get(body).startsWith("//")) {
			body++;
		}
		List<String> header = lines.subList(0, body);
		List<String> parameters = new ArrayList<>();
		List<String> returns = new ArrayList<>();
		boolean inReturns = false;
		for (String line : header) {
			if (line.startsWith(PARAM_LINE)) {
				parameters.add(line.substring(PARAM_LINE.length()).strip());
			}
			inReturns = inReturns && line.startsWith("//   ");
			if (inReturns) {
				returns.add(line.substring(2).strip());
			}
			inReturns = inReturns || line.startsWith("// Returns:");
		}
		String statement = String.join("\n", lines.subList(body, lines.size())).strip();
		if (statement.endsWith(";")) {
			statement = statement.substring(0, statement.length() - 1).strip();
		}
		return new AnalystQuery(fileName, headerValue(header, "// Question (ja):"),
				headerValue(header, "// Question (en):"), List.copyOf(parameters), List.copyOf(returns), statement);
	}

	private static String headerValue(List<String> header, String prefix) {
		return header.stream()
			.filter(line -> line.startsWith(prefix))
			.map(line -> line.substring(prefix.length()).strip())
			.findFirst()
			.orElse("");
	}

	/**
	 * The example parameters as one Neo4j Browser command ({@code ;} between two
	 * {@code :param}s), or empty. Kept apart from the statement: Browser shows a
	 * multi-statement run as a list, and the answer only after another click.
	 */
	String parameters() {
		return String.join(";\n", this.parameterCommands);
	}

}
