package org.policygraph.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.policygraph.PolicyGraphApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started as {@code main} would start it, on a free port, with the
 * given properties.
 */
public final class RunningService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private RunningService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the service with the properties (name=value); on a free port chosen at start
	 * unless server.port is given.
	 */
	public static RunningService start(String... properties) {
		List<String> args = new ArrayList<>();
		for (String property : properties) {
			args.add("--" + property);
		}
		if (args.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
			args.add("--server.port=0");
		}
		return new RunningService(
				new SpringApplicationBuilder(PolicyGraphApplication.class).run(args.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public String post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public String get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	public String graphQl(String query) {
		return post("/graphql", "{\"query\": \"" + query.replace("\"", "\\\"") + "\"}");
	}

	private URI uri(String path) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private String send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
