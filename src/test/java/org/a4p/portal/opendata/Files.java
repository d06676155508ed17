package org.a4p.portal.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads downloads back as a reader's tools would: CSV with commons-csv (the BOM stripped), XLSX with POI. */
final class Files {

	/** The rows of a file, its heading row first. */
	record Rows(List<String> headings, List<List<String>> rows) {

		List<String> column(int index) {
			return this.rows.stream().map((r) -> r.get(index)).toList();
		}

		List<String> row(int column, String key) {
			return this.rows.stream().filter((r) -> r.get(column).equals(key)).findFirst()
				.orElseThrow(() -> new AssertionError("no row " + key));
		}

	}

	/** A cell of an XLSX file: its type, its value, its number format. */
	record XlsxCell(CellType type, Object value, String format) {
	}

	private Files() {
	}

	/** A CSV download: it must start with the UTF-8 byte order mark. */
	static Rows csv(byte[] body) throws IOException {
		assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		try (BOMInputStream in = BOMInputStream.builder()
			.setInputStream(new ByteArrayInputStream(body))
			.setByteOrderMarks(ByteOrderMark.UTF_8)
			.setInclude(false)
			.get();
				CSVParser parser = CSVFormat.EXCEL.builder().get()
					.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			List<CSVRecord> records = parser.getRecords();
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : records.subList(1, records.size())) {
				rows.add(record.toList());
			}
			return new Rows(records.get(0).toList(), rows);
		}
	}

	/** The cells of the first sheet of an XLSX download, heading row first. */
	static List<List<XlsxCell>> xlsx(byte[] body) throws IOException {
		try (InputStream in = new ByteArrayInputStream(body); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			int width = sheet.getRow(0).getLastCellNum();
			List<List<XlsxCell>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<XlsxCell> cells = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					cells.add(cell(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	private static XlsxCell cell(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return new XlsxCell(CellType.BLANK, "", "");
		}
		String format = cell.getCellStyle().getDataFormatString();
		if (cell.getCellType() == CellType.NUMERIC) {
			Object value = DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
					: cell.getNumericCellValue();
			return new XlsxCell(CellType.NUMERIC, value, format);
		}
		return new XlsxCell(cell.getCellType(), cell.getStringCellValue(), format);
	}

}
