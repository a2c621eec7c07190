package org.policygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.policygraph.bench.BenchQuery.Server;
import org.policygraph.bench.BenchRun.Checked;
import org.policygraph.bench.BenchRun.Measurement;

/**
 * Writes {@code RESULTS.md} (machine, versions, date, command, load times, answers
 * checked, the three servers side by side with their ratios, and the targets) and
 * {@code results.csv} (every measurement) from one run. The findings, written by hand
 * after profiling, come from {@code FINDINGS.md} beside them.
 */
final class Results {

	/** Where and how the run was made. */
	record Context(String date, String command, String machine, String versions, String settings) {
	}

	/** Everything measured at one scale. */
	record Scale(ScaleLoader.Load load, long nodes, long relationships, List<Checked> checked,
			List<Measurement> measurements) {
	}

	private final Path directory;

	Results(Path directory) {
		this.directory = directory;
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

	private static String csv(Context context, List<Scale> scales) {
		StringBuilder out = new StringBuilder(
				"date,scale,query,server,concurrency,requests,seconds,throughput_per_s,p50_ms,p95_ms,p99_ms,max_ms\n");
		for (Scale scale : scales) {
			for (Measurement m : scale.measurements()) {
				LoadGenerator.Result r = m.result();
				out.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%d,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f%n",
						context.date(), m.scale(), m.query(), m.server().name(), m.concurrency(), r.requests(),
						r.seconds(), r.throughput(), r.p50(), r.p95(), r.p99(), r.max()));
			}
		}
		return out.toString();
	}

	private String markdown(Context context, List<Scale> scales) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results\n\n");
		md.append(
				"PolicyGraph, `@neo4j/graphql` and hand-written Cypher answering the same seven questions over one Neo4j, ")
			.append("at the scales below. Written by `bench/run.sh` from one run; every figure is measured, none estimated. ")
			.append("Raw numbers: `results.csv`.\n\n");
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
		md.append(
				"\nBefore timing, at every scale, each question's answers from the three servers were compared as JSON ")
			.append("(numbers by value, object fields in any order, lists in order); all were equal.\n\n");
		for (Scale scale : scales) {
			md.append(table(scale));
		}
		md.append(floors(scales));
		md.append(targets(scales));
		return md.toString();
	}

	private static String table(Scale scale) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "## Scale %d (%,d nodes)%n%n", scale.load().scale(), scale.nodes()));
		md.append("Throughput in answers per second; latencies in ms as p50 / p95 / p99. ")
			.append("Ratios: PolicyGraph's throughput over the peer's and over hand-written Cypher's, and PolicyGraph's p50 ")
			.append("over hand-written Cypher's.\n\n");
		md.append("| question | c | PolicyGraph /s | @neo4j/graphql /s | Cypher /s | ours/peer | ours/raw | ")
			.append("PolicyGraph ms | @neo4j/graphql ms | Cypher ms | p50 ours/raw |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		Map<String, Map<Server, LoadGenerator.Result>> rows = new LinkedHashMap<>();
		for (Measurement m : questions(scale)) {
			rows.computeIfAbsent(m.query() + "|" + m.concurrency(), key -> new LinkedHashMap<>())
				.put(m.server(), m.result());
		}
		rows.forEach((key, byServer) -> {
			String[] parts = key.split("\\|");
			LoadGenerator.Result ours = byServer.get(Server.POLICYGRAPH);
			LoadGenerator.Result peer = byServer.get(Server.PEER);
			LoadGenerator.Result raw = byServer.get(Server.CYPHER);
			md.append(
					String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %s | %s | %s | %.2f |%n",
							parts[0], parts[1], ours.throughput(), peer.throughput(), raw.throughput(),
							ours.throughput() / peer.throughput(), ours.throughput() / raw.throughput(),
							latencies(ours), latencies(peer), latencies(raw), ours.p50() / raw.p50()));
		});
		return md.append('\n').toString();
	}

	private static String latencies(LoadGenerator.Result r) {
		return String.format(Locale.ROOT, "%s / %s / %s", ms(r.p50()), ms(r.p95()), ms(r.p99()));
	}

	private static String ms(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	/** The three targets, met or missed, from the figures above. */
	private static String targets(List<Scale> scales) {
		StringBuilder md = new StringBuilder("## Targets\n\n");
		List<String> lines = new ArrayList<>();
		for (Scale scale : scales) {
			for (String query : queries(scale)) {
				find(scale, query, Server.POLICYGRAPH, 8).ifPresent(ours -> find(scale, query, Server.PEER, 8)
					.ifPresent(peer -> lines.add(String.format(Locale.ROOT,
							"| throughput ≥ 2× @neo4j/graphql at c=8 | %d | %s | %.2f× | %s |", scale.load().scale(),
							query, ours.throughput() / peer.throughput(),
							verdict(ours.throughput() / peer.throughput() >= 2)))));
			}
			for (String query : queries(scale)) {
				find(scale, query, Server.POLICYGRAPH, 1).ifPresent(ours -> find(scale, query, Server.CYPHER, 1)
					.ifPresent(raw -> lines.add(String.format(Locale.ROOT,
							"| p50 within 1.5× hand-written Cypher at c=1 | %d | %s | %.2f× | %s |",
							scale.load().scale(), query, ours.p50() / raw.p50(),
							verdict(ours.p50() / raw.p50() <= 1.5)))));
			}
		}
		Scale smallest = scales.getFirst();
		Scale largest = scales.getLast();
		if (largest != smallest) {
			for (String query : List.of("pillar-kpis", "program-detail", "kpi-paths")) {
				find(smallest, query, Server.POLICYGRAPH, 1)
					.ifPresent(small -> find(largest, query, Server.POLICYGRAPH, 1)
						.ifPresent(large -> lines.add(String.format(Locale.ROOT,
								"| p95 at scale %d within 1.5× scale %d (c=1) | %d | %s | %.2f× | %s |",
								largest.load().scale(), smallest.load().scale(), largest.load().scale(), query,
								large.p95() / small.p95(), verdict(large.p95() / small.p95() <= 1.5)))));
			}
		}
		md.append("| target | scale | question | measured | |\n| --- | ---: | --- | ---: | --- |\n");
		lines.forEach(line -> md.append(line).append('\n'));
		return md.append('\n').toString();
	}

	private static List<String> queries(Scale scale) {
		return questions(scale).stream().map(Measurement::query).distinct().collect(Collectors.toList());
	}

	/** The measurements of the questions, without the floors. */
	private static List<Measurement> questions(Scale scale) {
		return scale.measurements().stream().filter(m -> !m.query().equals(BenchRun.FLOOR)).toList();
	}

	/**
	 * Each scale's floors beside the smallest question's hand-written p50, if the run
	 * measured them.
	 */
	private static String floors(List<Scale> scales) {
		StringBuilder md = new StringBuilder("## The fixed cost of a request\n\n").append(
				"`{ __typename }` over HTTP at concurrency 1, answered by each GraphQL server without reading the graph ")
			.append("(PolicyGraph still begins and commits the read transaction every request of queries gets): ")
			.append("what no question can take less than on that server. Beside it, the hand-written Cypher's p50 for ")
			.append("kpi-paths at c=1 (the smallest answer) and 1.5 times that, the most the p50 target allows.\n\n")
			.append("| scale | PolicyGraph p50 ms | @neo4j/graphql p50 ms | kpi-paths hand-written p50 ms | 1.5× that |\n")
			.append("| ---: | ---: | ---: | ---: | ---: |\n");
		boolean any = false;
		for (Scale scale : scales) {
			Optional<LoadGenerator.Result> ours = find(scale, BenchRun.FLOOR, Server.POLICYGRAPH, 1);
			Optional<LoadGenerator.Result> peer = find(scale, BenchRun.FLOOR, Server.PEER, 1);
			Optional<LoadGenerator.Result> raw = find(scale, "kpi-paths", Server.CYPHER, 1);
			if (ours.isPresent() && peer.isPresent()) {
				any = true;
				md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", scale.load().scale(),
						ms(ours.get().p50()), ms(peer.get().p50()), raw.map(r -> ms(r.p50())).orElse(""),
						raw.map(r -> ms(1.5 * r.p50())).orElse("")));
			}
		}
		return any ? md.append('\n').toString() : "";
	}

	private static Optional<LoadGenerator.Result> find(Scale scale, String query, Server server, int concurrency) {
		return scale.measurements()
			.stream()
			.filter(m -> m.query().equals(query) && m.server() == server && m.concurrency() == concurrency)
			.map(Measurement::result)
			.findFirst();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "**missed**";
	}

}
