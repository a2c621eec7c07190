package org.policygraph.program;

import org.policygraph.reading.NodeReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a program found by id or by search becomes an API record. */
@Configuration(proxyBeanMethods = false)
class ProgramNodeReaders {

	@Bean
	NodeReader programReader() {
		return NodeReader.of("Program", Program.class, Program::of);
	}

}
