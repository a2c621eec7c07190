package org.policygraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports read the same in every file (spring-javaformat, checked in {@code verify}, lays
 * out the code but leaves imports as they are): {@code java.*} and {@code javax.*}, then
 * other libraries and the project, then {@code org.springframework.*}, then static
 * imports; each group in alphabetical order, one blank line between.
 */
class ImportOrderTests {

	@Test
	void everyJavaFileImportsInTheHouseOrder() throws IOException {
		List<String> outOfOrder = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/dev"))) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					List<String> block = importBlock(Files.readAllLines(file));
					if (!block.equals(houseOrder(block))) {
						outOfOrder.add(file.toString());
					}
				}
			}
		}
		assertThat(outOfOrder).as("files whose imports are not in the house order").isEmpty();
	}

	@Test
	void theOrderPutsJavaFirstSpringThirdAndStaticLast() {
		List<String> mixed = List.of("import static org.assertj.core.api.Assertions.assertThat;",
				"import org.springframework.stereotype.Component;", "import org.neo4j.driver.Driver;",
				"import java.util.List;", "import java.time.Clock;");
		assertThat(houseOrder(mixed)).containsExactly("import java.time.Clock;", "import java.util.List;", "",
				"import org.neo4j.driver.Driver;", "", "import org.springframework.stereotype.Component;", "",
				"import static org.assertj.core.api.Assertions.assertThat;");
	}

	/** The lines from the first import to the last, blank lines included. */
	private static List<String> importBlock(List<String> lines) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("import ")) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		return (first < 0) ? List.of() : lines.subList(first, last + 1);
	}

	private static List<String> houseOrder(List<String> block) {
		List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		block.stream()
			.filter(line -> line.startsWith("import "))
			.distinct()
			.sorted(Comparator.comparing(line -> line.substring("import ".length()).replace(";", "")))
			.forEach(line -> groups.get(group(line)).add(line));
		List<String> ordered = new ArrayList<>();
		for (List<String> group : groups) {
			if (!group.isEmpty()) {
				if (!ordered.isEmpty()) {
					ordered.add("");
				}
				ordered.addAll(group);
			}
		}
		return ordered;
	}

	private static int group(String line) {
		String name = line.substring("import ".length());
		if (name.startsWith("static ")) {
			return 3;
		}
		if (name.startsWith("java.") || name.startsWith("javax.")) {
			return 0;
		}
		return name.startsWith("org.springframework.") ? 2 : 1;
	}

}
