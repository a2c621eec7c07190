package org.policygraph.reading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Turns what a repository answers for a batch of parent keys into a
 * {@code @BatchMapping}'s answer: every parent, in the batch's order, with its value.
 * Repositories take parent keys and answer maps keyed by them; controllers only say which
 * key a parent has and which repository method reads the field.
 */
public final class Batches {

	private Batches() {
	}

	/** A list field: each parent's children, an empty list for a parent without any. */
	public static <P, V> Map<P, List<V>> lists(List<P> parents, Function<P, String> key,
			Function<Collection<String>, Map<String, List<V>>> read) {
		Map<String, List<V>> byKey = read.apply(keys(parents, key));
		return ordered(parents, parent -> byKey.getOrDefault(key.apply(parent), List.of()));
	}

	/**
	 * A single-valued field answered by a statement that may find several children: the
	 * first, in the statement's order; a parent without one is left out (null in
	 * GraphQL).
	 */
	public static <P, V> Map<P, V> first(List<P> parents, Function<P, String> key,
			Function<Collection<String>, Map<String, List<V>>> read) {
		Map<String, List<V>> byKey = read.apply(keys(parents, key));
		return present(parents, key, parentKey -> {
			List<V> children = byKey.get(parentKey);
			return (children == null || children.isEmpty()) ? null : children.getFirst();
		});
	}

	/**
	 * A field with one value per parent key; a parent without one (or with null) is left
	 * out.
	 */
	public static <P, V> Map<P, V> values(List<P> parents, Function<P, String> key,
			Function<Collection<String>, Map<String, V>> read) {
		Map<String, V> byKey = read.apply(keys(parents, key));
		return present(parents, key, byKey::get);
	}

	/**
	 * Registers the named {@code DataLoader} behind a field that takes arguments, or that
	 * several fields share: its keys say what is asked, and one call of {@code load}
	 * answers a whole batch of them.
	 */
	public static <K, V> void loader(BatchLoaderRegistry registry, String name, Function<Set<K>, Map<K, V>> load) {
		registry.<K, V>forName(name)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load.apply(keys)));
	}

	/** Every parent, in the batch's order, with a value computed from it. */
	public static <P, V> Map<P, V> ordered(List<P> parents, Function<P, V> value) {
		Map<P, V> result = new LinkedHashMap<>();
		parents.forEach(parent -> result.put(parent, value.apply(parent)));
		return result;
	}

	/** The distinct keys of a batch of parents, for {@code $ids}. */
	public static <P> List<String> keys(Collection<P> parents, Function<P, String> key) {
		return parents.stream().map(key).distinct().toList();
	}

	private static <P, V> Map<P, V> present(List<P> parents, Function<P, String> key, Function<String, V> value) {
		Map<P, V> result = new LinkedHashMap<>();
		for (P parent : parents) {
			V found = value.apply(key.apply(parent));
			if (found != null) {
				result.put(parent, found);
			}
		}
		return result;
	}

}
