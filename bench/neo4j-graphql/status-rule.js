// The KPI status rule of docs/KPI_STATUS.md, as PolicyGraph's KpiStatusRule states it in Java, for the
// @customResolver of Kpi.status: a user of @neo4j/graphql writes such a rule in JavaScript. The benchmark
// checks that both give the same status for every KPI it asks about.

const endYear = (o) => o.fiscalYearTo ?? o.fiscalYear ?? null;

const nullsFirst = (a, b) => (a === b ? 0 : a === null || a === undefined ? -1 : b === null || b === undefined ? 1 : a < b ? -1 : 1);

const byPeriod = (a, b) => nullsFirst(endYear(a), endYear(b)) || nullsFirst(a.month ?? null, b.month ?? null)
  || nullsFirst(a.fiscalYear ?? null, b.fiscalYear ?? null);

const maxBy = (list, compare) => list.reduce((best, o) => (best === undefined || compare(o, best) > 0 ? o : best), undefined);

const numeric = (observations, kind) => observations.filter((o) => o.kind === kind && o.value !== null && o.value !== undefined);

const ahead = (actual, reference, lowerIsBetter) => (lowerIsBetter ? actual <= reference : actual >= reference);

function targets(observations) {
  const baselines = numeric(observations, "BASELINE");
  const result = [];
  for (const o of observations.filter((x) => x.kind === "TARGET")) {
    const end = endYear(o);
    if (o.qualitative === "INCREASE") {
      const base = maxBy(baselines.filter((b) => endYear(b) !== null && (end === null || endYear(b) <= end)), byPeriod);
      if (base) result.push({ fromYear: o.fiscalYear ?? null, endYear: end, value: base.value, strict: true, cumulative: false });
      continue;
    }
    if (o.value === null || o.value === undefined) continue;
    const cumulative = o.targetType === "CUMULATIVE" && o.fiscalYear != null && o.fiscalYearTo != null;
    result.push({ fromYear: o.fiscalYear ?? null, endYear: end, value: o.value, strict: o.qualitative === "BELOW", cumulative });
  }
  return result;
}

function met(target, actual, lowerIsBetter) {
  if (target.strict) return lowerIsBetter ? actual < target.value : actual > target.value;
  return ahead(actual, target.value, lowerIsBetter);
}

function applicableTarget(all, year) {
  const dated = all.filter((t) => t.endYear !== null);
  if (dated.length === 0) return all[0];
  if (year !== null) {
    // nearest end at or after the year; among equal ends, the later start (nulls last)
    const candidates = dated.filter((t) => t.endYear >= year);
    if (candidates.length > 0) {
      return candidates.reduce((best, t) => {
        if (t.endYear !== best.endYear) return t.endYear < best.endYear ? t : best;
        if (t.fromYear === best.fromYear) return best;
        if (best.fromYear === null) return t;
        if (t.fromYear === null) return best;
        return t.fromYear > best.fromYear ? t : best;
      });
    }
  }
  return maxBy(dated, (a, b) => a.endYear - b.endYear || nullsFirst(a.fromYear, b.fromYear));
}

function cumulativeStatus(target, actuals, year, lowerIsBetter) {
  const from = target.fromYear;
  const to = target.endYear;
  const inRange = actuals.filter((a) => endYear(a) !== null && endYear(a) >= from && endYear(a) <= to).sort(byPeriod);
  const runningTotal = maxBy(inRange.filter((a) => a.cumulative), byPeriod);
  const total = (runningTotal ? runningTotal.value : 0) + inRange
    .filter((a) => !a.cumulative)
    .filter((a) => !runningTotal || byPeriod(a, runningTotal) > 0)
    .reduce((sum, a) => sum + a.value, 0);
  const years = to - from + 1;
  const elapsed = Math.min(Math.max(year - from + 1, 0), years);
  const due = (target.value * elapsed) / years;
  const rangeOver = year >= to;
  if (lowerIsBetter) {
    if (rangeOver) return total <= target.value ? "ACHIEVED" : "OFF_TRACK";
    return total <= due ? "ON_TRACK" : "OFF_TRACK";
  }
  if (total >= target.value) return "ACHIEVED";
  return !rangeOver && total >= due ? "ON_TRACK" : "OFF_TRACK";
}

export function statusOf(direction, observations) {
  const lowerIsBetter = direction === "LOWER_IS_BETTER";
  const actuals = numeric(observations, "ACTUAL");
  if (actuals.length === 0) return "NO_DATA";
  const all = targets(observations);
  if (all.length === 0) return "QUALITATIVE";
  const latest = maxBy(actuals, byPeriod);
  const year = endYear(latest);
  const target = applicableTarget(all, year);
  if (target.cumulative && year !== null) return cumulativeStatus(target, actuals, year, lowerIsBetter);
  const actual = latest.value;
  if (met(target, actual, lowerIsBetter)) return "ACHIEVED";
  if (year === null || target.endYear === null || year >= target.endYear) return "OFF_TRACK";
  const start = maxBy(numeric(observations, "BASELINE").filter((b) => endYear(b) !== null && endYear(b) <= year), byPeriod)
    ?? actuals.filter((a) => endYear(a) !== null).reduce((min, a) => (min === undefined || byPeriod(a, min) < 0 ? a : min), undefined);
  const startYear = endYear(start);
  const expected = target.endYear <= startYear ? target.value
    : start.value + ((target.value - start.value) * (year - startYear)) / (target.endYear - startYear);
  return ahead(actual, expected, lowerIsBetter) ? "ON_TRACK" : "OFF_TRACK";
}
