package org.a4p.portal.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference catalogue, read from the classpath once, at startup. */
@Configuration(proxyBeanMethods = false)
class ReferenceData {

	@Bean
	ReferenceCatalogue referenceCatalogue() {
		return ReferenceCatalogue.fromClasspath();
	}

}
