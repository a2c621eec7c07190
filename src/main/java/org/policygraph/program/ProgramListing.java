package org.policygraph.program;

import org.policygraph.plan.Measure;

/**
 * A program's listing under a measure (掲載): its number there (事務事業番号) and whether it is a
 * 再掲.
 */
public record ProgramListing(Measure measure, Integer number, boolean reposted) {
}
