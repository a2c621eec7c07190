package org.policygraph.limits;

import java.io.IOException;
import java.time.Duration;

import graphql.GraphQLError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The limits on a request's body as the filters that read it apply them, and their
 * refusals: a body past {@code policygraph.limits.max-request-size} is refused with 413
 * and REQUEST_TOO_LARGE, by its declared length when it has one, otherwise as soon as
 * more was read; one that has not arrived within
 * {@code policygraph.limits.request-body-timeout} with 408 and REQUEST_BODY_TIMEOUT.
 *
 * @param maxBytes the most bytes a body may have
 * @param timeout the longest a body may take to arrive once its headers have
 * @param json reads bodies and writes the refusals
 */
record BodyLimits(long maxBytes, Duration timeout, JsonMapper json) {

	/**
	 * Refuses a request whose declared length is past the limit.
	 * @return whether it was refused
	 */
	boolean refusedByDeclaredLength(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared <= this.maxBytes) {
			return false;
		}
		refuseTooLarge(response, declared);
		return true;
	}

	/**
	 * Refuses a body past the limit.
	 * @param size its declared length, or null when it was seen to be larger by reading
	 */
	void refuseTooLarge(HttpServletResponse response, Long size) throws IOException {
		String message = "The request body is "
				+ ((size != null) ? size + " bytes" : "larger than " + this.maxBytes + " bytes") + "; at most "
				+ this.maxBytes + " bytes are accepted (policygraph.limits.max-request-size)";
		refuse(response, HttpStatus.CONTENT_TOO_LARGE,
				LimitError.of(ErrorCode.REQUEST_TOO_LARGE, message, this.maxBytes, size));
	}

	/**
	 * Refuses a body that did not arrive in time.
	 * @param received how many of its bytes came
	 */
	void refuseTimedOut(HttpServletResponse response, long received) throws IOException {
		refuse(response, HttpStatus.REQUEST_TIMEOUT,
				LimitError.of(ErrorCode.REQUEST_BODY_TIMEOUT,
						"The request body did not arrive within " + this.timeout.toMillis()
								+ " ms (policygraph.limits.request-body-timeout); " + received + " bytes came",
						this.timeout.toMillis(), null));
	}

	/** Answers the request with the error, before it reaches GraphQL. */
	void refuse(HttpServletResponse response, HttpStatus status, GraphQLError error) throws IOException {
		LimitError.write(this.json, response, status, error);
	}

}
