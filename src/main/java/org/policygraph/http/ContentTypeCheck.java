package org.policygraph.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.RefusingFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Refuses a request whose Content-Type is not one concrete media type ({@code * / *},
 * {@code application/*}, or not a media type at all) with 415 and BAD_ARGUMENT, before
 * any handler looks at it: Spring's functional endpoints (the GraphQL one among them)
 * fail with an internal error on such a header instead of refusing it. After the body
 * gate and the CORS filters (http/HttpConfiguration), so that a refused body is read
 * first and the refusal carries the CORS headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ContentTypeCheck extends RefusingFilter {

	ContentTypeCheck(JsonMapper json) {
		super(json);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		String problem = (contentType != null) ? problem(contentType) : null;
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_ARGUMENT,
				"Content-Type " + problem + "; send application/json (or multipart/form-data for uploads)");
	}

	private static String problem(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype() ? "must name one media type, not a wildcard"
					: null;
		}
		catch (InvalidMediaTypeException ex) {
			return "is not a media type";
		}
	}

}
