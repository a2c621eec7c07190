package org.policygraph.issue;

import org.policygraph.reading.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a policy issue found by id or by search becomes an API record. */
@Configuration(proxyBeanMethods = false)
class PolicyIssueNodeReaders {

	@Bean
	NodeReader policyIssueReader() {
		return NodeReader.of("PolicyIssue", PolicyIssue.class, PolicyIssue::of);
	}

}
