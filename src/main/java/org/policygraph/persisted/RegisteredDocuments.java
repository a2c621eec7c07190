package org.policygraph.persisted;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents clients sent with their hash (Apollo's automatic persisted queries), by
 * hash, the least recently used dropped first beyond the bound. Only documents that ran
 * are kept, so each passed the query limits; each is at most
 * policygraph.limits.max-characters long, which bounds the memory held. A client whose
 * document was dropped is answered PERSISTED_QUERY_NOT_FOUND and sends it again.
 */
final class RegisteredDocuments {

	private final int maxEntries;

	private final Map<String, String> documents;

	RegisteredDocuments(int maxEntries) {
		this.maxEntries = maxEntries;
		this.documents = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > RegisteredDocuments.this.maxEntries;
			}

		};
	}

	synchronized String find(String hash) {
		return this.documents.get(hash);
	}

	/** Keeps the document; the caller has checked that the hash is its own. */
	synchronized void register(String hash, String document) {
		if (this.maxEntries > 0) {
			this.documents.put(hash, document);
		}
	}

	synchronized int size() {
		return this.documents.size();
	}

}
