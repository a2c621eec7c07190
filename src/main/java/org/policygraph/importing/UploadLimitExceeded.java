package org.policygraph.importing;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

/**
 * A file passed one of the {@link UploadLimits}; nothing more of it is read. A refusal
 * with the code {@code UPLOAD_TOO_LARGE}: answered with HTTP 413 for an upload, and an
 * error for the import command.
 */
public class UploadLimitExceeded extends ApiException {

	private final String limit;

	private final String file;

	private final int row;

	private final String reason;

	/**
	 * @param limit the property of the limit, e.g.
	 * {@code policygraph.limits.upload.max-rows}; null for a fixed one
	 * @param file the file, or {@code workbook.xlsx[sheet]}, where it was passed
	 * @param row the 1-based row where it was passed, or 0 when it concerns the whole
	 * file
	 * @param message what was too large, with the limit, in the words the uploader sees
	 * (the file, the row and the property are added to it)
	 */
	UploadLimitExceeded(String limit, String file, int row, String message) {
		super(ErrorCode.UPLOAD_TOO_LARGE, file + ((row > 0) ? ", row " + UploadLimits.count(row) : "") + ": " + message
				+ ((limit != null) ? " (" + limit + ")" : ""), null);
		this.limit = limit;
		this.file = file;
		this.row = row;
		this.reason = message;
	}

	public String limit() {
		return this.limit;
	}

	public String file() {
		return this.file;
	}

	public int row() {
		return this.row;
	}

	/** The message without the limit's property. */
	public String reason() {
		return this.reason;
	}

	/**
	 * The limit passed somewhere in {@code ex}'s causes (a parser may wrap it), or null.
	 */
	static UploadLimitExceeded in(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof UploadLimitExceeded exceeded) {
				return exceeded;
			}
		}
		return null;
	}

}
