package org.policygraph.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The city's clock: "today" (for retirement dates, as-of dates and the current fiscal
 * year) is a day in Japan, whatever the server's time zone.
 */
@Configuration(proxyBeanMethods = false)
class CityClockConfiguration {

	@Bean
	Clock cityClock(@Value("${policygraph.time-zone:Asia/Tokyo}") ZoneId zone) {
		return Clock.system(zone);
	}

}
