package org.policygraph.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.system.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request body larger than the limit with 413 and a REQUEST_TOO_LARGE error, before it is
 * read into a document: by its declared length when it has one, otherwise by reading at most one byte past
 * the limit.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	RequestSizeFilter(long maxBytes, JsonMapper json) {
		this.maxBytes = maxBytes;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response, declared);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(Math.toIntExact(this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			refuse(response, null);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private void refuse(HttpServletResponse response, Long size) throws IOException {
		String message = "The request body is " + ((size != null) ? size + " bytes" : "larger than " + this.maxBytes + " bytes")
				+ "; at most " + this.maxBytes + " bytes are accepted (policygraph.limits.max-request-size)";
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(response.getOutputStream(),
				LimitError.asResponseBody(LimitError.of(ErrorCode.REQUEST_TOO_LARGE, message, this.maxBytes, size)));
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
