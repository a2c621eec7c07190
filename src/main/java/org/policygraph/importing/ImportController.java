package org.policygraph.importing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.HttpErrorBody;
import org.policygraph.history.ImportRun;
import org.policygraph.security.Actor;
import org.policygraph.security.Editors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Uploads a dataset over HTTP: {@code POST /imports} with multipart form data, one
 * {@code .xlsx} workbook or CSV files of the dataset, and {@code dryRun=true} to see what
 * would change without writing. By default the upload is merged into the graph: it may
 * hold only the tables (or sheets) that changed, and the answer lists, table by table,
 * the rows it adds and changes; {@code mode=replace} imports the whole dataset and needs
 * every table. GraphQL has no file uploads, so this sits beside it, with the same editor
 * rule and the same error format; the report it answers is also {@code importRun(id)} in
 * GraphQL. One upload imports at a time ({@link ImportGate}), and a file past the
 * {@link UploadLimits} is refused as soon as it is seen to be.
 */
@RestController
class ImportController {

	private final Editors editors;

	private final DatasetImporter importer;

	private final ImportGate gate;

	ImportController(Editors editors, DatasetImporter importer, ImportGate gate) {
		this.editors = editors;
		this.importer = importer;
		this.gate = gate;
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "merge") String mode, MultipartHttpServletRequest request) throws IOException {
		Actor actor = this.editors.requireEditor();
		ImportMode importMode = ImportMode.of(mode, "mode");
		try (ImportGate.Entry entry = this.gate.enter()) {
			return importFiles(actor, dryRun, importMode, request);
		}
	}

	private ResponseEntity<Map<String, Object>> importFiles(Actor actor, boolean dryRun, ImportMode mode,
			MultipartHttpServletRequest request) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (MultipartFile file : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
			String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : file.getName();
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
			if (files.put(name, file.getBytes()) != null) {
				throw new ApiException(ErrorCode.BAD_ARGUMENT, "the file '" + name + "' is uploaded twice", name);
			}
		}
		if (files.isEmpty()) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT,
					"no file: upload one .xlsx workbook or the dataset's .csv files as multipart form data", "file");
		}
		ImportRun run = this.importer.importUpload(actor, files, dryRun, mode);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("importRun", run);
		if (run.succeeded()) {
			return ResponseEntity.ok(body);
		}
		body.put("errors", List.of(Map.of("message",
				run.problems().size() + " problem(s) in the upload; nothing was written", "extensions",
				Map.of("code", ErrorCode.IMPORT_INVALID.name(), "importRunId", run.id(), "problems", run.problems()))));
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
	}

	/**
	 * A file past an upload limit: 413, with the limit's property and where it was
	 * passed.
	 */
	@ExceptionHandler(UploadLimitExceeded.class)
	ResponseEntity<Map<String, Object>> tooLarge(UploadLimitExceeded ex) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ex.code().name());
		if (ex.limit() != null) {
			extensions.put("limit", ex.limit());
		}
		extensions.put("file", ex.file());
		if (ex.row() > 0) {
			extensions.put("row", ex.row());
		}
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(HttpErrorBody.of(ex.getMessage(), extensions));
	}

	/** Another import is running: 429, and when to try again. */
	@ExceptionHandler(ImportGate.ImportBusy.class)
	ResponseEntity<Map<String, Object>> busy(ImportGate.ImportBusy ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ImportGate.RETRY_AFTER.toSeconds()))
			.body(HttpErrorBody.of(ex.getMessage(), Map.of("code", ErrorCode.IMPORT_BUSY.name(), "retryable", true)));
	}

}
