package org.policygraph.kpi;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.policygraph.kpi.KpiStatusRule.Judgement;
import org.policygraph.kpi.KpiStatusRule.Target;
import org.policygraph.kpi.StatusReason.StatusFigure;

/**
 * Writes each branch of {@link KpiStatusRule} as its {@link StatusReason}: the sentence
 * in Japanese and English and the figures it names. Figures are quoted as the document
 * writes them; computed values (the point on the line, a running total) in base units.
 */
final class StatusReasons {

	private final String direction;

	StatusReasons(String direction) {
		this.direction = direction;
	}

	Judgement noData(boolean actualsWithoutFigure) {
		return judgement(KpiStatus.NO_DATA,
				actualsWithoutFigure ? "実績値が数値で示されていない（－・調査中など）ため、判定できない（実績なし）。" : "実績値がまだないため、判定できない（実績なし）。",
				actualsWithoutFigure
						? "No actual is given as a figure (only －, pending and the like), so there is nothing to judge (no data)."
						: "There is no actual yet, so there is nothing to judge (no data).",
				null, null, null, null, null);
	}

	Judgement qualitative(Observation latest, boolean anyTarget) {
		String ja = anyTarget ? "%2$sの実績 %1$s はあるが、目標値が数値で示されていない（単年度目標設定なし・公表予定・文章の目標、基準値のない増加目標）ため、数値では判定できない（定性目標）。"
				: "%2$sの実績 %1$s はあるが、目標値が示されていないため、数値では判定できない（定性目標）。";
		String en = anyTarget
				? "There is an actual, %s (%s), but no target is given as a figure (not set, to be published, stated in words, or an increase without a baseline), so it cannot be judged as a number (qualitative)."
				: "There is an actual, %s (%s), but no target, so it cannot be judged as a number (qualitative).";
		return judgement(KpiStatus.QUALITATIVE, ja.formatted(figure(latest), periodJa(latest)),
				en.formatted(figure(latest), periodEn(latest)), latest, null, null, null, null);
	}

	Judgement met(Observation latest, Target target, boolean lowerIsBetter) {
		String ja = "%1$sの実績 %2$s は%4$sの目標 %3$s %5$sため達成。".formatted(periodJa(latest), figure(latest), targetJa(target),
				periodJa(target.observation()),
				target.strict() ? (lowerIsBetter ? "を下回る" : "を上回る") : (lowerIsBetter ? "以下の" : "以上の"));
		String en = "The %s actual %s meets the target %s (%s): %s %s %s, so achieved.".formatted(periodEn(latest),
				figure(latest), targetEn(target), periodEn(target.observation()), figure(latest),
				target.strict() ? (lowerIsBetter ? "<" : ">") : (lowerIsBetter ? "≤" : "≥"), number(target.value()));
		return judgement(KpiStatus.ACHIEVED, ja, en, latest, target, null, null, null);
	}

	Judgement unmetInTargetYear(Observation latest, Target target) {
		String ja = "%1$sの実績 %2$s は%4$sの目標 %3$s に届かず、目標年度に達しているため遅れ。".formatted(periodJa(latest), figure(latest),
				targetJa(target), periodJa(target.observation()));
		String en = "The %s actual %s misses the target %s (%s) and the target year has come, so off track."
			.formatted(periodEn(latest), figure(latest), targetEn(target), periodEn(target.observation()));
		return judgement(KpiStatus.OFF_TRACK, ja, en, latest, target, null, null, null);
	}

	Judgement unmetWithoutLine(Observation latest, Target target) {
		String ja = "%1$sの実績 %2$s は%4$sの目標 %3$s に届かない。年度がなく目標への線を引けないため、目標を満たすかだけで判定し遅れ。".formatted(periodJa(latest),
				figure(latest), targetJa(target), periodJa(target.observation()));
		String en = "The %s actual %s misses the target %s (%s); without years no line to the target can be drawn, so only meeting it counts: off track."
			.formatted(periodEn(latest), figure(latest), targetEn(target), periodEn(target.observation()));
		return judgement(KpiStatus.OFF_TRACK, ja, en, latest, target, null, null, null);
	}

	Judgement againstLine(Observation latest, Target target, Observation start, double expected, boolean ahead,
			boolean lowerIsBetter) {
		int year = (latest.fiscalYearTo() != null) ? latest.fiscalYearTo() : latest.fiscalYear();
		String startJa = "BASELINE".equals(start.kind()) ? "基準値" : "最初の実績";
		String startEn = "BASELINE".equals(start.kind()) ? "baseline" : "earliest actual";
		String line = "%3$sの%1$s %2$s から%5$sの目標 %4$s への直線上の%6$d年度の値 %7$s".formatted(startJa, figure(start),
				periodJa(start), targetJa(target), periodJa(target.observation()), year, number(expected));
		String ja = "%sの実績 %s は目標に届かず、%s %sため%s。".formatted(periodJa(latest), figure(latest), line,
				ahead ? (lowerIsBetter ? "以下の" : "以上の") : (lowerIsBetter ? "を上回る" : "を下回る"), ahead ? "順調" : "遅れ");
		String en = "The %s actual %s misses the target %s (%s) and %s %s, the FY%d point on the line from the %s %s (%s), so %s."
			.formatted(periodEn(latest), figure(latest), targetEn(target), periodEn(target.observation()),
					ahead ? "is at or ahead of" : "is behind", number(expected), year, startEn, figure(start),
					periodEn(start), ahead ? "on track" : "off track");
		return judgement(ahead ? KpiStatus.ON_TRACK : KpiStatus.OFF_TRACK, ja, en, latest, target, start, expected,
				null);
	}

	Judgement cumulative(KpiStatus status, Observation latest, Target target, double total, double due, int elapsed,
			int years, boolean rangeOver, boolean lowerIsBetter) {
		String totalJa = "%4$sまでの%1$s～%2$s年度の累計 %3$s ".formatted(target.fromYear(), target.endYear(), number(total),
				periodJa(latest));
		String totalEn = "The running total %s for FY%s–%s (to %s)".formatted(number(total), target.fromYear(),
				target.endYear(), periodEn(latest));
		String dueJa = "経過した%d/%d年分の%s %s".formatted(elapsed, years, lowerIsBetter ? "上限" : "目標", number(due));
		String dueEn = "%s pro rata for %d of %d years, %s".formatted(lowerIsBetter ? "the ceiling" : "the target",
				elapsed, years, number(due));
		String goal = targetJa(target);
		String ja;
		String en;
		if (lowerIsBetter && rangeOver) {
			boolean met = status == KpiStatus.ACHIEVED;
			ja = "%sは上限 %s %sため%s。".formatted(totalJa, goal, met ? "以下の" : "を超えた", met ? "達成" : "遅れ");
			en = "%s is %s the ceiling %s at the end of the range, so %s.".formatted(totalEn, met ? "within" : "over",
					targetEn(target), met ? "achieved" : "off track");
		}
		else if (lowerIsBetter) {
			boolean ahead = status == KpiStatus.ON_TRACK;
			ja = "%sは%s %sため%s。".formatted(totalJa, dueJa, ahead ? "以下の" : "を超えた", ahead ? "順調" : "遅れ");
			en = "%s is %s %s, so %s.".formatted(totalEn, ahead ? "within" : "over", dueEn,
					ahead ? "on track" : "off track");
		}
		else if (status == KpiStatus.ACHIEVED) {
			ja = "%sは目標 %s 以上のため達成。".formatted(totalJa, goal);
			en = "%s reaches the target %s, so achieved.".formatted(totalEn, targetEn(target));
		}
		else if (rangeOver) {
			ja = "%sは期間を終えて目標 %s に届かないため遅れ。".formatted(totalJa, goal);
			en = "%s misses the target %s and the range has ended, so off track.".formatted(totalEn, targetEn(target));
		}
		else {
			boolean ahead = status == KpiStatus.ON_TRACK;
			ja = "%sは目標 %s に届かないが、%s %sため%s。".formatted(totalJa, goal, dueJa, ahead ? "以上の" : "にも届かない",
					ahead ? "順調" : "遅れ");
			en = "%s has not reached the target %s and is %s %s, so %s.".formatted(totalEn, targetEn(target),
					ahead ? "at or ahead of" : "behind", dueEn, ahead ? "on track" : "off track");
		}
		return judgement(status, ja, en, latest, target, null, due, total);
	}

	private Judgement judgement(KpiStatus status, String ja, String en, Observation actual, Target target,
			Observation start, Double expected, Double total) {
		StatusFigure targetFigure = null;
		if (target != null) {
			Observation o = target.observation();
			// an increase target's figure is the baseline it must pass
			targetFigure = new StatusFigure(o.kind(), o.fiscalYear(), o.fiscalYearTo(), o.periodText(), target.value(),
					(o.valueText() != null) ? o.valueText() : o.text());
		}
		return new Judgement(status, new StatusReason(ja, en, this.direction, StatusFigure.of(actual), targetFigure,
				StatusFigure.of(start), expected, total));
	}

	/** A figure as the document writes it, else its value in base units. */
	private static String figure(Observation o) {
		if (o.valueText() != null) {
			return o.valueText();
		}
		return (o.value() != null) ? number(o.value()) : o.text();
	}

	private static String targetJa(Target target) {
		Observation o = target.observation();
		if ("INCREASE".equals(o.qualitative())) {
			return "%s（基準値 %s）".formatted(label(o), number(target.value()));
		}
		return figure(o);
	}

	private static String targetEn(Target target) {
		Observation o = target.observation();
		if ("INCREASE".equals(o.qualitative())) {
			return "%s (baseline %s)".formatted(label(o), number(target.value()));
		}
		return figure(o);
	}

	private static String label(Observation o) {
		return (o.valueText() != null) ? o.valueText() : (o.text() != null) ? o.text() : "増加";
	}

	/** The period as the document writes it, with the fiscal year: H28（2016年度）. */
	private static String periodJa(Observation o) {
		String years = years(o, "年度", "～");
		if (o.periodText() == null) {
			return (years != null) ? years : "年度なし";
		}
		return (years != null) ? o.periodText() + "（" + years + "）" : o.periodText();
	}

	private static String periodEn(Observation o) {
		String years = years(o, "", "–");
		return (years != null) ? "FY" + years : "no year";
	}

	private static String years(Observation o, String suffix, String dash) {
		if (o.fiscalYear() == null) {
			return null;
		}
		if (o.fiscalYearTo() != null && !o.fiscalYearTo().equals(o.fiscalYear())) {
			return o.fiscalYear() + dash + o.fiscalYearTo() + suffix;
		}
		return o.fiscalYear() + suffix;
	}

	/** A computed value: grouped, at most two decimals (46.5, 666.2, 1,800,000). */
	static String number(double value) {
		return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

}
