package org.policygraph.organization;

import org.policygraph.reading.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How organizations, partner bodies and facilities found by id or by search become API
 * records.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationNodeReaders {

	@Bean
	NodeReader organizationReader() {
		return NodeReader.of("Organization", Organization.class, Organization::of);
	}

	@Bean
	NodeReader partnerBodyReader() {
		return NodeReader.of("PartnerBody", PartnerBody.class, PartnerBody::of);
	}

	@Bean
	NodeReader facilityReader() {
		return NodeReader.of("Facility", Facility.class, Facility::of);
	}

}
