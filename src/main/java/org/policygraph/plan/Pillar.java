package org.policygraph.plan;

import org.policygraph.source.SourceRef;

/** A top-level goal of a plan (柱 / 基本目標 / テーマ). */
public record Pillar(String id, String planId, int ordinal, String label, String name, String nameEn, String goal,
		SourceRef source) {
}
