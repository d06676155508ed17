package org.a4p.portal.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether illustrative (demonstration) data is present: every page then says so. */
@Service
@Transactional(readOnly = true)
public class DemoDataQuery {

	private final JdbcClient jdbc;

	DemoDataQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean present() {
		return this.jdbc.sql("""
				select exists (select 1 from reporting_cycle where demo)
				    or exists (select 1 from progress_entry where demo)
				    or exists (select 1 from endorsement where demo)
				    or exists (select 1 from capacity_assignment where demo)
				""").query(Boolean.class).single();
	}

}
