package org.policygraph.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a cell's servers share its time: in round {@code r} the servers take their slices
 * in the order of the list turned left by {@code r}, so over the rounds each server comes
 * first, second and last alike and drift on the machine falls on all of them; a figure of
 * the cell is the median of its rounds' figures.
 */
final class Interleaving {

	private Interleaving() {
	}

	/**
	 * The order of the servers' slices in a round (counted from 0): the list turned left
	 * by the round.
	 */
	static <T> List<T> order(List<T> servers, int round) {
		if (round < 0) {
			throw new IllegalArgumentException("round " + round + ": rounds count from 0");
		}
		List<T> order = new ArrayList<>(servers.size());
		for (int i = 0; i < servers.size(); i++) {
			order.add(servers.get((i + round) % servers.size()));
		}
		return order;
	}

	/**
	 * The median: the middle value of an odd number of values, the mean of the two middle
	 * ones of an even number.
	 */
	static double median(Collection<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("the median of no values");
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
