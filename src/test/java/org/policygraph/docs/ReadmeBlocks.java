package org.policygraph.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, each sorted into what a test does with it: a
 * GraphQL document to send, a shell block of {@code curl} commands (each with the output
 * a {@code # …} line after it shows, if any), a line of shell variables to set, a
 * {@code cypher-shell} command, a Cypher statement, or a block marked
 * {@code <!-- not run: reason -->} on the line above its fence. Any other block is an
 * error: an example nobody runs is one that can stop working unnoticed.
 */
record ReadmeBlocks(List<Block> blocks) {

	static final Path README = Path.of("README.md");

	private static final Pattern FENCE = Pattern.compile("^```\\s*(\\S*).*$");

	private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run:(.*)-->\\s*$");

	/** {@code NAME=$(command)}, with an optional comment after it. */
	private static final Pattern VARIABLE = Pattern.compile("^([A-Z_][A-Z0-9_]*)=\\$\\((.+)\\)\\s*(#.*)?$");

	private static final Pattern HEREDOC = Pattern.compile("<<-?'?\"?([A-Za-z_]+)'?\"?");

	enum Kind {

		GRAPHQL, CURL, SHELL_VARIABLES, CYPHER_SHELL, CYPHER, NOT_RUN

	}

	/**
	 * One shell command (continuation lines and here-documents included) and the output
	 * shown after it, if any.
	 */
	record Command(String text, String expectedOutput) {
	}

	/**
	 * A fenced block: where it starts (the fence's line, 1-based), its language, its
	 * text, and what it is; for a shell block its commands, for a block not run the
	 * reason given.
	 */
	record Block(int line, String language, String text, Kind kind, List<Command> commands, String reason) {

		String title() {
			String first = this.text.lines().findFirst().orElse("").strip();
			return "README.md line " + this.line + ": "
					+ ((first.length() > 70) ? first.substring(0, 70) + "…" : first);
		}

		/** The shell variables a {@link Kind#SHELL_VARIABLES} block sets, in order. */
		List<String> variables() {
			return this.commands.stream().map(c -> {
				Matcher m = VARIABLE.matcher(c.text());
				return m.matches() ? m.group(1) : null;
			}).toList();
		}

	}

	static ReadmeBlocks read() {
		try {
			return parse(Files.readString(README, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ReadmeBlocks parse(String markdown) {
		List<String> lines = markdown.lines().toList();
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (!fence.matches()) {
				continue;
			}
			int start = i;
			StringBuilder text = new StringBuilder();
			for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
				text.append(lines.get(i)).append('\n');
			}
			if (i == lines.size()) {
				throw new IllegalStateException(
						"README.md line " + (start + 1) + ": a code block that is never closed");
			}
			blocks.add(classify(start + 1, fence.group(1), text.toString(), notRunReason(lines, start)));
		}
		return new ReadmeBlocks(List.copyOf(blocks));
	}

	/**
	 * The reason on a {@code <!-- not run: … -->} line right above the fence (blank lines
	 * between allowed).
	 */
	private static String notRunReason(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			Matcher notRun = NOT_RUN.matcher(line);
			return notRun.matches() ? notRun.group(1).strip() : null;
		}
		return null;
	}

	private static Block classify(int line, String language, String text, String reason) {
		if (reason != null) {
			if (reason.isEmpty()) {
				throw new IllegalStateException("README.md line " + line + ": <!-- not run: … --> without a reason");
			}
			return new Block(line, language, text, Kind.NOT_RUN, List.of(), reason);
		}
		return switch (language) {
			case "graphql" -> new Block(line, language, text, Kind.GRAPHQL, List.of(), null);
			case "cypher" -> new Block(line, language, text, Kind.CYPHER, List.of(), null);
			case "bash", "sh", "shell" -> classifyShell(line, language, text);
			default -> throw unrunnable(line, "a block of '" + language + "'");
		};
	}

	private static Block classifyShell(int line, String language, String text) {
		List<Command> commands = commands(text);
		if (commands.isEmpty()) {
			throw unrunnable(line, "an empty shell block");
		}
		Kind kind;
		if (commands.stream().allMatch(c -> c.text().startsWith("curl "))) {
			kind = Kind.CURL;
		}
		else if (commands.stream().allMatch(c -> VARIABLE.matcher(c.text()).matches())) {
			kind = Kind.SHELL_VARIABLES;
		}
		else if (commands.size() == 1 && commands.get(0).text().startsWith("cypher-shell ")) {
			kind = Kind.CYPHER_SHELL;
		}
		else {
			throw unrunnable(line,
					"a shell block that is not only curl commands, shell variables or one cypher-shell command");
		}
		return new Block(line, language, text, kind, commands, null);
	}

	/**
	 * The block's commands: a line ending in {@code \} goes on with the next, a
	 * here-document with its body; a line {@code # {…}} or {@code # […]} right after a
	 * command is the output it prints, any other {@code #} line a comment.
	 */
	static List<Command> commands(String text) {
		List<String> lines = text.lines().toList();
		List<Command> commands = new ArrayList<>();
		StringBuilder command = new StringBuilder();
		String heredocEnd = null;
		for (String line : lines) {
			if (heredocEnd != null) {
				command.append('\n').append(line);
				if (line.equals(heredocEnd)) {
					heredocEnd = null;
					commands.add(new Command(command.toString(), null));
					command.setLength(0);
				}
				continue;
			}
			String stripped = line.strip();
			if (command.isEmpty() && stripped.startsWith("#")) {
				String output = stripped.substring(1).strip();
				if (!commands.isEmpty() && (output.startsWith("{") || output.startsWith("["))
						&& commands.get(commands.size() - 1).expectedOutput() == null) {
					Command last = commands.remove(commands.size() - 1);
					commands.add(new Command(last.text(), output));
				}
				continue;
			}
			if (stripped.isEmpty() && command.isEmpty()) {
				continue;
			}
			command.append(command.isEmpty() ? "" : "\n").append(line);
			Matcher heredoc = HEREDOC.matcher(line);
			if (heredoc.find()) {
				heredocEnd = heredoc.group(1);
			}
			else if (!line.endsWith("\\")) {
				commands.add(new Command(command.toString(), null));
				command.setLength(0);
			}
		}
		if (!command.isEmpty()) {
			commands.add(new Command(command.toString(), null));
		}
		return commands;
	}

	private static IllegalStateException unrunnable(int line, String what) {
		return new IllegalStateException("README.md line " + line + ": " + what + " that is neither run by "
				+ "ReadmeExamplesIT nor marked <!-- not run: reason --> on the line above its fence");
	}

	List<Block> ofKind(Kind kind) {
		return this.blocks.stream().filter(b -> b.kind() == kind).toList();
	}

}
