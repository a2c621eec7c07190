package org.policygraph.errors;

/**
 * A request the API refuses, with a stable code and the argument or field it concerns.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String field;

	public ApiException(ErrorCode code, String message, String field) {
		super(message);
		this.code = code;
		this.field = field;
	}

	public ErrorCode code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	/**
	 * Further problems of the same request, each {@code {field, code, message}} and where
	 * else it lies; empty when it had one.
	 */
	public java.util.List<? extends java.util.Map<String, ?>> problems() {
		return java.util.List.of();
	}

}
