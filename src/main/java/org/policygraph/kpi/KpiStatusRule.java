package org.policygraph.kpi;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that says whether an indicator is on track (達成状況), judged from its
 * observations alone, as of its latest actual (never today's date: the documents stop
 * where they stop). docs/KPI_STATUS.md states it in words; every branch has a test in
 * {@code KpiStatusRuleTests}.
 * <ol>
 * <li>No ACTUAL with a value → {@link KpiStatus#NO_DATA}.</li>
 * <li>The targets that can be judged: TARGETs with a value (a plain figure; an AT_LEAST
 * bound, met when reached; a BELOW bound, met only when passed), and INCREASE targets,
 * which become the latest numeric baseline of a year up to the target's, met only when
 * passed. None (all qualitative, or no target at all) →
 * {@link KpiStatus#QUALITATIVE}.</li>
 * <li>The actual judged is the latest numeric one (by the last fiscal year of its
 * period); the target it is judged against is the numeric target ending nearest at or
 * after that year, else the latest one.</li>
 * <li>Met (≥ for HIGHER_IS_BETTER, ≤ for LOWER_IS_BETTER) → {@link KpiStatus#ACHIEVED}.
 * Not met: if the target's last year is after the actual's year and the actual is at or
 * ahead of the straight line from the baseline (the latest numeric baseline up to the
 * actual's year, else the earliest actual) to the target at the actual's year →
 * {@link KpiStatus#ON_TRACK}, else {@link KpiStatus#OFF_TRACK}.</li>
 * <li>A CUMULATIVE target over a range compares the running total (the latest actual in
 * the range marked cumulative, plus the annual actuals after it; without one, the sum of
 * the annual actuals in the range) with the target, and with the target pro rata for the
 * years of the range elapsed.</li>
 * </ol>
 * Values are in base units, so figures written in different units (万人, 千人) compare
 * directly.
 */
public final class KpiStatusRule {

	private static final Comparator<Observation> BY_PERIOD = Comparator
		.comparing(KpiStatusRule::endYear, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Observation::month, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Observation::fiscalYear, Comparator.nullsFirst(Comparator.naturalOrder()));

	private KpiStatusRule() {
	}

	public static KpiStatus statusOf(String direction, Collection<Observation> observations) {
		return judge(direction, observations).status();
	}

	/** The status and the facts it was decided on. */
	public record Judgement(KpiStatus status, StatusReason reason) {
	}

	public static Judgement judge(String direction, Collection<Observation> observations) {
		boolean lowerIsBetter = "LOWER_IS_BETTER".equals(direction);
		StatusReasons why = new StatusReasons(directionOf(direction));
		List<Observation> actuals = numeric(observations, "ACTUAL");
		if (actuals.isEmpty()) {
			return why.noData(observations.stream().anyMatch(o -> "ACTUAL".equals(o.kind())));
		}
		Observation latest = actuals.stream().max(BY_PERIOD).orElseThrow();
		List<Target> targets = targets(observations);
		if (targets.isEmpty()) {
			return why.qualitative(latest, observations.stream().anyMatch(o -> "TARGET".equals(o.kind())));
		}
		Integer year = endYear(latest);
		Target target = applicableTarget(targets, year);
		if (target.cumulative() && year != null) {
			return cumulative(why, target, latest, actuals, year, lowerIsBetter);
		}
		double actual = latest.value();
		if (target.met(actual, lowerIsBetter)) {
			return why.met(latest, target, lowerIsBetter);
		}
		if (year == null || target.endYear() == null) {
			// the line cannot be drawn without years: only meeting counts
			return why.unmetWithoutLine(latest, target);
		}
		if (year >= target.endYear()) {
			return why.unmetInTargetYear(latest, target);
		}
		Observation start = lineStart(observations, actuals, year);
		double expected = expectedOnLine(endYear(start), start.value(), target.endYear(), target.value(), year);
		return why.againstLine(latest, target, start, expected, ahead(actual, expected, lowerIsBetter), lowerIsBetter);
	}

	/** HIGHER_IS_BETTER unless LOWER_IS_BETTER, as the rule reads a direction. */
	static String directionOf(String direction) {
		return "LOWER_IS_BETTER".equals(direction) ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER";
	}

	/**
	 * A target as a number: its value, its last year, whether it must be passed, and a
	 * cumulative range.
	 */
	record Target(Integer fromYear, Integer endYear, double value, boolean strict, boolean cumulative,
			Observation observation) {

		boolean met(double actual, boolean lowerIsBetter) {
			if (this.strict) {
				return lowerIsBetter ? actual < this.value : actual > this.value;
			}
			return ahead(actual, this.value, lowerIsBetter);
		}

	}

	private static List<Target> targets(Collection<Observation> observations) {
		List<Observation> baselines = numeric(observations, "BASELINE");
		return observations.stream()
			.filter(o -> "TARGET".equals(o.kind()))
			.map(o -> target(o, baselines))
			.flatMap(Optional::stream)
			.toList();
	}

	private static Optional<Target> target(Observation o, List<Observation> baselines) {
		Integer end = endYear(o);
		if ("INCREASE".equals(o.qualitative())) {
			// 基準年度比増加: the baseline it refers to, passed
			return baselines.stream()
				.filter(b -> endYear(b) != null && (end == null || endYear(b) <= end))
				.max(BY_PERIOD)
				.map(b -> new Target(o.fiscalYear(), end, b.value(), true, false, o));
		}
		if (o.value() == null) {
			return Optional.empty(); // NOT_SET, PENDING, NOT_MEASURED, MILESTONE
		}
		// a running total needs a range of years (H27～31); a cumulative figure by a
		// deadline is compared as it is
		boolean cumulative = "CUMULATIVE".equals(o.targetType()) && o.fiscalYear() != null && o.fiscalYearTo() != null;
		return Optional.of(new Target(o.fiscalYear(), end, o.value(), "BELOW".equals(o.qualitative()), cumulative, o));
	}

	/**
	 * The dated target ending nearest at or after the year, else the latest dated one;
	 * undated ones last.
	 */
	private static Target applicableTarget(List<Target> targets, Integer year) {
		Comparator<Target> byEnd = Comparator.comparing(Target::endYear)
			.thenComparing(Target::fromYear, Comparator.nullsFirst(Comparator.naturalOrder()));
		List<Target> dated = targets.stream().filter(t -> t.endYear() != null).toList();
		if (dated.isEmpty()) {
			return targets.getFirst();
		}
		if (year != null) {
			Optional<Target> ahead = dated.stream()
				.filter(t -> t.endYear() >= year)
				.min(Comparator.comparing(Target::endYear)
					.thenComparing(Target::fromYear, Comparator.nullsLast(Comparator.reverseOrder())));
			if (ahead.isPresent()) {
				return ahead.get();
			}
		}
		return dated.stream().max(byEnd).orElseThrow();
	}

	private static Judgement cumulative(StatusReasons why, Target target, Observation latest, List<Observation> actuals,
			Integer year, boolean lowerIsBetter) {
		int from = target.fromYear();
		int to = target.endYear();
		List<Observation> inRange = actuals.stream()
			.filter(a -> endYear(a) != null && endYear(a) >= from && endYear(a) <= to)
			.sorted(BY_PERIOD)
			.toList();
		Optional<Observation> runningTotal = inRange.stream().filter(Observation::cumulative).max(BY_PERIOD);
		double total = runningTotal.map(Observation::value).orElse(0.0) + inRange.stream()
			.filter(a -> !a.cumulative())
			.filter(a -> runningTotal.isEmpty() || BY_PERIOD.compare(a, runningTotal.get()) > 0)
			.mapToDouble(Observation::value)
			.sum();
		int years = to - from + 1;
		int elapsed = Math.clamp((long) year - from + 1, 0, years);
		double due = target.value() * elapsed / years;
		boolean rangeOver = year >= to;
		KpiStatus status;
		if (lowerIsBetter) {
			if (rangeOver) {
				status = (total <= target.value()) ? KpiStatus.ACHIEVED : KpiStatus.OFF_TRACK;
			}
			else {
				status = (total <= due) ? KpiStatus.ON_TRACK : KpiStatus.OFF_TRACK;
			}
		}
		else if (total >= target.value()) {
			status = KpiStatus.ACHIEVED;
		}
		else {
			status = (!rangeOver && total >= due) ? KpiStatus.ON_TRACK : KpiStatus.OFF_TRACK;
		}
		return why.cumulative(status, latest, target, total, due, elapsed, years, rangeOver, lowerIsBetter);
	}

	/**
	 * The latest dated numeric baseline up to the year, else the earliest dated actual.
	 */
	private static Observation lineStart(Collection<Observation> observations, List<Observation> actuals, int year) {
		return numeric(observations, "BASELINE").stream()
			.filter(b -> endYear(b) != null && endYear(b) <= year)
			.max(BY_PERIOD)
			.orElseGet(() -> actuals.stream().filter(a -> endYear(a) != null).min(BY_PERIOD).orElseThrow());
	}

	private static double expectedOnLine(int startYear, double startValue, int targetYear, double targetValue,
			int year) {
		if (targetYear <= startYear) {
			return targetValue;
		}
		return startValue + (targetValue - startValue) * (year - startYear) / (targetYear - startYear);
	}

	private static boolean ahead(double actual, double reference, boolean lowerIsBetter) {
		return lowerIsBetter ? actual <= reference : actual >= reference;
	}

	private static List<Observation> numeric(Collection<Observation> observations, String kind) {
		return observations.stream().filter(o -> kind.equals(o.kind()) && o.value() != null).toList();
	}

	/** The fiscal year a period ends in: the last of a range, else its only year. */
	private static Integer endYear(Observation o) {
		return (o.fiscalYearTo() != null) ? o.fiscalYearTo() : o.fiscalYear();
	}

}
