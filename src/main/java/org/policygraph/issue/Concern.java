package org.policygraph.issue;

import org.policygraph.source.SourceRef;

/**
 * A node a policy issue concerns, with the sentence that makes the link.
 *
 * @param node the node's record (a program, KPI, pillar …)
 * @param evidence the sentence of the cited section, quoted as the document writes it
 * @param source the document and section quoted
 */
public record Concern(Object node, String evidence, SourceRef source) {
}
