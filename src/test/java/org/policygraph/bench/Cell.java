package org.policygraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.policygraph.bench.BenchQuery.Server;

/**
 * One question at one concurrency at one scale, measured in rounds: in each round every
 * server answered for a slice of time ({@link Interleaving}). A figure of the cell is the
 * median over its rounds; a ratio is the median of the ratios within each round, so the
 * two figures divided were measured at most a few slices apart.
 *
 * @param scale the scale
 * @param query the question's name, or {@link BenchRun#FLOOR}
 * @param concurrency the clients
 * @param loadAverage {@code /proc/loadavg}'s 1, 5 and 15 minute figures as the cell began
 * (empty where there is none)
 * @param rounds each round's result per server, in round order
 * @param orders each round's order of the servers' slices
 */
record Cell(int scale, String query, int concurrency, String loadAverage,
		List<Map<Server, LoadGenerator.Result>> rounds, List<List<Server>> orders) {

	boolean has(Server server) {
		return !this.rounds.isEmpty() && this.rounds.getFirst().containsKey(server);
	}

	/** The median over the rounds of a figure of the server's results. */
	double median(Server server, ToDoubleFunction<LoadGenerator.Result> figure) {
		List<Double> values = new ArrayList<>();
		for (Map<Server, LoadGenerator.Result> round : this.rounds) {
			values.add(figure.applyAsDouble(round.get(server)));
		}
		return Interleaving.median(values);
	}

	/**
	 * The median over the rounds of the ratio of a figure of one server to the same
	 * figure of the other in that round.
	 */
	double ratio(Server over, Server under, ToDoubleFunction<LoadGenerator.Result> figure) {
		List<Double> values = new ArrayList<>();
		for (Map<Server, LoadGenerator.Result> round : this.rounds) {
			values.add(figure.applyAsDouble(round.get(over)) / figure.applyAsDouble(round.get(under)));
		}
		return Interleaving.median(values);
	}

}
