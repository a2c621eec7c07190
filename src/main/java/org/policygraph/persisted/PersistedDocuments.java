package org.policygraph.persisted;

import org.policygraph.persisted.PersistedDocumentsProperties.Mode;

/**
 * The documents a request may name by hash, for the endpoint's doors other than POST
 * (GET, see http/GraphQlGet), which must know what a hash names before it runs: a
 * mutation named by hash is refused on GET like one sent as text. The same object serves
 * {@link PersistedDocumentsInterceptor}, which runs them, so both doors follow one rule.
 */
public final class PersistedDocuments {

	/** How a GraphQL-over-HTTP {@code documentId} names a document by its SHA-256. */
	static final String DOCUMENT_ID_PREFIX = "sha256:";

	private final Mode mode;

	private final ListedDocuments listed;

	private final RegisteredDocuments registered;

	PersistedDocuments(Mode mode, ListedDocuments listed, RegisteredDocuments registered) {
		this.mode = mode;
		this.listed = listed;
		this.registered = registered;
	}

	/** Whether only listed documents run (the allow-list mode). */
	boolean onlyListed() {
		return this.mode == Mode.ALLOW_LIST;
	}

	/** Whether the service lists the document with this (lower-case) hash. */
	boolean isListed(String hash) {
		return this.listed.contains(hash);
	}

	/** Keeps a document that ran, so that its hash names it from now on. */
	void keep(String hash, String document) {
		this.registered.register(hash, document);
	}

	/**
	 * The document a hash (64 hexadecimal digits) names: a listed one, or in the open
	 * mode one kept; else null.
	 */
	public String find(String hash) {
		String normalized = DocumentHash.normalized(hash);
		String known = this.listed.find(normalized);
		if (known == null && this.mode == Mode.OPEN) {
			known = this.registered.find(normalized);
		}
		return known;
	}

	/**
	 * Whether the value is a SHA-256 in hexadecimal, either case: what
	 * {@code persistedQuery.sha256Hash} must be.
	 */
	public static boolean isHash(Object value) {
		return DocumentHash.isHash(value);
	}

	/**
	 * The lower-case hash a {@code documentId} ({@code sha256:} and 64 hexadecimal
	 * digits) names, or null.
	 */
	public static String hashOfDocumentId(String documentId) {
		if (documentId == null || !documentId.startsWith(DOCUMENT_ID_PREFIX)
				|| !DocumentHash.isHash(documentId.substring(DOCUMENT_ID_PREFIX.length()))) {
			return null;
		}
		return DocumentHash.normalized(documentId.substring(DOCUMENT_ID_PREFIX.length()));
	}

	/** The SHA-256 of a document's text (UTF-8), lower-case hexadecimal. */
	public static String hashOf(String document) {
		return DocumentHash.of(document);
	}

}
