package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.stakeholder.M49Regions.StateRegion;
import org.a4p.portal.stakeholder.M49Regions;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * Loads the UN M49 regions of the Member States (V85's tables) from the bundled copy of
 * {@code shared/data/un-m49-regions.csv}, as given: the regions, sub-regions and intermediate regions named
 * there, and each Member State's place among them. Fails if a row names a state the portal does not have.
 */
public class V86__M49_region_data extends BaseJavaMigration {

	private record Region(String code, String level, @Nullable String parent, String nameEn) {
	}

	@Override
	public void migrate(Context context) throws SQLException {
		List<StateRegion> rows = M49Regions.fromClasspath();
		Map<String, Region> regions = new LinkedHashMap<>();
		for (StateRegion row : rows) {
			regions.putIfAbsent(row.regionCode(), new Region(row.regionCode(), "REGION", null, row.regionEn()));
			regions.putIfAbsent(row.subregionCode(),
					new Region(row.subregionCode(), "SUBREGION", row.regionCode(), row.subregionEn()));
			if (row.intermediateCode() != null) {
				regions.putIfAbsent(row.intermediateCode(), new Region(row.intermediateCode(), "INTERMEDIATE",
						row.subregionCode(), String.valueOf(row.intermediateEn())));
			}
		}
		Connection db = context.getConnection();
		// parents first: regions, then sub-regions, then intermediate regions
		try (PreparedStatement ps = db
			.prepareStatement("insert into m49_region (code, level, parent_code, name_en) values (?, ?, ?, ?)")) {
			for (String level : List.of("REGION", "SUBREGION", "INTERMEDIATE")) {
				for (Region region : regions.values()) {
					if (region.level().equals(level)) {
						ps.setString(1, region.code());
						ps.setString(2, region.level());
						ps.setString(3, region.parent());
						ps.setString(4, region.nameEn());
						ps.addBatch();
					}
				}
				ps.executeBatch();
			}
		}
		try (PreparedStatement ps = db.prepareStatement("""
				insert into member_state_region (stakeholder_id, m49_code, region_code, subregion_code, intermediate_code,
				                                 ldc, lldc, sids)
				select s.id, ?, ?, ?, ?, ?, ?, ? from stakeholder s where s.kind = 'MEMBER_STATE' and s.code = ?""")) {
			for (StateRegion row : rows) {
				ps.setString(1, row.m49());
				ps.setString(2, row.regionCode());
				ps.setString(3, row.subregionCode());
				if (row.intermediateCode() != null) {
					ps.setString(4, row.intermediateCode());
				}
				else {
					ps.setNull(4, Types.CHAR);
				}
				ps.setBoolean(5, row.ldc());
				ps.setBoolean(6, row.lldc());
				ps.setBoolean(7, row.sids());
				ps.setString(8, row.iso3());
				if (ps.executeUpdate() != 1) {
					throw new IllegalStateException("M49 regions: no Member State " + row.iso3());
				}
			}
		}
	}

}
