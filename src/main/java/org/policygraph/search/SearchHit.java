package org.policygraph.search;

/**
 * A search hit (検索結果): the API record of the node found (its class's simple name is its
 * GraphQL type) and its relevance.
 */
public record SearchHit(Object node, double score) {
}
