package org.policygraph.program;

import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/** A program's budget (予算額) for one fiscal year. */
public record Budget(int fiscalYear, long amountYen, String text, SourceRef source, String recordedAt,
		String supersededAt) {

	public static Budget of(Map<String, Object> p) {
		return new Budget(Props.integer(p, "fiscalYear"), Props.whole(p, "amountYen"), Props.string(p, "text"),
				SourceRef.of(p), Props.instant(p, "recordedAt"), Props.instant(p, "supersededAt"));
	}

}
