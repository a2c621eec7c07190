package org.policygraph.importing;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

/**
 * How an import meets the graph. Neither deletes: a row the graph holds and the import
 * leaves out stays.
 */
public enum ImportMode {

	/**
	 * Any of the dataset's tables (or sheets): their rows are upserted, and a row may
	 * refer to a node already in the graph. What uploads do unless told otherwise.
	 */
	MERGE,

	/**
	 * The whole dataset: every table must be there, and rows refer only to rows of the
	 * import. What the start-up load and {@code policygraph.import.path} do unless told
	 * otherwise.
	 */
	REPLACE;

	/** A mode as a request or a property names it, in any case. */
	static ImportMode of(String name, String field) {
		for (ImportMode mode : values()) {
			if (mode.name().equalsIgnoreCase(name.strip())) {
				return mode;
			}
		}
		throw new ApiException(ErrorCode.BAD_ARGUMENT,
				"'" + name + "' is not an import mode (expected merge or replace)", field);
	}

}
