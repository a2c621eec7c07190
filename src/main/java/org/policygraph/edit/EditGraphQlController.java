package org.policygraph.edit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.edit.EditInputs.BudgetInput;
import org.policygraph.edit.EditInputs.KpiInput;
import org.policygraph.edit.EditInputs.LinkInput;
import org.policygraph.edit.EditInputs.MeasureInput;
import org.policygraph.edit.EditInputs.ObservationInput;
import org.policygraph.edit.EditInputs.OrganizationInput;
import org.policygraph.edit.EditInputs.PartnerBodyInput;
import org.policygraph.edit.EditInputs.PillarInput;
import org.policygraph.edit.EditInputs.PlanInput;
import org.policygraph.edit.EditInputs.ProgramInput;
import org.policygraph.edit.EditInputs.RetireInput;
import org.policygraph.edit.EditInputs.SourceInput;
import org.policygraph.edit.EditInputs.UnlinkInput;
import org.policygraph.errors.ErrorCode;
import org.policygraph.graph.Hierarchies;
import org.policygraph.history.HistoryEntry;
import org.policygraph.model.FiscalYears;
import org.policygraph.model.OrganizationKind;
import org.policygraph.model.Period;
import org.policygraph.security.Actor;
import org.policygraph.security.Editors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The mutations. Each checks the editor first, then the input's own fields, then hands
 * one change to {@link GraphEditor} or {@link ValuesEditor}, which check it against the
 * graph and write it in one transaction.
 */
@Controller
class EditGraphQlController {

	private static final int NAME = 300;

	private static final int LONG_TEXT = 20_000;

	private final Editors editors;

	private final GraphEditor editor;

	private final ValuesEditor values;

	private final Clock clock;

	EditGraphQlController(Editors editors, GraphEditor editor, ValuesEditor values, Clock clock) {
		this.editors = editors;
		this.editor = editor;
		this.values = values;
		this.clock = clock;
	}

	record UpsertPayload(Object node, boolean created, boolean changed, HistoryEntry.Change change) {

		static UpsertPayload of(GraphEditor.UpsertResult result) {
			return new UpsertPayload(result.node(), result.created(), result.changed(), result.change());
		}

	}

	record LinkPayload(Object from, Object to, boolean changed, HistoryEntry.Change change) {

		static LinkPayload of(GraphEditor.LinkResult result) {
			return new LinkPayload(result.from(), result.to(), result.changed(), result.change());
		}

	}

	@MutationMapping
	UpsertPayload upsertPlan(@Argument PlanInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("plans", input.name(), input.nameEn(), problems);
		put(props, "kind", input.kind());
		if (input.period() != null) {
			try {
				// all of the period's properties, absent ones too: a new period leaves
				// nothing of the old one behind
				props.putAll(FiscalYears.parse(input.period()).properties("fiscalYearFrom", "fiscalYearTo"));
			}
			catch (IllegalArgumentException ex) {
				problems.add(ErrorCode.BAD_VALUE, "input.period", ex.getMessage());
			}
		}
		problems.check();
		// a new plan without a period is a row with a blank period cell
		return UpsertPayload
			.of(this.editor.upsert(actor, "upsertPlan",
					new GraphEditor.NodeChange("Plan", input.id(), props, EditValues.requiredToCreate("plans"),
							List.of(), List.of(), Period.none().properties("fiscalYearFrom", "fiscalYearTo")),
					input.source()));
	}

	@MutationMapping
	UpsertPayload upsertPillar(@Argument PillarInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("pillars", input.name(), input.nameEn(), problems);
		EditValues.positive(input.ordinal(), "input.ordinal", problems);
		put(props, "ordinal", input.ordinal());
		put(props, "label", EditValues.cell("pillars", "label", input.label(), "input.label", 20, problems));
		put(props, "goal", EditValues.cell("pillars", "goal", input.goal(), "input.goal", LONG_TEXT, problems));
		List<GraphEditor.Link> links = new ArrayList<>();
		if (input.planId() != null) {
			EditValues.id(input.planId(), "input.planId", problems);
			Map<String, Object> linkProps = new LinkedHashMap<>();
			put(linkProps, "ordinal", input.ordinal());
			links.add(
					new GraphEditor.Link("HAS_PILLAR", "Plan", input.planId(), "input.planId", false, true, linkProps));
		}
		problems.check();
		List<String> required = requiredToCreate("pillars", input.planId());
		return UpsertPayload.of(this.editor.upsert(actor, "upsertPillar",
				new GraphEditor.NodeChange("Pillar", input.id(), props, required, links), input.source()));
	}

	@MutationMapping
	UpsertPayload upsertMeasure(@Argument MeasureInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("measures", input.name(), input.nameEn(), problems);
		put(props, "label", EditValues.cell("measures", "label", input.label(), "input.label", 20, problems));
		List<GraphEditor.Link> links = new ArrayList<>();
		if (input.planId() != null) {
			EditValues.id(input.planId(), "input.planId", problems);
			links.add(new GraphEditor.Link("IN_PLAN", "Plan", input.planId(), "input.planId", true, true, Map.of()));
		}
		if (input.pillarId() != null) {
			EditValues.id(input.pillarId(), "input.pillarId", problems);
			links.add(
					new GraphEditor.Link("UNDER", "Pillar", input.pillarId(), "input.pillarId", true, false, Map.of()));
		}
		if (input.parentMeasureId() != null) {
			EditValues.id(input.parentMeasureId(), "input.parentMeasureId", problems);
			if (input.parentMeasureId().equals(input.id())) {
				problems.add(ErrorCode.BAD_VALUE, "input.parentMeasureId",
						Hierarchies.describe(List.of(input.id(), input.id())) + ": " + Hierarchies.MEASURES.rule());
			}
			links.add(new GraphEditor.Link("PART_OF", "Measure", input.parentMeasureId(), "input.parentMeasureId", true,
					true, Map.of()));
		}
		problems.check();
		List<String> required = requiredToCreate("measures", input.planId());
		return UpsertPayload.of(this.editor.upsert(actor, "upsertMeasure",
				new GraphEditor.NodeChange("Measure", input.id(), props, required, links), input.source()));
	}

	@MutationMapping
	UpsertPayload upsertProgram(@Argument ProgramInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("programs", input.name(), input.nameEn(), problems);
		put(props, "summary",
				EditValues.cell("programs", "summary", input.summary(), "input.summary", LONG_TEXT, problems));
		problems.check();
		return UpsertPayload.of(this.editor.upsert(actor, "upsertProgram", new GraphEditor.NodeChange("Program",
				input.id(), props, EditValues.requiredToCreate("programs"), List.of()), input.source()));
	}

	@MutationMapping
	UpsertPayload upsertKpi(@Argument KpiInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("kpis", input.name(), input.nameEn(), problems);
		put(props, "unit", EditValues.cell("kpis", "unit", input.unit(), "input.unit", 20, problems));
		put(props, "direction", input.direction());
		put(props, "method", EditValues.cell("kpis", "method", input.method(), "input.method", 2_000, problems));
		problems.check();
		List<GraphEditor.Reference> references = (props.get("unit") != null)
				? List.of(new GraphEditor.Reference("Unit", (String) props.get("unit"), "input.unit")) : List.of();
		return UpsertPayload.of(this.editor.upsert(actor, "upsertKpi", new GraphEditor.NodeChange("Kpi", input.id(),
				props, EditValues.requiredToCreate("kpis"), List.of(), references), input.source()));
	}

	@MutationMapping
	UpsertPayload upsertOrganization(@Argument OrganizationInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("organizations", input.name(), input.nameEn(), problems);
		if (input.kind() != null && !input.kind().equals(OrganizationKind.UNKNOWN.name())) {
			props.put("kind", input.kind());
		}
		List<GraphEditor.Link> links = new ArrayList<>();
		if (input.parentId() != null) {
			EditValues.id(input.parentId(), "input.parentId", problems);
			if (input.parentId().equals(input.id())) {
				problems.add(ErrorCode.BAD_VALUE, "input.parentId",
						Hierarchies.describe(List.of(input.id(), input.id())) + ": "
								+ Hierarchies.ORGANIZATIONS.rule());
			}
			links.add(new GraphEditor.Link("PART_OF", "Organization", input.parentId(), "input.parentId", true, true,
					Map.of()));
		}
		problems.check();
		return UpsertPayload
			.of(this.editor.upsert(actor, "upsertOrganization", new GraphEditor.NodeChange("Organization", input.id(),
					props, EditValues.requiredToCreate("organizations"), links), input.source()));
	}

	@MutationMapping
	UpsertPayload upsertPartnerBody(@Argument PartnerBodyInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		Map<String, Object> props = named("partner_bodies", input.name(), input.nameEn(), problems);
		List<GraphEditor.Link> links = new ArrayList<>();
		if (input.supervisingOrganizationId() != null) {
			EditValues.id(input.supervisingOrganizationId(), "input.supervisingOrganizationId", problems);
			links.add(new GraphEditor.Link("SUPERVISED_BY", "Organization", input.supervisingOrganizationId(),
					"input.supervisingOrganizationId", true, true, Map.of()));
		}
		problems.check();
		return UpsertPayload.of(this.editor.upsert(actor, "upsertPartnerBody", new GraphEditor.NodeChange("PartnerBody",
				input.id(), props, EditValues.requiredToCreate("partner_bodies"), links), input.source()));
	}

	@MutationMapping
	LinkPayload link(@Argument LinkInput input) {
		Actor actor = this.editors.requireEditor();
		LinkKind kind = LinkKind.valueOf(input.type());
		InputProblems problems = start(input.source(), "input.fromId", input.fromId(), "input.toId", input.toId());
		Map<String, Object> props = new LinkedHashMap<>();
		field(kind, "ordinal", input.ordinal(), props, problems);
		field(kind, "number", input.number(), props, problems);
		field(kind, "reposted", input.reposted(), props, problems);
		// only a partner body's link has a role (program_partners.csv)
		field(kind, "role", EditValues.cell("program_partners", "role", input.role(), "input.role", 500, problems),
				props, problems);
		// a continuation says on what grounds (program_continuations.csv)
		field(kind, "basis",
				EditValues.cell("program_continuations", "basis", input.basis(), "input.basis", 500, problems), props,
				problems);
		// a policy issue's link and a continuation cite the sentence that makes them
		// (policy_issue_links.csv, program_continuations.csv: the same rule)
		field(kind, "evidence",
				EditValues.cell("policy_issue_links", "evidence", input.evidence(), "input.evidence", 500, problems),
				props, problems);
		kind.required()
			.stream()
			.filter(f -> !props.containsKey(f))
			.forEach(f -> problems.add(ErrorCode.REQUIRED, "input." + f, "a " + kind + " link needs its " + f));
		EditValues.positive(input.ordinal(), "input.ordinal", problems);
		EditValues.positive(input.number(), "input.number", problems);
		problems.check();
		return LinkPayload.of(this.editor.link(actor, kind, input.fromId(), input.toId(), props, input.source()));
	}

	@MutationMapping
	LinkPayload unlink(@Argument UnlinkInput input) {
		Actor actor = this.editors.requireEditor();
		LinkKind kind = LinkKind.valueOf(input.type());
		InputProblems problems = start(input.source(), "input.fromId", input.fromId(), "input.toId", input.toId());
		LocalDate today = LocalDate.now(this.clock);
		LocalDate on = EditValues.date(input.on(), "input.on", today, problems);
		String reason = EditValues.text(input.reason(), "input.reason", 2_000, problems);
		problems.check();
		return LinkPayload
			.of(this.editor.unlink(actor, kind, input.fromId(), input.toId(), on, today, reason, input.source()));
	}

	@MutationMapping
	ValuesEditor.BudgetResult setBudget(@Argument BudgetInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.programId", input.programId());
		problems.check();
		return this.values.setBudget(actor, input, fiscalYearNow());
	}

	@MutationMapping
	ValuesEditor.ObservationResult recordObservation(@Argument ObservationInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.kpiId", input.kpiId());
		problems.check();
		return this.values.recordObservation(actor, input, fiscalYearNow());
	}

	@MutationMapping
	GraphEditor.RetireResult retire(@Argument RetireInput input) {
		Actor actor = this.editors.requireEditor();
		InputProblems problems = start(input.source(), "input.id", input.id());
		LocalDate today = LocalDate.now(this.clock);
		LocalDate on = EditValues.date(input.on(), "input.on", today, problems);
		String reason = EditValues.text(input.reason(), "input.reason", 2_000, problems);
		problems.check();
		return this.editor.retire(actor, input.id(), on, today, reason, input.source());
	}

	/** The fiscal year (April to March) today falls in, Japan time. */
	private int fiscalYearNow() {
		return FiscalYears.fiscalYearOf(YearMonth.now(this.clock));
	}

	/**
	 * The checks every mutation starts with: its source, and each id it names, given as
	 * (field, id) pairs.
	 */
	private static InputProblems start(SourceInput source, String... fieldsAndIds) {
		InputProblems problems = new InputProblems();
		for (int i = 0; i < fieldsAndIds.length; i += 2) {
			EditValues.id(fieldsAndIds[i + 1], fieldsAndIds[i], problems);
		}
		EditValues.source(source, problems);
		return problems;
	}

	/** A node's names, as the file of its kind keeps them. */
	private static Map<String, Object> named(String table, String name, String nameEn, InputProblems problems) {
		Map<String, Object> props = new LinkedHashMap<>();
		put(props, "name", EditValues.cell(table, "name", name, "input.name", NAME, problems));
		put(props, "nameEn", EditValues.cell(table, "name_en", nameEn, "input.nameEn", NAME, problems));
		return props;
	}

	/**
	 * The fields a new node of the file needs, and its plan when the input names none.
	 */
	private static List<String> requiredToCreate(String table, String planId) {
		List<String> required = new ArrayList<>(EditValues.requiredToCreate(table));
		if (planId == null) {
			required.add("planId");
		}
		return required;
	}

	private static void field(LinkKind kind, String field, Object value, Map<String, Object> props,
			InputProblems problems) {
		if (value == null) {
			return;
		}
		if (!kind.carries(field)) {
			problems.add(ErrorCode.BAD_VALUE, "input." + field, "a " + kind + " link has no " + field);
			return;
		}
		props.put(field, value);
	}

	private static void put(Map<String, Object> props, String field, Object value) {
		if (value != null) {
			props.put(field, value);
		}
	}

}
