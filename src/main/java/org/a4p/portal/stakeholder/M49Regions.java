package org.a4p.portal.stakeholder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The UN M49 regions of the 193 Member States as published in {@code shared/data/un-m49-regions.csv} (bundled
 * under {@code src/main/resources/reference}): read as given, for the migration that loads them.
 */
public final class M49Regions {

	public static final String RESOURCE = "reference/un-m49-regions.csv";

	/**
	 * One Member State's row: its M49 code, region, sub-region and (for some) intermediate region, each a code
	 * and the standard's English name, and its membership of the LDC, LLDC and SIDS groups.
	 */
	public record StateRegion(String iso3, String m49, String regionCode, String regionEn, String subregionCode,
			String subregionEn, @Nullable String intermediateCode, @Nullable String intermediateEn, boolean ldc,
			boolean lldc, boolean sids) {
	}

	private M49Regions() {
	}

	/** The bundled copy. */
	public static List<StateRegion> fromClasspath() {
		try (InputStream csv = M49Regions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (csv == null) {
				throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
			}
			return read(csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<StateRegion> read(InputStream csv) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		List<StateRegion> rows = new ArrayList<>();
		try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				rows.add(new StateRegion(row.get("iso3"), row.get("m49"), row.get("region_code"), row.get("region_en"),
						row.get("subregion_code"), row.get("subregion_en"), blankToNull(row.get("intermediate_code")),
						blankToNull(row.get("intermediate_en")), yes(row.get("ldc")), yes(row.get("lldc")),
						yes(row.get("sids"))));
			}
		}
		return List.copyOf(rows);
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static boolean yes(String value) {
		return "Y".equals(value);
	}

}
