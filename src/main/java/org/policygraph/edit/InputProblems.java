package org.policygraph.edit;

import java.util.ArrayList;
import java.util.List;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

/**
 * Collects what is wrong with a mutation's input, so that one answer names every field at
 * fault; {@link #check()} refuses the input when anything is.
 */
final class InputProblems {

	private final List<InputException.Problem> problems = new ArrayList<>();

	void add(ErrorCode code, String field, String message) {
		this.problems.add(new InputException.Problem(code, field, message));
	}

	boolean isEmpty() {
		return this.problems.isEmpty();
	}

	/**
	 * @throws InputException when any problem was found
	 */
	void check() {
		if (!this.problems.isEmpty()) {
			throw new InputException(this.problems);
		}
	}

	/**
	 * A refused input: the first problem is the error's code and field; all of them are
	 * in its extensions.
	 */
	static final class InputException extends ApiException {

		record Problem(ErrorCode code, String field, String message) {
		}

		private final List<Problem> problems;

		InputException(List<Problem> problems) {
			super(problems.getFirst().code(), message(problems), problems.getFirst().field());
			this.problems = List.copyOf(problems);
		}

		@Override
		public List<java.util.Map<String, String>> problems() {
			return this.problems.stream()
				.map(p -> java.util.Map.of("field", p.field(), "code", p.code().name(), "message", p.message()))
				.toList();
		}

		private static String message(List<Problem> problems) {
			StringBuilder text = new StringBuilder();
			for (Problem p : problems) {
				text.append(text.isEmpty() ? "" : "; ").append(p.field()).append(": ").append(p.message());
			}
			return text.toString();
		}

	}

}
