package org.a4p.portal.capacity;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

/** The filters of the administration list of capacity assignments (a GET form). */
public class CapacityFilter {

	private @Nullable Capacity capacity;

	private @Nullable String state;

	private CapacityQueries.@Nullable Period period;

	CapacityQueries.Filter toQuery() {
		return new CapacityQueries.Filter(this.capacity, FormText.search(this.state), this.period);
	}

	public @Nullable Capacity getCapacity() {
		return this.capacity;
	}

	public void setCapacity(@Nullable Capacity capacity) {
		this.capacity = capacity;
	}

	public @Nullable String getState() {
		return this.state;
	}

	public void setState(@Nullable String state) {
		this.state = FormText.clean(state);
	}

	public CapacityQueries.@Nullable Period getPeriod() {
		return this.period;
	}

	public void setPeriod(CapacityQueries.@Nullable Period period) {
		this.period = period;
	}

}
