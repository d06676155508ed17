package org.a4p.portal.demo;

import java.util.Map;

import org.a4p.portal.web.LayoutAttributes;

import org.springframework.stereotype.Component;

/** While demonstration data is present, every page says so (the layout's banner, {@code demoData}). */
@Component
class DemoBanner implements LayoutAttributes {

	private final DemoDataQuery demoData;

	DemoBanner(DemoDataQuery demoData) {
		this.demoData = demoData;
	}

	@Override
	public Map<String, ?> layoutAttributes() {
		return Map.of("demoData", this.demoData.present());
	}

}
