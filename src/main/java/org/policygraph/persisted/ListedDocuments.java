package org.policygraph.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The documents the service knows before any request: the example operations
 * (graphql/examples/*.graphql, each file's text as it is), the explorer's operations
 * (explore/operations/*.graphql, the page at /explore/ sends them as they are) and a
 * manifest a client's build wrote. Every entry is keyed by the SHA-256 of its text; a
 * manifest entry whose key is not that hash stops the start, since a client sending that
 * key would run another document than its author meant (Relay writes MD5 keys unless told
 * {@code algorithm: "SHA256"}).
 */
final class ListedDocuments {

	static final String EXAMPLES = "classpath*:graphql/examples/*.graphql";

	static final String EXPLORER = "classpath*:explore/operations/*.graphql";

	private final Map<String, String> byHash;

	ListedDocuments(Map<String, String> byHash) {
		this.byHash = Collections.unmodifiableMap(new LinkedHashMap<>(byHash));
	}

	static ListedDocuments load(PersistedDocumentsProperties properties, JsonMapper json) throws IOException {
		Map<String, String> documents = new LinkedHashMap<>();
		if (properties.examples()) {
			addFiles(documents, EXAMPLES);
		}
		if (properties.explorer()) {
			addFiles(documents, EXPLORER);
		}
		if (properties.manifest() != null) {
			documents.putAll(manifest(properties.manifest(), json));
		}
		return new ListedDocuments(documents);
	}

	private static void addFiles(Map<String, String> documents, String pattern) throws IOException {
		for (Resource file : new PathMatchingResourcePatternResolver(ListedDocuments.class.getClassLoader())
			.getResources(pattern)) {
			String text = file.getContentAsString(StandardCharsets.UTF_8);
			documents.put(DocumentHash.of(text), text);
		}
	}

	/** A manifest's documents by hash, each key checked against its document. */
	static Map<String, String> manifest(Resource manifest, JsonMapper json) throws IOException {
		String where = "policygraph.persisted-documents.manifest (" + manifest.getDescription() + ")";
		if (!manifest.isReadable()) {
			throw new IllegalStateException(where + " cannot be read");
		}
		JsonNode root;
		try (InputStream in = manifest.getInputStream()) {
			root = json.readTree(in);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(where + " is not JSON", ex);
		}
		Map<String, String> documents = new LinkedHashMap<>();
		if (root != null && root.path("operations").isArray()) {
			// Apollo's persisted query manifest
			for (JsonNode operation : root.path("operations")) {
				add(documents, operation.path("id").asString(""), operation.path("body"), where);
			}
		}
		else if (root != null && root.isObject()) {
			// Relay's persisted-queries.json: {"<hash>": "<document>"}
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				add(documents, entry.getKey(), entry.getValue(), where);
			}
		}
		else {
			throw new IllegalStateException(
					where + " is neither {\"<sha256>\": \"<document>\"} nor an Apollo manifest");
		}
		return documents;
	}

	private static void add(Map<String, String> documents, String key, JsonNode document, String where) {
		String hash = key.startsWith("sha256:") ? key.substring("sha256:".length()) : key;
		if (!document.isString()) {
			throw new IllegalStateException(where + ": the entry " + abbreviated(key) + " has no document text");
		}
		String text = document.asString();
		if (!DocumentHash.isHash(hash) || !DocumentHash.normalized(hash).equals(DocumentHash.of(text))) {
			throw new IllegalStateException(where + ": the key " + abbreviated(key)
					+ " is not the SHA-256 of its document (" + DocumentHash.of(text)
					+ "); write the manifest with SHA-256 hashes of the documents' exact text");
		}
		documents.put(DocumentHash.normalized(hash), text);
	}

	private static String abbreviated(String key) {
		return "'" + ((key.length() > 80) ? key.substring(0, 80) + "…" : key) + "'";
	}

	String find(String hash) {
		return this.byHash.get(hash);
	}

	boolean contains(String hash) {
		return this.byHash.containsKey(hash);
	}

	int size() {
		return this.byHash.size();
	}

}
