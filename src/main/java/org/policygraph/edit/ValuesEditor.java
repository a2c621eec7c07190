package org.policygraph.edit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.policygraph.edit.EditInputs.BudgetInput;
import org.policygraph.edit.EditInputs.ObservationInput;
import org.policygraph.edit.EditInputs.SourceInput;
import org.policygraph.errors.ErrorCode;
import org.policygraph.history.HistoryEntry;
import org.policygraph.history.Supersede;
import org.policygraph.history.Touch;
import org.policygraph.kpi.Kpi;
import org.policygraph.kpi.KpiStatuses;
import org.policygraph.kpi.Observation;
import org.policygraph.model.BudgetRow;
import org.policygraph.model.Catalogue;
import org.policygraph.model.Figure;
import org.policygraph.model.Figures;
import org.policygraph.model.FiscalYears;
import org.policygraph.model.ObservationRow;
import org.policygraph.model.Period;
import org.policygraph.model.RuleProblem;
import org.policygraph.model.Unit;
import org.policygraph.program.Budget;
import org.policygraph.program.Program;
import org.policygraph.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Budgets and observations: figures that change over time. A new figure for a year that
 * has one supersedes it; the earlier figure is kept ({@link Supersede}) for history and
 * as-of reads.
 */
@Service
class ValuesEditor {

	private static final String UNITS = "MATCH (u:Unit) RETURN u.key AS unit, u.baseUnit AS baseUnit, u.multiplier AS multiplier";

	/**
	 * Current observations of an indicator for the same fiscal year, kind and target
	 * type: the ones a new one corrects.
	 */
	private static final String SAME_YEAR = """
			MATCH (k:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation)
			WHERE o.kind = $kind AND o.periodKind = 'FISCAL_YEAR' AND o.fiscalYear = $fiscalYear
			  AND coalesce(o.targetType, '') = coalesce($targetType, '') AND o.key <> $key
			RETURN elementId(o) AS node, properties(o) AS before""";

	/**
	 * An observation whose key another takes over: it stops being current and is kept as
	 * it was.
	 */
	private static final String RETIRE_OBSERVATION = """
			MATCH (k:Kpi)-[has:HAS_OBSERVATION]->(o) WHERE elementId(o) = $node
			REMOVE o:Observation
			SET o:SupersededObservation, o.supersededAt = $at
			CREATE (k)-[:HAD_OBSERVATION]->(o)
			DELETE has
			WITH o
			MATCH (n:Observation {key: $key})
			CREATE (n)-[:SUPERSEDES]->(o)""";

	private static final String OWN = """
			MATCH (owner:%1$s {key: $owner}), (n) WHERE elementId(n) = $node
			MERGE (owner)-[r:%2$s]->(n)
			ON CREATE SET r.sourceId = $sourceId, r.section = $section""";

	/** The input field that holds each column of observations.csv a rule names. */
	private static final Map<String, String> OBSERVATION_FIELDS = Map.of("target_type", "input.targetType", "figure",
			"input.figure", "qualitative", "input.qualitative", "period", "input.fiscalYear", "text", "input.text");

	/** The input field that holds each column of budgets.csv a rule names. */
	private static final Map<String, String> BUDGET_FIELDS = Map.of("figure", "input.amount", "period",
			"input.fiscalYear");

	private final GraphEditor editor;

	ValuesEditor(GraphEditor editor) {
		this.editor = editor;
	}

	record BudgetResult(Program program, Budget budget, Budget superseded, boolean changed,
			HistoryEntry.Change change) {
	}

	BudgetResult setBudget(Actor actor, BudgetInput input, int fiscalYearNow) {
		InputProblems problems = new InputProblems();
		checkFiscalYear(input.fiscalYear(), fiscalYearNow, false, problems);
		problems.check();
		return this.editor.write(tx -> {
			GraphStore store = new GraphStore(tx);
			GraphEditor.checkSource(store, input.source(), problems);
			GraphStore.Found program = GraphEditor.requireLive(store, List.of("Program"), input.programId(),
					"input.programId", problems);
			Figure amount = blank(input.amount()) ? null : figure(store, input.amount(), "input.amount", problems);
			Period period = FiscalYears.fiscalYear(input.fiscalYear());
			broken(BudgetRow.check(period, blank(input.amount()) ? null : input.amount(), amount), BUDGET_FIELDS,
					problems);
			problems.check();
			Instant at = Instant.now();
			BudgetRow row = new BudgetRow(input.programId(), period, amount, input.source().sourceId(),
					input.source().section());
			String key = row.key();
			Map<String, Object> props = row.properties();
			GraphStore.Locked locked = store.lock("Budget", key);
			Budget superseded = null;
			List<Touch> touches = new ArrayList<>();
			if (!locked.isNew()) {
				if (sameFigure(locked.before(), props, "amountYen")) {
					return new BudgetResult((Program) this.editor.nodeRecord(store, program.node()),
							Budget.of(locked.before()), null, false, null);
				}
				superseded = Budget.of(locked.before());
			}
			Written written = write(store, "Budget", locked, props, at, "Program", "HAS_BUDGET", input.programId(),
					input.source());
			Map<String, Object> after = written.after();
			touches.add(written.touch());
			HistoryEntry.Change record = this.editor.record(tx, actor, "setBudget", input.source(), touches);
			return new BudgetResult((Program) this.editor.nodeRecord(store, program.node()), Budget.of(after),
					superseded, true, record);
		});
	}

	record ObservationResult(Kpi kpi, Observation observation, List<Observation> superseded, boolean changed,
			HistoryEntry.Change change) {
	}

	ObservationResult recordObservation(Actor actor, ObservationInput input, int fiscalYearNow) {
		InputProblems problems = new InputProblems();
		boolean actual = "ACTUAL".equals(input.kind());
		checkFiscalYear(input.fiscalYear(), fiscalYearNow, actual, problems);
		broken(ObservationRow.check(input.kind(), input.targetType(), !blank(input.figure()), input.qualitative()),
				OBSERVATION_FIELDS, problems);
		String text = EditValues.text(input.text(), "input.text", 2_000, problems);
		problems.check();
		return this.editor.write(tx -> {
			GraphStore store = new GraphStore(tx);
			GraphEditor.checkSource(store, input.source(), problems);
			GraphStore.Found kpi = GraphEditor.requireLive(store, List.of("Kpi"), input.kpiId(), "input.kpiId",
					problems);
			Figure figure = blank(input.figure()) ? null : figure(store, input.figure(), "input.figure", problems);
			if (kpi != null && figure != null) {
				checkUnit(store, input.kpiId(), figure, problems);
			}
			problems.check();
			Instant at = Instant.now();
			// the document's words, cleaned as on import; the figure (or what it says
			// instead) when there are none
			String words = (text != null) ? text : (figure != null) ? figure.text() : input.qualitative();
			ObservationRow observation = new ObservationRow(input.kpiId(), input.kind(), input.targetType(),
					FiscalYears.fiscalYear(input.fiscalYear()), figure, input.qualitative(), words,
					input.source().sourceId(), input.source().section());
			String key = observation.key();
			Map<String, Object> props = observation.properties();
			// SET n += {x: null} removes x: a field the new value does not have is not
			// left over from the old one
			GraphStore.Locked locked = store.lock("Observation", key);
			List<Touch> touches = new ArrayList<>();
			List<Observation> superseded = new ArrayList<>();
			if (!locked.isNew()) {
				Map<String, Object> comparable = new HashMap<>(locked.before());
				if (sameObservation(comparable, props)) {
					return new ObservationResult((Kpi) this.editor.nodeRecord(store, kpi.node()),
							Observation.of(locked.before()), List.of(), false, null);
				}
				superseded.add(Observation.of(locked.before()));
			}
			Written written = write(store, "Observation", locked, props, at, "Kpi", "HAS_OBSERVATION", input.kpiId(),
					input.source());
			Map<String, Object> after = written.after();
			touches.add(written.touch());
			for (Record row : store.run(SAME_YEAR, GraphStore.params("kpi", input.kpiId(), "kind", input.kind(),
					"fiscalYear", input.fiscalYear(), "targetType", input.targetType(), "key", key))) {
				Map<String, Object> before = row.get("before").asMap();
				superseded.add(Observation.of(before));
				store.run(RETIRE_OBSERVATION, GraphStore.params("node", row.get("node").asString(), "at",
						at.atZone(ZoneOffset.UTC), "key", key));
				Map<String, Object> kept = new HashMap<>(before);
				kept.put("supersededAt", at.atZone(ZoneOffset.UTC));
				touches.add(Touch.node(row.get("node").asString(), "SUPERSEDED", before, kept));
			}
			KpiStatuses.judge(tx, List.of(input.kpiId()));
			HistoryEntry.Change record = this.editor.record(tx, actor, "recordObservation", input.source(), touches);
			return new ObservationResult((Kpi) this.editor.nodeRecord(store, kpi.node()), Observation.of(after),
					superseded, true, record);
		});
	}

	/** A value node as written, and the change to it. */
	private record Written(Map<String, Object> after, Touch touch) {
	}

	/**
	 * Writes a budget or an observation over the locked node: a value it replaces is kept
	 * as a snapshot first; the node is stamped {@code recordedAt}, takes the properties
	 * and the source, and is owned by its program or KPI through the relationship type.
	 */
	private static Written write(GraphStore store, String label, GraphStore.Locked locked, Map<String, Object> props,
			Instant at, String ownerLabel, String ownership, String ownerId, SourceInput source) {
		if (!locked.isNew()) {
			Supersede.snapshot(store.tx(), label, List.of(Map.of("node", locked.node(), "before", locked.before())),
					at.atZone(ZoneOffset.UTC));
		}
		props.put("recordedAt", at.atZone(ZoneOffset.UTC));
		Map<String, Object> after = store.update(locked.node(), props, source.sourceId(), source.section());
		store.run(OWN.formatted(Catalogue.label(ownerLabel), Catalogue.relationshipType(ownership)), GraphStore.params(
				"owner", ownerId, "node", locked.node(), "sourceId", source.sourceId(), "section", source.section()));
		return new Written(after,
				Touch.node(locked.node(), locked.isNew() ? "CREATED" : "UPDATED", locked.before(), after));
	}

	/**
	 * The rules of a row the input breaks, at the fields that hold their columns: a
	 * missing value is REQUIRED, any other broken rule a BAD_VALUE (the import names the
	 * kind, e.g. BAD_FIGURE; the message is the same).
	 */
	private static void broken(List<RuleProblem> broken, Map<String, String> fields, InputProblems problems) {
		for (RuleProblem problem : broken) {
			problems.add((problem.kind() == RuleProblem.Kind.REQUIRED) ? ErrorCode.REQUIRED : ErrorCode.BAD_VALUE,
					fields.get(problem.column()), problem.message());
		}
	}

	/**
	 * The fields a caller sets, compared with what the node has (ignoring when and where
	 * it was recorded).
	 */
	private static boolean sameObservation(Map<String, Object> before, Map<String, Object> props) {
		for (Map.Entry<String, Object> field : props.entrySet()) {
			Object was = before.get(field.getKey());
			Object is = field.getValue();
			if (was instanceof Number a && is instanceof Number b) {
				if (a.doubleValue() != b.doubleValue()) {
					return false;
				}
			}
			else if (!java.util.Objects.equals(was, is)) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameFigure(Map<String, Object> before, Map<String, Object> props, String valueField) {
		return sameObservation(before, props) && before.get(valueField) != null;
	}

	/**
	 * Fiscal years from 平成元年度 (1989) to 30 years ahead; an actual not for a year that has
	 * not begun.
	 */
	static void checkFiscalYear(Integer fiscalYear, int fiscalYearNow, boolean actual, InputProblems problems) {
		if (fiscalYear == null) {
			problems.add(ErrorCode.REQUIRED, "input.fiscalYear", "the fiscal year is required");
		}
		else if (fiscalYear < 1989 || fiscalYear > fiscalYearNow + 30) {
			problems.add(ErrorCode.BAD_VALUE, "input.fiscalYear",
					fiscalYear + " is not a fiscal year of a plan (1989 to " + (fiscalYearNow + 30) + ")");
		}
		else if (actual && fiscalYear > fiscalYearNow) {
			problems.add(ErrorCode.BAD_VALUE, "input.fiscalYear", "an actual for fiscal year " + fiscalYear
					+ " cannot exist yet: the current fiscal year is " + fiscalYearNow);
		}
	}

	/**
	 * A figure given (not blank), read with the graph's units as the import reads it with
	 * units.csv.
	 */
	private static Figure figure(GraphStore store, String text, String field, InputProblems problems) {
		if (text.length() > 100) {
			problems.add(ErrorCode.BAD_VALUE, field, "a figure is at most 100 characters");
			return null;
		}
		Map<String, Unit> units = new HashMap<>();
		for (Record row : store.run(UNITS, Map.of())) {
			String unit = row.get("unit").asString();
			units.put(unit, new Unit(unit, row.get("baseUnit").asString(),
					new BigDecimal(row.get("multiplier").toString()), null, null));
		}
		try {
			return new Figures(units).parse(text);
		}
		catch (IllegalArgumentException ex) {
			RuleProblem refused = RuleProblem.figure(field, ex);
			problems.add(ErrorCode.BAD_VALUE, field, refused.message());
			return null;
		}
	}

	/**
	 * A figure must be in the indicator's kind of unit: a share in %, a count of people
	 * in 人 or 千人.
	 */
	private static void checkUnit(GraphStore store, String kpiId, Figure figure, InputProblems problems) {
		List<Record> rows = store.run("""
				MATCH (k:Kpi {key: $kpi}) OPTIONAL MATCH (u:Unit {key: k.unit})
				RETURN k.unit AS unit, u.baseUnit AS baseUnit""", Map.of("kpi", kpiId));
		if (rows.isEmpty() || rows.getFirst().get("baseUnit").isNull()) {
			return;
		}
		String baseUnit = rows.getFirst().get("baseUnit").asString();
		if (!baseUnit.equals(figure.baseUnit())) {
			problems.add(ErrorCode.BAD_VALUE, "input.figure",
					kpiId + " is measured in " + rows.getFirst().get("unit").asString() + " (" + baseUnit + "), but '"
							+ figure.text() + "' is in " + figure.baseUnit());
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
