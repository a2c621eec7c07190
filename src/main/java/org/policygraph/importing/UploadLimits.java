package org.policygraph.importing;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an import reads, so that a hostile or careless file cannot exhaust
 * memory: a workbook is a zip archive whose XML inflates to far more than the upload, and
 * every cell read is kept until the import ends. Each is checked as the file is read, and
 * the sizes also before, from the zip's central directory (which can lie, so the inflated
 * bytes are counted as well). A file past one is refused with {@code UPLOAD_TOO_LARGE}
 * (HTTP 413) naming the limit and where it was passed. README.md, "Limits", lists them.
 *
 * @param maxInflatedSize most bytes all the parts of a workbook may inflate to together
 * @param maxEntrySize most bytes one worksheet, or the shared strings, may inflate to
 * @param maxMetadataSize most bytes any other part of a workbook (content types,
 * relationships, the list of sheets, styles) may inflate to; these are read whole into
 * memory, unlike the sheets, which are streamed
 * @param maxSheets most sheets a workbook may have
 * @param maxRows most rows with content a sheet or a CSV file may have, its header
 * included
 * @param maxColumns most columns a row may use: a cell with content further right is
 * refused
 * @param maxCells most cells with content an import may hold in all its files together
 * @param maxCellLength most characters one cell may hold (Excel's own limit is 32,767)
 */
@ConfigurationProperties("policygraph.limits.upload")
public record UploadLimits(@DefaultValue("100MB") DataSize maxInflatedSize, @DefaultValue("50MB") DataSize maxEntrySize,
		@DefaultValue("10MB") DataSize maxMetadataSize, @DefaultValue("50") int maxSheets,
		@DefaultValue("100000") int maxRows, @DefaultValue("100") int maxColumns, @DefaultValue("2000000") int maxCells,
		@DefaultValue("32767") int maxCellLength) {

	static final String PREFIX = "policygraph.limits.upload.";

	/**
	 * The defaults, for importers made outside Spring (tests, the benchmark's loader).
	 */
	public static final UploadLimits DEFAULTS = new UploadLimits(DataSize.ofMegabytes(100), DataSize.ofMegabytes(50),
			DataSize.ofMegabytes(10), 50, 100_000, 100, 2_000_000, 32_767);

	static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

}
