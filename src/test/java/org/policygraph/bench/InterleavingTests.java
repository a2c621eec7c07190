package org.policygraph.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.bench.BenchQuery.Server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * How the benchmark shares a cell's time among the servers and reduces its rounds to one
 * figure. Expected values worked out by hand.
 */
class InterleavingTests {

	private static final List<String> SERVERS = List.of("A", "B", "C", "D");

	@Test
	void eachRoundStartsOneServerFurtherOn() {
		assertThat(Interleaving.order(SERVERS, 0)).containsExactly("A", "B", "C", "D");
		assertThat(Interleaving.order(SERVERS, 1)).containsExactly("B", "C", "D", "A");
		assertThat(Interleaving.order(SERVERS, 2)).containsExactly("C", "D", "A", "B");
		assertThat(Interleaving.order(SERVERS, 3)).containsExactly("D", "A", "B", "C");
	}

	@Test
	void afterAsManyRoundsAsServersTheOrderComesBack() {
		assertThat(Interleaving.order(SERVERS, 4)).containsExactly("A", "B", "C", "D");
		assertThat(Interleaving.order(SERVERS, 6)).containsExactly("C", "D", "A", "B");
	}

	@Test
	void overAsManyRoundsAsServersEachServerTakesEverySlotOnce() {
		for (int slot = 0; slot < SERVERS.size(); slot++) {
			int at = slot;
			assertThat(List.of(0, 1, 2, 3).stream().map(round -> Interleaving.order(SERVERS, round).get(at)))
				.containsExactlyInAnyOrderElementsOf(SERVERS);
		}
	}

	@Test
	void aNegativeRoundIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Interleaving.order(SERVERS, -1))
			.withMessageContaining("round -1");
	}

	@Test
	void theMedianOfAnOddNumberOfValuesIsTheMiddleOne() {
		// sorted: 1, 3, 7, 9, 40 → 7
		assertThat(Interleaving.median(List.of(9.0, 1.0, 40.0, 3.0, 7.0))).isEqualTo(7.0);
		assertThat(Interleaving.median(List.of(2.5))).isEqualTo(2.5);
	}

	@Test
	void theMedianOfAnEvenNumberOfValuesIsTheMeanOfTheTwoMiddleOnes() {
		// sorted: 1, 3, 8, 40 → (3 + 8) / 2
		assertThat(Interleaving.median(List.of(40.0, 3.0, 1.0, 8.0))).isEqualTo(5.5);
	}

	@Test
	void thereIsNoMedianOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> Interleaving.median(List.of()));
	}

	@Test
	void aCellsRatioIsTheMedianOfEachRoundsRatioNotTheRatioOfTheMedians() {
		// throughput per round: PolicyGraph 100, 90, 120; peer 40, 60, 50
		// ratios per round 2.5, 1.5, 2.4 → median 2.4; the medians' ratio would be 100 /
		// 50 = 2.0
		Cell cell = cell(Map.of(Server.POLICYGRAPH, result(100, 5), Server.PEER, result(40, 20)),
				Map.of(Server.POLICYGRAPH, result(90, 6), Server.PEER, result(60, 12)),
				Map.of(Server.POLICYGRAPH, result(120, 4), Server.PEER, result(50, 16)));
		assertThat(cell.ratio(Server.POLICYGRAPH, Server.PEER, LoadGenerator.Result::throughput)).isCloseTo(2.4,
				within(1e-9));
		assertThat(cell.median(Server.POLICYGRAPH, LoadGenerator.Result::throughput)).isEqualTo(100.0);
		assertThat(cell.median(Server.PEER, LoadGenerator.Result::throughput)).isEqualTo(50.0);
		// p50 per round: 5 / 20 = 0.25, 6 / 12 = 0.5, 4 / 16 = 0.25 → median 0.25
		assertThat(cell.ratio(Server.POLICYGRAPH, Server.PEER, LoadGenerator.Result::p50)).isEqualTo(0.25);
		assertThat(cell.median(Server.PEER, LoadGenerator.Result::p50)).isEqualTo(16.0);
	}

	@Test
	void aCellKnowsWhichServersItMeasured() {
		Cell cell = cell(Map.of(Server.POLICYGRAPH, result(1, 1), Server.PEER, result(1, 1)));
		assertThat(cell.has(Server.PEER)).isTrue();
		assertThat(cell.has(Server.CYPHER_HTTP)).isFalse();
	}

	@SafeVarargs
	private static Cell cell(Map<Server, LoadGenerator.Result>... rounds) {
		return new Cell(1, "pillar-kpis", 8, "1.00 1.00 1.00", List.of(rounds),
				List.of(rounds).stream().map(round -> List.copyOf(round.keySet())).toList());
	}

	/** A slice's result with only throughput and p50 set. */
	private static LoadGenerator.Result result(double throughput, double p50) {
		return new LoadGenerator.Result(0, 1, throughput, p50, 0, 0, 0);
	}

}
