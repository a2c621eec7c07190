package org.policygraph.organization;

import org.policygraph.system.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How organizations, partner bodies and facilities found by id or by search become API records. */
@Configuration(proxyBeanMethods = false)
class OrganizationNodeReaders {

	@Bean
	NodeReader organizationReader() {
		return new NodeReader("Organization", Organization::of);
	}

	@Bean
	NodeReader partnerBodyReader() {
		return new NodeReader("PartnerBody", PartnerBody::of);
	}

	@Bean
	NodeReader facilityReader() {
		return new NodeReader("Facility", Facility::of);
	}

}
