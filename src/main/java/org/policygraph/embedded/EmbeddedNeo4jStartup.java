package org.policygraph.embedded;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded Neo4j on its own thread as soon as the application context exists,
 * so that the database boots while Spring builds the rest of the service; the
 * {@link EmbeddedNeo4jServer} bean waits for it. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class EmbeddedNeo4jStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "embeddedNeo4jStartup";

	private final CompletableFuture<EmbeddedNeo4jServer> server;

	public EmbeddedNeo4jStartup() {
		this.server = null;
	}

	private EmbeddedNeo4jStartup(CompletableFuture<EmbeddedNeo4jServer> server) {
		this.server = server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!EmbeddedNeo4jCondition.isEmbedded(environment)) {
			return;
		}
		EmbeddedNeo4jProperties properties = Binder.get(environment)
			.bindOrCreate("policygraph.embedded", EmbeddedNeo4jProperties.class);
		CompletableFuture<EmbeddedNeo4jServer> server = new CompletableFuture<>();
		String styleCommand = browserStyleCommand(environment);
		BoltOrigins origins = boltOrigins(environment, properties);
		Thread.ofPlatform().name("embedded-neo4j-start").start(() -> {
			try {
				server.complete(EmbeddedNeo4jServer.start(properties, styleCommand, origins));
			}
			catch (Throwable ex) {
				server.completeExceptionally(ex);
			}
		});
		context.getBeanFactory().registerSingleton(BEAN_NAME, new EmbeddedNeo4jStartup(server));
	}

	/**
	 * Neo4j Browser loads the PolicyGraph style after connecting, from this service; only
	 * where the HTTP port is known before start (not with {@code server.port=0}).
	 */
	static String browserStyleCommand(ConfigurableEnvironment environment) {
		int port = environment.getProperty("server.port", Integer.class, 8080);
		return (port > 0) ? "style http://localhost:" + port + "/browser-assets/style.grass" : null;
	}

	/**
	 * Pages of the service's own Neo4j Browser (when it is served) and the configured
	 * origins may open Bolt's WebSocket.
	 */
	static BoltOrigins boltOrigins(ConfigurableEnvironment environment, EmbeddedNeo4jProperties properties) {
		boolean browser = environment.getProperty("policygraph.browser.enabled", Boolean.class, true);
		List<String> configured = (properties.boltAllowedOrigins() != null) ? properties.boltAllowedOrigins()
				: List.of();
		return new BoltOrigins(browser, environment.getProperty("policygraph.browser.public-url"),
				environment.getProperty("server.port", Integer.class, 8080), configured);
	}

	/** The started server, once it is up; the start's own exception if it failed. */
	EmbeddedNeo4jServer await() {
		try {
			return this.server.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

}
