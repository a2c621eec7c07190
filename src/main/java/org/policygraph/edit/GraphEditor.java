package org.policygraph.edit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.policygraph.edit.EditInputs.SourceInput;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.graph.GraphWriteLock;
import org.policygraph.graph.Hierarchies;
import org.policygraph.graph.SelectedDatabase;
import org.policygraph.history.ChangeLog;
import org.policygraph.history.HistoryEntry;
import org.policygraph.history.Touch;
import org.policygraph.kpi.KpiStatuses;
import org.policygraph.limits.LimitsProperties;
import org.policygraph.model.Catalogue;
import org.policygraph.model.SearchText;
import org.policygraph.model.VisionPillarLabels;
import org.policygraph.program.BudgetRollups;
import org.policygraph.reading.NodeRecords;
import org.policygraph.security.Actor;
import org.policygraph.source.SourceRef;

import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Service;

/**
 * Applies one change to the graph in one write transaction, with its change record.
 * Validation that needs the graph (ids that must exist, ids taken by another type,
 * retired ids) happens in the same transaction, before anything is written; any refusal
 * rolls the whole transaction back.
 */
@Service
class GraphEditor {

	private final Driver driver;

	private final DatabaseSelectionProvider databaseSelection;

	private final ChangeLog changeLog;

	private final NodeRecords records;

	private final TransactionConfig transactionConfig;

	private final GraphWriteLock writeLock;

	GraphEditor(Driver driver, DatabaseSelectionProvider databaseSelection, ChangeLog changeLog, NodeRecords records,
			LimitsProperties limits, GraphWriteLock writeLock) {
		this.driver = driver;
		this.writeLock = writeLock;
		this.databaseSelection = databaseSelection;
		this.changeLog = changeLog;
		this.records = records;
		// the same limit as every read: a change that runs too long is rolled back, not
		// left running
		this.transactionConfig = TransactionConfig.builder().withTimeout(limits.transactionTimeout()).build();
	}

	/**
	 * A node's fields to set, the fields a new one must have, the links it makes, and
	 * what a new one has when the input leaves a field out ({@code defaults}: what an
	 * import makes of a blank cell).
	 */
	record NodeChange(String label, String id, Map<String, Object> props, List<String> requiredToCreate,
			List<Link> links, List<Reference> references, Map<String, Object> defaults) {

		NodeChange(String label, String id, Map<String, Object> props, List<String> requiredToCreate, List<Link> links,
				List<Reference> references) {
			this(label, id, props, requiredToCreate, links, references, Map.of());
		}

		NodeChange(String label, String id, Map<String, Object> props, List<String> requiredToCreate,
				List<Link> links) {
			this(label, id, props, requiredToCreate, links, List.of());
		}

	}

	/**
	 * A value that must name a node of a reference table, e.g. a KPI's unit, one of the
	 * graph's units.
	 */
	record Reference(String label, String key, String field) {
	}

	/**
	 * A link an upsert makes from the node or to it.
	 *
	 * @param single whether the node may have only one such link (a pillar belongs to one
	 * plan)
	 * @param outgoing whether the link points away from the node
	 */
	record Link(String type, String otherLabel, String otherId, String field, boolean outgoing, boolean single,
			Map<String, Object> props) {
	}

	record UpsertResult(Object node, boolean created, boolean changed, HistoryEntry.Change change) {
	}

	/**
	 * Runs a change in a write transaction, beside other changes but never while an
	 * import writes ({@link GraphWriteLock}); transient failures (deadlocks, leader
	 * switches) are retried.
	 */
	<T> T write(Function<TransactionContext, T> work) {
		return this.writeLock.shared(() -> {
			try (Session session = this.driver.session(SelectedDatabase.sessionConfig(this.databaseSelection))) {
				return session.executeWrite(work::apply, this.transactionConfig);
			}
		});
	}

	UpsertResult upsert(Actor actor, String operation, NodeChange change, SourceInput source) {
		return write(tx -> {
			GraphStore store = new GraphStore(tx);
			InputProblems problems = new InputProblems();
			checkOwnId(store, change.label(), change.id(), problems);
			checkSource(store, source, problems);
			for (Link link : change.links()) {
				requireLive(store, List.of(link.otherLabel()), link.otherId(), link.field(), problems);
			}
			for (Reference reference : change.references()) {
				if (!store.exists(reference.label(), reference.key())) {
					problems.add(ErrorCode.BAD_VALUE, reference.field(), "'" + reference.key() + "' is not one of the "
							+ reference.label().toLowerCase(java.util.Locale.ROOT) + "s in the graph");
				}
			}
			problems.check();
			GraphStore.Locked locked = store.lock(change.label(), change.id());
			if (locked.isNew()) {
				for (String field : change.requiredToCreate()) {
					if (change.props().get(field) == null) {
						problems.add(ErrorCode.REQUIRED, "input." + field,
								"a new " + GraphStore.NAMES.get(change.label()) + " needs its " + field);
					}
				}
			}
			List<Touch> touches = new ArrayList<>();
			for (Link link : change.links()) {
				if (link.single()) {
					List<String> current = link.outgoing()
							? store.linkedKeys(change.label(), link.type(), link.otherLabel(), change.id())
							: store.linkingKeys(link.otherLabel(), link.type(), change.label(), change.id());
					if (!current.isEmpty() && !current.contains(link.otherId())) {
						problems.add(ErrorCode.CONFLICT, link.field(),
								change.id() + " already belongs to " + String.join(", ", current) + "; a "
										+ GraphStore.NAMES.get(change.label()) + " belongs to one "
										+ GraphStore.NAMES.get(link.otherLabel()));
					}
				}
			}
			problems.check();
			Map<String, Object> props = new HashMap<>(change.props());
			if (locked.isNew()) {
				change.defaults().forEach(props::putIfAbsent);
				props.put("sourceId", source.sourceId());
				props.put("section", source.section());
			}
			if (SearchText.LABELS.contains(change.label())) {
				// the folded text search matches, from the fields as they will be, as an
				// import makes it
				Map<String, Object> fields = (locked.before() != null) ? new HashMap<>(locked.before())
						: new HashMap<>();
				fields.putAll(props);
				props.putAll(SearchText.properties(fields, store.aliasNames(locked.node())));
			}
			Map<String, Object> after = store.update(locked.node(), props, source.sourceId(), source.section());
			boolean changed = locked.isNew() || !locked.before().equals(after);
			if (changed) {
				touches.add(Touch.node(locked.node(), locked.isNew() ? "CREATED" : "UPDATED", locked.before(), after));
			}
			for (Link link : change.links()) {
				GraphStore.Linked linked = link.outgoing()
						? store.link(change.label(), link.otherLabel(), link.type(), change.id(), link.otherId(),
								link.props(), Map.of(), source.sourceId(), source.section())
						: store.link(link.otherLabel(), change.label(), link.type(), link.otherId(), change.id(),
								link.props(), Map.of(), source.sourceId(), source.section());
				if (linked.changed()) {
					String fromId = link.outgoing() ? change.id() : link.otherId();
					String toId = link.outgoing() ? link.otherId() : change.id();
					touches.addAll(List.of(Touch.link(linked.from(), fromId, linked.to(), toId, link.type(),
							linked.isNew() ? "LINKED" : "RELINKED", linked.before(), linked.after())));
				}
			}
			checkNoCycle(store, change);
			if ("Kpi".equals(change.label())) {
				// the direction is half of what the status rule reads
				KpiStatuses.judge(tx, List.of(change.id()));
			}
			if (change.label().equals("Plan") || change.label().equals("Pillar")) {
				// the styling label a pillar of the vision gets on import: derived from
				// the plan's kind and its ordinal
				VisionPillarLabels.apply(tx);
			}
			HistoryEntry.Change record = touches.isEmpty() ? null : record(tx, actor, operation, source, touches);
			return new UpsertResult(nodeRecord(store, locked.node()), locked.isNew(), record != null, record);
		});
	}

	record LinkResult(Object from, Object to, boolean changed, HistoryEntry.Change change) {
	}

	LinkResult link(Actor actor, LinkKind kind, String fromId, String toId, Map<String, Object> props,
			SourceInput source) {
		return write(tx -> {
			GraphStore store = new GraphStore(tx);
			Ends ends = liveEnds(store, kind, fromId, toId, source);
			GraphStore.Found from = ends.from();
			GraphStore.Found to = ends.to();
			GraphStore.Linked linked = store.link(from.label(), to.label(), kind.type(), fromId, toId, props,
					kind.defaults(), source.sourceId(), source.section());
			checkNoCycle(store, from.label(), kind.type(), to.label(), fromId, "input.toId");
			HistoryEntry.Change record = null;
			if (linked.changed()) {
				record = record(tx, actor, "link", source, List.of(Touch.link(linked.from(), fromId, linked.to(), toId,
						kind.type(), linked.isNew() ? "LINKED" : "RELINKED", linked.before(), linked.after())));
			}
			return new LinkResult(nodeRecord(store, from.node()), nodeRecord(store, to.node()), record != null, record);
		});
	}

	LinkResult unlink(Actor actor, LinkKind kind, String fromId, String toId, LocalDate on, LocalDate today,
			String reason, SourceInput source) {
		return write(tx -> {
			GraphStore store = new GraphStore(tx);
			Ends ends = liveEnds(store, kind, fromId, toId, source);
			GraphStore.Found from = ends.from();
			GraphStore.Found to = ends.to();
			GraphStore.FoundLink link = store.findLink(from.label(), to.label(), kind.type(), fromId, toId)
				.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
						"No " + kind.type() + " link from " + fromId + " to " + toId, "input"));
			Map<String, Object> retirement = retirement(on, reason);
			if (on.isAfter(today)) {
				store.run("MATCH ()-[r]->() WHERE elementId(r) = $rel SET r += $retirement",
						GraphStore.params("rel", link.rel(), "retirement", Map.of("retiresOn", on)));
			}
			else {
				store.run("MATCH ()-[r]->() WHERE elementId(r) = $rel DELETE r", GraphStore.params("rel", link.rel()));
			}
			Map<String, Object> after = new LinkedHashMap<>(link.before());
			after.putAll(retirement);
			HistoryEntry.Change record = record(tx, actor, "unlink", source, List.of(Touch.link(link.from(), fromId,
					link.to(), toId, kind.type(), "UNLINKED", link.before(), on.isAfter(today) ? after : null)));
			return new LinkResult(nodeRecord(store, from.node()), nodeRecord(store, to.node()), true, record);
		});
	}

	/** The two live nodes a link of the kind joins. */
	private record Ends(GraphStore.Found from, GraphStore.Found to) {
	}

	/**
	 * The live nodes a link or unlink names, of the kind's labels; refuses the request
	 * (with every problem at once, the source's among them) otherwise.
	 */
	private Ends liveEnds(GraphStore store, LinkKind kind, String fromId, String toId, SourceInput source) {
		InputProblems problems = new InputProblems();
		checkSource(store, source, problems);
		GraphStore.Found from = requireLive(store, List.of(kind.fromLabel()), fromId, "input.fromId", problems);
		GraphStore.Found to = requireLive(store, kind.toLabels(), toId, "input.toId", problems);
		problems.check();
		return new Ends(from, to);
	}

	record RetireResult(String id, String retiredOn, boolean effective, HistoryEntry.Change change) {
	}

	/**
	 * Retires a node: from its date on, it loses its label (so no ordinary query finds
	 * it) and becomes {@code :Retired}, remembering the label it had; its links and its
	 * history stay. A date still to come is kept on the node and applied by
	 * {@link Retirements}.
	 */
	RetireResult retire(Actor actor, String id, LocalDate on, LocalDate today, String reason, SourceInput source) {
		return write(tx -> {
			GraphStore store = new GraphStore(tx);
			InputProblems problems = new InputProblems();
			checkSource(store, source, problems);
			GraphStore.Found found = requireLive(store, GraphStore.LIVE_LABELS, id, "input.id", problems);
			problems.check();
			Map<String, Object> before = new LinkedHashMap<>(store.read(found.node()).record());
			before.remove("planId");
			Map<String, Object> retirement = retirement(on, reason);
			boolean effective = !on.isAfter(today);
			if (effective) {
				store.run(Retirements.RETIRE_NODE.formatted(Catalogue.label(found.label())),
						GraphStore.params("node", found.node(), "label", found.label(), "retirement", retirement));
			}
			else {
				store.run("MATCH (n) WHERE elementId(n) = $node SET n:RetirementScheduled, n.retiresOn = $on",
						GraphStore.params("node", found.node(), "on", on));
			}
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.putAll(retirement);
			HistoryEntry.Change record = record(tx, actor, "retire", source,
					List.of(Touch.node(found.node(), "RETIRED", before, after)));
			return new RetireResult(id, on.toString(), effective, record);
		});
	}

	static Map<String, Object> retirement(LocalDate on, String reason) {
		Map<String, Object> retirement = new LinkedHashMap<>();
		retirement.put("retiredOn", on);
		if (reason != null) {
			retirement.put("retiredReason", reason);
		}
		return retirement;
	}

	HistoryEntry.Change record(TransactionContext tx, Actor actor, String operation, SourceInput source,
			List<Touch> touches) {
		// every edit is recorded here, in its transaction: the budget totals of the
		// roots the touched nodes and links count for follow it
		BudgetRollups.refresh(tx, touches.stream().map(Touch::node).toList());
		Instant at = Instant.now();
		String id = this.changeLog.record(tx, null, at, actor, operation, source.sourceId(), source.section(), touches,
				null);
		return new HistoryEntry.Change(id, at.toString(), actor.id(), actor.name(), operation,
				new SourceRef(source.sourceId(), source.section()));
	}

	Object nodeRecord(GraphStore store, String node) {
		GraphStore.Read read = store.read(node);
		return this.records.read(read.labels(), read.record()).orElse(null);
	}

	/** The id must be free or already a node of the same label, and not retired. */
	static void checkOwnId(GraphStore store, String label, String id, InputProblems problems) {
		Optional<GraphStore.Found> found = store.find(id);
		if (found.isEmpty()) {
			return;
		}
		if (found.get().retired()) {
			problems.add(ErrorCode.RETIRED, "input.id", "'" + id + "' was retired on " + found.get().retiredOn()
					+ "; a retired id stays in history and is not reused");
		}
		else if (!found.get().labels().contains(label)) {
			problems.add(ErrorCode.CONFLICT, "input.id", "'" + id + "' is already the id of a "
					+ GraphStore.NAMES.get(found.get().label()) + "; ids are unique across the graph");
		}
	}

	/**
	 * A parent link must not make the node part of itself through others (org-a → org-b →
	 * org-a). Asked after the link is written, in its transaction, so that a concurrent
	 * change closing the other half is seen; the refusal rolls the write back.
	 */
	static void checkNoCycle(GraphStore store, NodeChange change) {
		for (Link link : change.links()) {
			if (link.outgoing()) {
				checkNoCycle(store, change.label(), link.type(), link.otherLabel(), change.id(), link.field());
			}
		}
	}

	/**
	 * The same for a link from {@code fromId}, made by an upsert or by link (an
	 * organization's parent, a program's continuation).
	 */
	static void checkNoCycle(GraphStore store, String fromLabel, String type, String toLabel, String fromId,
			String field) {
		Optional<Hierarchies.Hierarchy> hierarchy = Hierarchies.of(fromLabel, type, toLabel);
		Optional<List<String>> cycle = hierarchy.flatMap(h -> h.cycleThrough(store.tx(), List.of(fromId)));
		if (cycle.isPresent()) {
			InputProblems problems = new InputProblems();
			problems.add(ErrorCode.CONFLICT, field, Hierarchies.describe(cycle.get()) + ": " + hierarchy.get().rule());
			problems.check();
		}
	}

	static void checkSource(GraphStore store, SourceInput source, InputProblems problems) {
		if (!store.sourceExists(source.sourceId())) {
			problems.add(ErrorCode.NOT_FOUND, "input.source.sourceId",
					"no source document with id '" + source.sourceId() + "' in the graph");
		}
	}

	/**
	 * The live node with the id, of one of the labels; null (and a problem) otherwise.
	 */
	static GraphStore.Found requireLive(GraphStore store, List<String> labels, String id, String field,
			InputProblems problems) {
		Optional<GraphStore.Found> found = store.find(id);
		String expected = String.join(" or ", labels.stream().map(GraphStore.NAMES::get).toList());
		if (found.isEmpty()) {
			problems.add(ErrorCode.NOT_FOUND, field, "no " + expected + " with id '" + id + "'");
			return null;
		}
		if (found.get().retired()) {
			problems.add(ErrorCode.RETIRED, field, "'" + id + "' was retired on " + found.get().retiredOn());
			return null;
		}
		if (!labels.contains(found.get().label())) {
			problems.add(ErrorCode.BAD_VALUE, field,
					"'" + id + "' is a " + GraphStore.NAMES.get(found.get().label()) + ", not a " + expected);
			return null;
		}
		return found.get();
	}

}
