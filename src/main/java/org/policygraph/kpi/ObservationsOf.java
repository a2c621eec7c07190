package org.policygraph.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.policygraph.reading.AsOf;

/**
 * The key of the batch loader behind {@code Kpi.observations}: an indicator at an
 * instant, and what is read of each of its observations.
 */
record ObservationsOf(AsOf kpi, ObservationFields fields) {

	/** One statement for each distinct projection and instant asked for (usually one). */
	static Map<ObservationsOf, List<Observation>> load(Set<ObservationsOf> keys, KpiRepository kpis) {
		Map<ObservationsOf, List<Observation>> result = new LinkedHashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy(ObservationsOf::fields, LinkedHashMap::new,
					Collectors.mapping(ObservationsOf::kpi, Collectors.toSet())))
			.forEach((fields, asOfs) -> AsOf.load(asOfs, (ids, at) -> kpis.findObservations(ids, at, fields))
				.forEach((asOf, observations) -> result.put(new ObservationsOf(asOf, fields), observations)));
		return result;
	}

}
