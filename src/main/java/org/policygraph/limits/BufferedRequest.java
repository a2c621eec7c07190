package org.policygraph.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The request with its body already read, which the application reads as it would the
 * connection's stream.
 */
public final class BufferedRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private volatile boolean asFirstDispatch;

	public BufferedRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * Whether the body is JSON ({@code application/json} or any {@code +json} type);
	 * others go to the endpoint.
	 */
	public static boolean isJson(HttpServletRequest request) {
		try {
			MediaType type = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType())
					: null;
			return type != null
					&& (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * The request whose body arrived after its headers, handed to the application in the
	 * container's second dispatch, which it is to take for the request's first: Spring's
	 * filters (the bearer token's, the security headers', the content type check) act on
	 * a request's first dispatch only, and the application has not seen this request
	 * before. Until {@link #firstDispatchDone()}; later dispatches (Spring's own, to
	 * write an answer computed asynchronously) are what they are.
	 */
	static BufferedRequest arrivedLate(HttpServletRequest request, byte[] body) {
		BufferedRequest buffered = new BufferedRequest(request, body);
		buffered.asFirstDispatch = true;
		return buffered;
	}

	void firstDispatchDone() {
		this.asFirstDispatch = false;
	}

	@Override
	public DispatcherType getDispatcherType() {
		return this.asFirstDispatch ? DispatcherType.REQUEST : super.getDispatcherType();
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
			public int available() {
				return in.available();
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
