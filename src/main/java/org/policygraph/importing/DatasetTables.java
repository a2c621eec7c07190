package org.policygraph.importing;

import java.util.List;
import java.util.Map;

import org.policygraph.model.Catalogue;

/**
 * The files of a dataset and their columns, in the order they are read (a file's
 * references point only to files before it or to node files), as the {@link Catalogue}
 * describes them. {@code data/README.md} explains every column.
 */
final class DatasetTables {

	static final Map<String, List<String>> COLUMNS = Catalogue.columns();

	private DatasetTables() {
	}

}
