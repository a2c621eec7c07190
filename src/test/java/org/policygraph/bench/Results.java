package org.policygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.policygraph.bench.BenchQuery.Server;
import org.policygraph.bench.BenchRun.Checked;

/**
 * Writes {@code RESULTS.md} (machine, versions, date, command, load times, answers
 * checked, the servers side by side with their ratios and the load average of each cell,
 * and the targets met or missed) and {@code results.csv} (every slice of every round)
 * from one run. The findings, written by hand after profiling, come from
 * {@code FINDINGS.md} beside them.
 */
final class Results {

	/** Where and how the run was made. */
	record Context(String date, String command, String machine, String versions, String settings) {
	}

	/** Everything measured at one scale. */
	record Scale(ScaleLoader.Load load, long nodes, long relationships, List<Checked> checked, List<Cell> cells) {
	}

	/** The servers in the order of the tables' columns, with their short titles. */
	private static final Map<Server, String> COLUMNS = columns();

	private final Path directory;

	Results(Path directory) {
		this.directory = directory;
	}

	private static Map<Server, String> columns() {
		Map<Server, String> columns = new java.util.LinkedHashMap<>();
		columns.put(Server.POLICYGRAPH, "PolicyGraph");
		columns.put(Server.POLICYGRAPH_CACHED, "PolicyGraph, cache on");
		columns.put(Server.PEER, "@neo4j/graphql");
		columns.put(Server.CYPHER, "Cypher in-process");
		columns.put(Server.CYPHER_HTTP, "Cypher over HTTP");
		return columns;
	}

	void write(Context context, List<Scale> scales) {
		try {
			Files.createDirectories(this.directory);
			Files.writeString(this.directory.resolve("results.csv"), csv(context, scales), StandardCharsets.UTF_8);
			Files.writeString(this.directory.resolve("RESULTS.md"), markdown(context, scales), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One row a slice: which round, its place in the round, and what it measured. */
	static String csv(Context context, List<Scale> scales) {
		StringBuilder out = new StringBuilder("date,scale,query,concurrency,load_average,round,slot,server,requests,"
				+ "seconds,throughput_per_s,p50_ms,p95_ms,p99_ms,max_ms\n");
		for (Scale scale : scales) {
			for (Cell cell : scale.cells()) {
				for (int round = 0; round < cell.rounds().size(); round++) {
					List<Server> order = cell.orders().get(round);
					for (int slot = 0; slot < order.size(); slot++) {
						Server server = order.get(slot);
						LoadGenerator.Result r = cell.rounds().get(round).get(server);
						out.append(
								String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%d,%d,%s,%d,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f%n",
										context.date(), cell.scale(), cell.query(), cell.concurrency(),
										cell.loadAverage(), round + 1, slot + 1, server.name(), r.requests(),
										r.seconds(), r.throughput(), r.p50(), r.p95(), r.p99(), r.max()));
					}
				}
			}
		}
		return out.toString();
	}

	private String markdown(Context context, List<Scale> scales) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results\n\n");
		md.append(
				"PolicyGraph, `@neo4j/graphql` and hand-written Cypher (called in-process, and behind a minimal HTTP ")
			.append("server) answering the same seven questions over one Neo4j, at the scales below. Written by ")
			.append("`bench/run.sh` from one run; every figure is measured, none estimated. Raw numbers, one row a ")
			.append("slice: `results.csv`.\n\n");
		md.append("- **Date**: ").append(context.date()).append('\n');
		md.append("- **Command**: `").append(context.command()).append("`\n");
		md.append("- **Machine**: ").append(context.machine()).append('\n');
		md.append("- **Versions**: ").append(context.versions()).append('\n');
		md.append("- **Settings**: ").append(context.settings()).append("\n\n");
		Path findings = this.directory.resolve("FINDINGS.md");
		if (Files.isRegularFile(findings)) {
			md.append(Files.readString(findings, StandardCharsets.UTF_8).strip()).append("\n\n");
		}
		md.append(
				"## Data\n\n| scale | municipalities loaded | nodes | relationships | nodes created | load time | nodes/s |\n")
			.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Scale scale : scales) {
			ScaleLoader.Load load = scale.load();
			md.append(String.format(Locale.ROOT, "| %d | %d | %,d | %,d | %,d | %.0f s | %,.0f |%n", load.scale(),
					load.scale(), scale.nodes(), scale.relationships(), load.nodesCreated(), load.importSeconds(),
					load.nodesPerSecond()));
		}
		md.append(
				"\nLoad time is the importer's, for the municipalities added to reach the scale (one transaction each); ")
			.append("generating the CSV files is not included.\n\n");
		md.append("## The questions, answers checked equal\n\n| question | what | answer (PolicyGraph's JSON) |\n")
			.append("| --- | --- | --- |\n");
		Scale first = scales.getFirst();
		for (BenchQuery query : BenchQueries.all()) {
			Optional<Checked> checked = first.checked()
				.stream()
				.filter(c -> c.query().equals(query.name()))
				.findFirst();
			md.append("| ")
				.append(query.name())
				.append(" | ")
				.append(query.question())
				.append(" | ")
				.append(checked.map(c -> String.format(Locale.ROOT, "%s, %,d bytes", c.summary(), c.answerBytes()))
					.orElse(""))
				.append(" |\n");
		}
		md.append("\nBefore timing, at every scale, each question's answers from every server were compared as JSON ")
			.append("(numbers by value, object fields in any order, lists in order); all were equal.\n\n");
		for (Scale scale : scales) {
			md.append(table(scale));
		}
		md.append(floors(scales));
		md.append(targets(scales));
		return md.toString();
	}

	/** The servers measured at a scale, in column order. */
	private static List<Server> servers(List<Cell> cells) {
		return COLUMNS.keySet().stream().filter(server -> cells.stream().anyMatch(cell -> cell.has(server))).toList();
	}

	private static String table(Scale scale) {
		List<Cell> cells = questions(scale);
		List<Server> servers = servers(cells);
		boolean cached = servers.contains(Server.POLICYGRAPH_CACHED);
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "## Scale %d (%,d nodes)%n%n", scale.load().scale(), scale.nodes()));
		md.append("Medians over the rounds: throughput in answers per second, latencies in ms as p50 / p95 / p99. ")
			.append("Ratios, each the median over the rounds of that round's ratio: PolicyGraph's throughput over the ")
			.append("peer's, and PolicyGraph's p50 over the hand-written Cypher's, in-process and over HTTP")
			.append(cached ? "; the same for PolicyGraph with its answer cache on, labelled so" : "")
			.append(". Load: the 1, 5 and 15 minute load averages as the row began.\n\n");
		StringBuilder header = new StringBuilder("| question | c | load |");
		StringBuilder rule = new StringBuilder("| --- | ---: | --- |");
		for (Server server : servers) {
			header.append(' ').append(COLUMNS.get(server)).append(" /s |");
			rule.append(" ---: |");
		}
		header.append(" ours/peer /s |");
		rule.append(" ---: |");
		if (cached) {
			header.append(" cache on/peer /s |");
			rule.append(" ---: |");
		}
		for (Server server : servers) {
			header.append(' ').append(COLUMNS.get(server)).append(" ms |");
			rule.append(" ---: |");
		}
		header.append(" p50 ours/Cypher | p50 ours/Cypher over HTTP |");
		rule.append(" ---: | ---: |");
		if (cached) {
			header.append(" p50 cache on/Cypher over HTTP |");
			rule.append(" ---: |");
		}
		md.append(header).append('\n').append(rule).append('\n');
		for (Cell cell : cells) {
			md.append("| ").append(cell.query()).append(" | ").append(cell.concurrency()).append(" | ");
			md.append(cell.loadAverage()).append(" |");
			for (Server server : servers) {
				md.append(' ').append(figure(cell, server, LoadGenerator.Result::throughput)).append(" |");
			}
			md.append(' ').append(ratio(cell, Server.POLICYGRAPH, Server.PEER, LoadGenerator.Result::throughput));
			md.append(" |");
			if (cached) {
				md.append(' ')
					.append(ratio(cell, Server.POLICYGRAPH_CACHED, Server.PEER, LoadGenerator.Result::throughput))
					.append(" |");
			}
			for (Server server : servers) {
				md.append(' ').append(latencies(cell, server)).append(" |");
			}
			md.append(' ').append(ratio(cell, Server.POLICYGRAPH, Server.CYPHER, LoadGenerator.Result::p50));
			md.append(" | ").append(ratio(cell, Server.POLICYGRAPH, Server.CYPHER_HTTP, LoadGenerator.Result::p50));
			md.append(" |");
			if (cached) {
				md.append(' ')
					.append(ratio(cell, Server.POLICYGRAPH_CACHED, Server.CYPHER_HTTP, LoadGenerator.Result::p50))
					.append(" |");
			}
			md.append('\n');
		}
		return md.append('\n').toString();
	}

	private static String figure(Cell cell, Server server, ToDoubleFunction<LoadGenerator.Result> figure) {
		return cell.has(server) ? String.format(Locale.ROOT, "%.1f", cell.median(server, figure)) : "";
	}

	private static String ratio(Cell cell, Server over, Server under, ToDoubleFunction<LoadGenerator.Result> figure) {
		return (cell.has(over) && cell.has(under)) ? String.format(Locale.ROOT, "%.2f", cell.ratio(over, under, figure))
				: "";
	}

	private static String latencies(Cell cell, Server server) {
		if (!cell.has(server)) {
			return "";
		}
		return String.format(Locale.ROOT, "%s / %s / %s", ms(cell.median(server, LoadGenerator.Result::p50)),
				ms(cell.median(server, LoadGenerator.Result::p95)), ms(cell.median(server, LoadGenerator.Result::p99)));
	}

	private static String ms(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	/** The questions' cells, without the fixed cost of a request. */
	private static List<Cell> questions(Scale scale) {
		return scale.cells().stream().filter(cell -> !cell.query().equals(BenchRun.FLOOR)).toList();
	}

	/** {@code { __typename }} on every server that answers over HTTP. */
	private static String floors(List<Scale> scales) {
		List<Cell> cells = scales.stream()
			.flatMap(scale -> scale.cells().stream())
			.filter(cell -> cell.query().equals(BenchRun.FLOOR))
			.toList();
		if (cells.isEmpty()) {
			return "";
		}
		List<Server> servers = servers(cells);
		StringBuilder md = new StringBuilder("## The fixed cost of a request\n\n")
			.append("`{ __typename }` over HTTP, answered by each GraphQL server without reading the graph, and the ")
			.append("minimal HTTP server's answer of the same JSON without calling Neo4j: what no question can take ")
			.append("less than on that server (the in-process Cypher has no request to cost). Medians over the rounds, ")
			.append("interleaved as the questions are; ratios PolicyGraph over the peer, the median of each round's.\n\n");
		StringBuilder header = new StringBuilder("| scale | c | load |");
		StringBuilder rule = new StringBuilder("| ---: | ---: | --- |");
		for (Server server : servers) {
			header.append(' ').append(COLUMNS.get(server)).append(" /s |");
			rule.append(" ---: |");
		}
		for (Server server : servers) {
			header.append(' ').append(COLUMNS.get(server)).append(" p50 ms |");
			rule.append(" ---: |");
		}
		header.append(" ours/peer /s | p50 ours/peer |");
		rule.append(" ---: | ---: |");
		md.append(header).append('\n').append(rule).append('\n');
		for (Cell cell : cells) {
			md.append("| ").append(cell.scale()).append(" | ").append(cell.concurrency()).append(" | ");
			md.append(cell.loadAverage()).append(" |");
			for (Server server : servers) {
				md.append(' ').append(figure(cell, server, LoadGenerator.Result::throughput)).append(" |");
			}
			for (Server server : servers) {
				md.append(' ')
					.append(cell.has(server) ? ms(cell.median(server, LoadGenerator.Result::p50)) : "")
					.append(" |");
			}
			md.append(' ')
				.append(ratio(cell, Server.POLICYGRAPH, Server.PEER, LoadGenerator.Result::throughput))
				.append(" | ")
				.append(ratio(cell, Server.POLICYGRAPH, Server.PEER, LoadGenerator.Result::p50))
				.append(" |\n");
		}
		return md.append('\n').toString();
	}

	/**
	 * The targets, each met or missed from the medians above; PolicyGraph with
	 * its answer cache off is the headline, with it on alongside where it was measured.
	 */
	static String targets(List<Scale> scales) {
		boolean cached = scales.stream().anyMatch(scale -> servers(scale.cells()).contains(Server.POLICYGRAPH_CACHED));
		List<Target> lines = new ArrayList<>();
		for (Scale scale : scales) {
			int at = scale.load().scale();
			for (Cell cell : questions(scale)) {
				if (cell.concurrency() == 8) {
					lines.add(new Target("throughput ≥ 2× @neo4j/graphql at c=8", at, cell.query(),
							ours -> ratio(cell, ours, Server.PEER, LoadGenerator.Result::throughput, 2, true)));
				}
			}
			for (Cell cell : questions(scale)) {
				if (cell.concurrency() == 1) {
					lines.add(new Target("p50 within 1.5× hand-written Cypher over HTTP at c=1", at, cell.query(),
							ours -> ratio(cell, ours, Server.CYPHER_HTTP, LoadGenerator.Result::p50, 1.5, false)));
				}
			}
			for (Cell cell : scale.cells()) {
				if (cell.query().equals(BenchRun.FLOOR) && cell.concurrency() == 1) {
					lines.add(new Target("`{ __typename }` p50 no slower than @neo4j/graphql's at c=1", at,
							"`{ __typename }`",
							ours -> ratio(cell, ours, Server.PEER, LoadGenerator.Result::p50, 1, false)));
				}
				if (cell.query().equals(BenchRun.FLOOR) && cell.concurrency() == 8) {
					lines.add(new Target("`{ __typename }` throughput no lower than @neo4j/graphql's at c=8", at,
							"`{ __typename }`",
							ours -> ratio(cell, ours, Server.PEER, LoadGenerator.Result::throughput, 1, true)));
				}
			}
		}
		Scale smallest = scales.getFirst();
		Scale largest = scales.getLast();
		if (largest != smallest) {
			for (String query : List.of("pillar-kpis", "program-detail", "kpi-paths")) {
				Optional<Cell> small = find(smallest, query, 1);
				Optional<Cell> large = find(largest, query, 1);
				if (small.isPresent() && large.isPresent()) {
					lines.add(new Target(
							String.format(Locale.ROOT, "p95 at scale %d within 1.5× scale %d (c=1)",
									largest.load().scale(), smallest.load().scale()),
							largest.load().scale(), query, ours -> {
								if (!small.get().has(ours) || !large.get().has(ours)) {
									return "";
								}
								double ratio = large.get().median(ours, LoadGenerator.Result::p95)
										/ small.get().median(ours, LoadGenerator.Result::p95);
								return String.format(Locale.ROOT, "%.2f× | %s", ratio, verdict(ratio <= 1.5));
							}));
				}
			}
		}
		StringBuilder md = new StringBuilder("## Targets\n\n");
		md.append("Each from the medians and median ratios above, PolicyGraph with its answer cache off")
			.append(cached ? "; beside it, with the answer cache on" : "")
			.append(".\n\n");
		md.append("| target | scale | question | measured | |").append(cached ? " cache on | |" : "").append('\n');
		md.append("| --- | ---: | --- | ---: | --- |").append(cached ? " ---: | --- |" : "").append('\n');
		for (Target target : lines) {
			md.append("| ")
				.append(target.target())
				.append(" | ")
				.append(target.scale())
				.append(" | ")
				.append(target.question())
				.append(" | ")
				.append(blankIfEmpty(target.measured().apply(Server.POLICYGRAPH)))
				.append(" |");
			if (cached) {
				md.append(' ').append(blankIfEmpty(target.measured().apply(Server.POLICYGRAPH_CACHED))).append(" |");
			}
			md.append('\n');
		}
		return md.append('\n').toString();
	}

	/**
	 * A target's line: its measured ratio and verdict for PolicyGraph with the cache off
	 * or on.
	 */
	private record Target(String target, int scale, String question,
			java.util.function.Function<Server, String> measured) {
	}

	/**
	 * The median ratio of PolicyGraph's figure to the other's, and whether it is at least
	 * ({@code higherIsBetter}) or at most the limit, as {@code "1.23× | met"}; empty when
	 * either was not measured.
	 */
	private static String ratio(Cell cell, Server ours, Server other, ToDoubleFunction<LoadGenerator.Result> figure,
			double limit, boolean higherIsBetter) {
		if (!cell.has(ours) || !cell.has(other)) {
			return "";
		}
		double ratio = cell.ratio(ours, other, figure);
		return String.format(Locale.ROOT, "%.2f× | %s", ratio,
				verdict(higherIsBetter ? ratio >= limit : ratio <= limit));
	}

	private static String blankIfEmpty(String measured) {
		return measured.isEmpty() ? " |" : measured;
	}

	private static Optional<Cell> find(Scale scale, String query, int concurrency) {
		return scale.cells()
			.stream()
			.filter(cell -> cell.query().equals(query) && cell.concurrency() == concurrency)
			.findFirst();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "**missed**";
	}

}
