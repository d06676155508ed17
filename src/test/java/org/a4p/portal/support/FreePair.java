package org.a4p.portal.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commitment and a Member State it applies to in the open cycle, with no entry yet: somewhere a test
 * can write, submit and validate an entry through the portal whatever other data the database holds.
 */
public record FreePair(String cycle, String state, String commitment) {

	/** The first Member State (by code) to which {@code commitment} applies in the open cycle, without an entry. */
	public static FreePair of(JdbcClient jdbc, String commitment) {
		String state = jdbc.sql("""
				select s.code from applicable_pair ap
				join stakeholder s on s.id = ap.stakeholder_id
				join commitment c on c.id = ap.commitment_id
				join reporting_cycle rc on rc.id = ap.cycle_id
				where c.code = ? and rc.state = 'OPEN' and s.kind = 'MEMBER_STATE'
				  and not exists (select 1 from progress_entry pe where pe.cycle_id = rc.id
				                  and pe.commitment_id = c.id and pe.stakeholder_id = s.id)
				order by s.code limit 1
				""").param(commitment).query(String.class).single();
		String cycle = jdbc.sql("select code from reporting_cycle where state = 'OPEN'").query(String.class).single();
		return new FreePair(cycle, state, commitment);
	}

	/** The entry's address: {@code /entries/{cycle}/{state}/{commitment}}. */
	public String path() {
		return "/entries/" + this.cycle + "/" + this.state + "/" + this.commitment;
	}

	/** Where the Secretariat validates it. */
	public String validatePath() {
		return "/review/" + this.cycle + "/" + this.state + "/" + this.commitment + "/validate";
	}

	/** The entry's version now (it must exist). */
	public long version(JdbcClient jdbc) {
		return jdbc.sql("""
				select pe.version from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id join reporting_cycle rc on rc.id = pe.cycle_id
				where s.code = ? and c.code = ? and rc.code = ?
				""").params(this.state, this.commitment, this.cycle).query(Long.class).single();
	}

}
