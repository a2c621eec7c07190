package org.policygraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks written part by part, as a spreadsheet program writes them, for tests that
 * need sheets POI's own writer does not make: huge ones (streamed, never held in memory
 * whole), ones with shared formulas or phonetic guides, and ones whose zip directory lies
 * about their size.
 */
final class TestWorkbooks {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	/** Writes a sheet's {@code <sheetData>} content. */
	interface SheetData {

		void write(OutputStream out) throws IOException;

	}

	private TestWorkbooks() {
	}

	/**
	 * A workbook of the sheets given (name to rows), each sheet's XML deflated at
	 * {@code level}.
	 */
	static byte[] workbook(Map<String, SheetData> sheets, int level) {
		return workbook(sheets, level, Map.of());
	}

	/** As above, with further parts (path to XML), e.g. {@code xl/sharedStrings.xml}. */
	static byte[] workbook(Map<String, SheetData> sheets, int level, Map<String, String> parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(level);
			StringBuilder overrides = new StringBuilder();
			StringBuilder list = new StringBuilder();
			StringBuilder relationships = new StringBuilder();
			int n = 0;
			for (String name : sheets.keySet()) {
				n++;
				overrides.append("<Override PartName=\"/xl/worksheets/sheet")
					.append(n)
					.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
				list.append("<sheet name=\"")
					.append(name)
					.append("\" sheetId=\"")
					.append(n)
					.append("\" r:id=\"rId")
					.append(n)
					.append("\"/>");
				relationships.append("<Relationship Id=\"rId")
					.append(n)
					.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
					.append(n)
					.append(".xml\"/>");
			}
			if (parts.containsKey("xl/sharedStrings.xml")) {
				overrides.append(
						"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
				relationships.append(
						"<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
			}
			put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ overrides + "</Types>");
			put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
					+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ list + "</sheets></workbook>");
			put(zip, "xl/_rels/workbook.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ relationships + "</Relationships>");
			for (Map.Entry<String, String> part : parts.entrySet()) {
				put(zip, part.getKey(), part.getValue());
			}
			n = 0;
			for (SheetData data : sheets.values()) {
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + ++n + ".xml"));
				zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>")
					.getBytes(StandardCharsets.UTF_8));
				data.write(zip);
				zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A sheet of the given rows' XML. */
	static SheetData rows(String xml) {
		return out -> out.write(xml.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * About {@code megabytes} of rows of four text cells, varied just enough that,
	 * deflated fast, the sheet shrinks to about 1/80 of that: a ratio above the 1/100 POI
	 * takes for a zip bomb, as a stranger's probe did.
	 */
	static SheetData inflating(int megabytes) {
		Random random = new Random(megabytes);
		StringBuilder block = new StringBuilder();
		while (block.length() < 1 << 20) {
			block.append("<row>");
			for (int c = 0; c < 4; c++) {
				block.append("<c t=\"inlineStr\"><is><t>")
					.append((c == 0) ? (char) ('a' + random.nextInt(16)) : 'k')
					.append("itakyushu policy measure text</t></is></c>");
			}
			block.append("</row>");
		}
		byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
		return out -> {
			for (long written = 0; written < megabytes * 1024L * 1024; written += bytes.length) {
				out.write(bytes);
			}
		};
	}

	/**
	 * The same zip with every entry's size in the central directory said to be
	 * {@code size} bytes: what the directory says is only a claim, and the entries
	 * inflate to what they always did.
	 */
	static byte[] understated(byte[] zip, int size) {
		byte[] copy = zip.clone();
		ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
		// the end of central directory record, without a comment, is the last 22 bytes
		int end = copy.length - 22;
		int entries = buffer.getShort(end + 10) & 0xffff;
		int at = buffer.getInt(end + 16);
		for (int e = 0; e < entries; e++) {
			// a central directory file header: the uncompressed size at offset 24
			buffer.putInt(at + 24, size);
			at += 46 + (buffer.getShort(at + 28) & 0xffff) + (buffer.getShort(at + 30) & 0xffff)
					+ (buffer.getShort(at + 32) & 0xffff);
		}
		return copy;
	}

	/** The sheets in order, for {@link #workbook}. */
	static Map<String, SheetData> sheets(Object... nameAndData) {
		Map<String, SheetData> sheets = new LinkedHashMap<>();
		for (int i = 0; i < nameAndData.length; i += 2) {
			sheets.put((String) nameAndData[i], (SheetData) nameAndData[i + 1]);
		}
		return sheets;
	}

	private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
