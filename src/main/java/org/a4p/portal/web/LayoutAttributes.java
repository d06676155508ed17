package org.a4p.portal.web;

import java.util.Map;

/**
 * What a module adds to the layout of every page, error pages included (e.g. the demonstration-data
 * banner): a bean of this type is asked on each page rendered.
 */
public interface LayoutAttributes {

	/** Model attributes for the layout, by name. */
	Map<String, ?> layoutAttributes();

}
