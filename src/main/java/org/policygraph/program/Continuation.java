package org.policygraph.program;

import org.policygraph.source.SourceRef;

/**
 * An earlier plan's program that a program continues, with the sentence that says so.
 *
 * @param program the earlier program
 * @param basis what the continuation rests on, in a few words
 * @param evidence the sentence of the cited section, quoted as the document writes it
 * @param source the document and section quoted
 */
public record Continuation(Program program, String basis, String evidence, SourceRef source) {
}
