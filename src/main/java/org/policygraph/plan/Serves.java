package org.policygraph.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "a program serves a measure, a pillar or a plan" means, written once for every
 * statement that asks it. A program serves the measures it is listed under (掲載) and their
 * parent measures (施策 ⇒ its sub-measures), and through them the pillar (柱) each measure
 * is under and the plan each is in; a program listed under two measures (再掲) serves both,
 * and is one program wherever it is counted.
 * <p>
 * A statement names the path by a placeholder between two node patterns it writes itself,
 * e.g. {@code MATCH (p:Program)${programToPillar}(pillar:Pillar)}, and is expanded once,
 * when its class is loaded ({@link #expand}). The fragments are constants: no value from
 * outside ever enters a statement through them.
 */
public final class Serves {

	private static final Map<String, String> PATHS = paths();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

	private Serves() {
	}

	private static Map<String, String> paths() {
		Map<String, String> paths = new LinkedHashMap<>();
		// from a program to each measure it serves: the one it is listed under, or a
		// parent of that one
		paths.put("programToMeasure", "-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->");
		paths.put("measureToProgram", "<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-");
		// from the measure a program is listed under to each pillar the program serves
		// through it
		paths.put("listedMeasureToPillar", "-[:PART_OF*0..]->(:Measure)-[:UNDER]->");
		paths.put("programToPillar", "-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->");
		paths.put("pillarToProgram", "<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-");
		paths.put("programToPlan", "-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:IN_PLAN]->");
		paths.put("planToProgram", "<-[:IN_PLAN]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-");
		return paths;
	}

	/**
	 * The statement with each {@code ${name}} replaced by the path it names
	 * ({@code programToMeasure}, {@code measureToProgram}, {@code listedMeasureToPillar},
	 * {@code programToPillar}, {@code pillarToProgram}, {@code programToPlan},
	 * {@code planToProgram}).
	 * @throws IllegalArgumentException for a name that is none of these (a class using it
	 * then fails to load)
	 */
	public static String expand(String statement) {
		Matcher placeholder = PLACEHOLDER.matcher(statement);
		StringBuilder expanded = new StringBuilder();
		while (placeholder.find()) {
			String path = PATHS.get(placeholder.group(1));
			if (path == null) {
				throw new IllegalArgumentException(
						"No path named '" + placeholder.group(1) + "'; the paths are " + PATHS.keySet());
			}
			placeholder.appendReplacement(expanded, Matcher.quoteReplacement(path));
		}
		return placeholder.appendTail(expanded).toString();
	}

}
