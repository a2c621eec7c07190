package org.policygraph.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;

/**
 * Lets a request into the application only once its whole body has arrived, and waits for
 * the body without holding a thread. A blocking read holds one of Tomcat's worker threads
 * for as long as the client takes to send (Tomcat has no minimum data rate, and its read
 * timeout restarts with every byte), and so does Tomcat's reading of a body the
 * application left unread, after the answer: two hundred clients sending a byte every few
 * seconds held every thread, and ordinary requests waited behind them.
 * <ul>
 * <li>A body that came with its headers (every small body of an ordinary client, nearly
 * always) is read at once and the request goes on as before.</li>
 * <li>Otherwise the rest is read with the Servlet API's non-blocking reads, no thread
 * held between them; when it is all there, the request is dispatched again and the
 * application takes that dispatch for its first
 * ({@link BufferedRequest#arrivedLate}).</li>
 * <li>A body still incomplete after {@code policygraph.limits.request-body-timeout} is
 * answered 408 with REQUEST_BODY_TIMEOUT, a body larger than
 * {@code policygraph.limits.max-request-size} 413 with REQUEST_TOO_LARGE; Tomcat closes
 * the connection after either, without reading the rest.</li>
 * </ul>
 * Runs before every filter that may refuse a request (only the CORS headers filter, which
 * refuses nothing with a body, comes first), on every path, so that no refusal made
 * before it (a bad token, a bad content type, a path served by nothing) leaves Tomcat to
 * read a slow body after the answer. Uploads are the one exception: the multipart parser
 * streams them to disk, and they may be far larger than any body kept in memory.
 */
record RequestBodyGate(BodyLimits limits, String uploadPath) implements Filter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyGate.class);

	/**
	 * The request attribute that carries a late body from the read to the dispatch that
	 * hands it on.
	 */
	static final String ARRIVED_BODY = RequestBodyGate.class.getName() + ".body";

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		if (request.getDispatcherType() == DispatcherType.ASYNC) {
			handOnLateBody(request, response, chain);
			return;
		}
		if (!hasBody(request) || isUpload(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (this.limits.refusedByDeclaredLength(request, response)) {
			return;
		}
		ServletInputStream in = request.getInputStream();
		Body body = new Body(this.limits.maxBytes(), request.getContentLengthLong());
		// in blocking mode Tomcat's available() tells whether bytes are already buffered,
		// so these reads never wait
		body.readWhile(in, () -> in.available() > 0);
		if (body.tooLarge()) {
			this.limits.refuseTooLarge(response, null);
		}
		else if (body.complete()) {
			chain.doFilter(new BufferedRequest(request, body.bytes()), response);
		}
		else {
			AsyncContext async = request.startAsync();
			async.setTimeout(this.limits.timeout().toMillis());
			Arrival arrival = new Arrival(request, response, async, in, body);
			async.addListener(arrival);
			in.setReadListener(arrival);
		}
	}

	/**
	 * The dispatch that follows a late body's arrival, or one of Spring's own (which
	 * passes).
	 */
	private static void handOnLateBody(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request.getAttribute(ARRIVED_BODY) instanceof byte[] body)) {
			chain.doFilter(request, response);
			return;
		}
		request.removeAttribute(ARRIVED_BODY);
		BufferedRequest arrived = BufferedRequest.arrivedLate(request, body);
		try {
			chain.doFilter(arrived, response);
		}
		finally {
			arrived.firstDispatchDone();
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private boolean isUpload(HttpServletRequest request) {
		String contentType = request.getContentType();
		return this.uploadPath.equals(request.getRequestURI().substring(request.getContextPath().length()))
				&& contentType != null && contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
						MediaType.MULTIPART_FORM_DATA_VALUE.length());
	}

	/** The bytes of a body read so far, at most one past the limit. */
	static final class Body {

		private final long maxBytes;

		private final long declared;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final byte[] chunk = new byte[8192];

		private boolean ended;

		Body(long maxBytes, long declared) {
			this.maxBytes = maxBytes;
			this.declared = declared;
		}

		interface Ready {

			boolean now() throws IOException;

		}

		/**
		 * Reads while the stream has bytes ready, until the body is complete or past the
		 * limit.
		 */
		void readWhile(ServletInputStream in, Ready ready) throws IOException {
			while (!complete() && !tooLarge() && ready.now()) {
				int n = in.read(this.chunk, 0,
						(int) Math.min(this.chunk.length, this.maxBytes + 1 - this.bytes.size()));
				if (n < 0) {
					this.ended = true;
					return;
				}
				this.bytes.write(this.chunk, 0, n);
			}
		}

		/** Complete at its declared length or, without one (chunked), at its end. */
		boolean complete() {
			return this.ended || (this.declared >= 0 && this.bytes.size() >= this.declared);
		}

		boolean tooLarge() {
			return this.bytes.size() > this.maxBytes;
		}

		int size() {
			return this.bytes.size();
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

	/**
	 * The rest of one body, read as it arrives. The container calls these one at a time
	 * for a request; whichever settles the request first (the body complete, too large,
	 * the deadline, an error) is the only one that acts.
	 */
	private final class Arrival implements ReadListener, AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final AsyncContext async;

		private final ServletInputStream in;

		private final Body body;

		private final AtomicBoolean settled = new AtomicBoolean();

		Arrival(HttpServletRequest request, HttpServletResponse response, AsyncContext async, ServletInputStream in,
				Body body) {
			this.request = request;
			this.response = response;
			this.async = async;
			this.in = in;
			this.body = body;
		}

		@Override
		public void onDataAvailable() throws IOException {
			this.body.readWhile(this.in, this.in::isReady);
			if (this.body.tooLarge() && this.settled.compareAndSet(false, true)) {
				RequestBodyGate.this.limits.refuseTooLarge(this.response, null);
				this.async.complete();
			}
			else if (this.body.complete()) {
				onAllDataRead();
			}
		}

		@Override
		public void onAllDataRead() {
			if (this.settled.compareAndSet(false, true)) {
				this.request.setAttribute(ARRIVED_BODY, this.body.bytes());
				this.async.dispatch();
			}
		}

		@Override
		public void onError(Throwable failure) {
			// the connection failed or its read timed out: nobody is left to answer
			if (this.settled.compareAndSet(false, true)) {
				log.debug("A request body stopped arriving: {}", failure.toString());
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			if (this.settled.compareAndSet(false, true)) {
				RequestBodyGate.this.limits.refuseTimedOut(this.response, this.body.size());
				this.async.complete();
			}
		}

		@Override
		public void onError(AsyncEvent event) {
			onError(event.getThrowable());
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
