package org.policygraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The graph as the dataset's files, for anyone to download: {@code /export/dataset.xlsx}
 * (one sheet per table) and one table as CSV, {@code /export/programs.csv} and so on.
 * Both import back unchanged.
 */
@RestController
class DatasetExportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final DatasetExporter exporter;

	DatasetExportController(DatasetExporter exporter) {
		this.exporter = exporter;
	}

	@GetMapping("/export/dataset.xlsx")
	ResponseEntity<byte[]> workbook() {
		return download("dataset.xlsx", XLSX, this.exporter::writeWorkbook);
	}

	@GetMapping("/export/{table}.csv")
	ResponseEntity<byte[]> table(@PathVariable String table) {
		if (!DatasetExporter.tableNames().contains(table)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "'" + table
					+ "' is not a table of the dataset (expected one of " + DatasetExporter.tableNames() + ")",
					"table");
		}
		return download(table + ".csv", CSV, out -> this.exporter.writeCsv(table, out));
	}

	/**
	 * Written in full before the response starts, so that a failure is an error response,
	 * not a cut-off file.
	 */
	private static ResponseEntity<byte[]> download(String fileName, MediaType type, Consumer<OutputStream> writer) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		writer.accept(body);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body.toByteArray());
	}

}
