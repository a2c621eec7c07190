package org.policygraph.persisted;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Documents a client names by their SHA-256 instead of sending them: Apollo's automatic
 * persisted queries ({@code extensions.persistedQuery}) and GraphQL-over-HTTP's
 * {@code documentId}. README.md, "Persisted documents".
 *
 * @param mode {@code open}: any document runs, and one sent with its hash is kept for
 * later requests by hash; {@code allow-list}: only the listed documents run, by text,
 * hash or documentId
 * @param maxEntries how many documents sent with their hash are kept (the least recently
 * used go first); 0 keeps none
 * @param examples whether graphql/examples/*.graphql are listed
 * @param explorer whether the explorer's operations (explore/operations/*.graphql) are
 * listed, so that the page at /explore/ works in the allow-list mode too
 * @param manifest a JSON file of listed documents: {@code {"<sha256>": "<document>"}}
 * (Relay's persisted-queries.json with the SHA256 algorithm) or Apollo's persisted query
 * manifest ({@code {"operations": [{"id", "body"}]}})
 */
@ConfigurationProperties("policygraph.persisted-documents")
public record PersistedDocumentsProperties(@DefaultValue("open") Mode mode, @DefaultValue("500") int maxEntries,
		@DefaultValue("true") boolean examples, @DefaultValue("true") boolean explorer, Resource manifest) {

	public PersistedDocumentsProperties {
		if (maxEntries < 0) {
			throw new IllegalArgumentException(
					"policygraph.persisted-documents.max-entries (" + maxEntries + ") must be 0 or more");
		}
	}

	public enum Mode {

		/** Any document runs; Apollo's automatic persisted queries register documents. */
		OPEN,
		/** Only listed documents run (trusted documents). */
		ALLOW_LIST

	}

}
