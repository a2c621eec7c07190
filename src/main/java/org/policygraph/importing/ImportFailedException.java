package org.policygraph.importing;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused before anything was written, with every problem found. */
public class ImportFailedException extends RuntimeException {

	private final List<ImportProblem> problems;

	public ImportFailedException(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the import, nothing was written:\n"
				+ problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
