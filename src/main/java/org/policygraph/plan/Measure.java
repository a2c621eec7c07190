package org.policygraph.plan;

import org.policygraph.source.SourceRef;

/** A measure (主な施策 / 具体的施策). */
public record Measure(String id, String label, String name, String nameEn, SourceRef source) {
}
