package org.policygraph.model;

/** Kinds of plan ({@code PlanKind} in the schema, {@code kind} in plans.csv). */
public enum PlanKind {

	VISION, STRATEGY, DX_PLAN, BUREAU_POLICY

}
