package org.policygraph.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.policygraph.support.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request of the hostile-input corpus; the format is described in
 * src/test/resources/hostile/README.md. Large bodies are described (repeat a text n
 * times, a zip bomb of n megabytes) rather than stored.
 */
record HostileCase(String id, String method, String path, String contentType, Map<String, String> headers, String auth,
		JsonNode bodySpec, JsonNode multipartSpec, Expect expect, Writes writes) {

	static HostileCase of(JsonNode json) {
		Map<String, String> headers = new LinkedHashMap<>();
		json.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
		JsonNode expect = json.get("expect");
		List<String> codes = new ArrayList<>();
		expect.path("codes").forEach(c -> codes.add(c.asString()));
		JsonNode status = expect.get("status");
		JsonNode writes = json.get("writes");
		return new HostileCase(json.get("id").asString(), json.get("method").asString(), json.get("path").asString(),
				text(json.get("contentType")), headers, text(json.get("auth")), json.get("body"), json.get("multipart"),
				new Expect((status == null) ? null : status.asString(), codes),
				(writes == null) ? null : Writes.of(writes));
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	@Override
	public String toString() {
		return this.id;
	}

	/**
	 * The bytes to send and their content type (a multipart body brings its own
	 * boundary).
	 */
	Body body() {
		if (this.multipartSpec != null) {
			String boundary = "hostile-" + UUID.randomUUID();
			return new Body(multipart(boundary), "multipart/form-data; boundary=" + boundary);
		}
		return new Body((this.bodySpec == null) ? new byte[0] : bytes(this.bodySpec), this.contentType);
	}

	record Body(byte[] bytes, String contentType) {
	}

	/**
	 * The expected outcome: a status (a number or 4xx) and the codes any one of which the
	 * answer may carry.
	 */
	record Expect(String status, List<String> codes) {

		void check(int actualStatus, String actualCode, String shown) {
			check(actualStatus, actualCode, null, shown);
		}

		/**
		 * As above; a case may name graphql-java's classification instead of the
		 * service's code.
		 */
		void check(int actualStatus, String actualCode, String classification, String shown) {
			if ("4xx".equals(this.status)) {
				assertThat(actualStatus).as(shown).isBetween(400, 499);
			}
			else if (this.status != null) {
				assertThat(actualStatus).as(shown).isEqualTo(Integer.parseInt(this.status));
			}
			if (!this.codes.isEmpty()) {
				assertThat(this.codes.contains(actualCode)
						|| (classification != null && this.codes.contains(classification)))
					.as(shown + ": expected one of " + this.codes)
					.isTrue();
			}
		}

	}

	/**
	 * A case meant to write: the node's property must then hold exactly the text sent,
	 * and nothing but that node (and those in {@code restores}, whose earlier hostile
	 * cell an upload of the whole dataset sets back) may change; with {@code exported},
	 * the node's row of the exported table must hold {@code csv} in that column of the
	 * CSV file, and the text itself as a text cell of the workbook.
	 */
	record Writes(String node, String property, String value, List<String> restores, Exported exported) {

		static Writes of(JsonNode json) {
			List<String> restores = new ArrayList<>();
			json.path("restores").forEach(key -> restores.add(key.asString()));
			JsonNode exported = json.get("exported");
			return new Writes(json.get("node").asString(), json.get("property").asString(),
					json.get("value").asString(), restores,
					(exported == null) ? null : new Exported(exported.get("table").asString(),
							exported.get("column").asString(), exported.get("csv").asString()));
		}

		/**
		 * Whether a line of the graph's fingerprint is about a node this case may change.
		 */
		boolean mayChange(String line) {
			return line.contains(this.node) || this.restores.stream().anyMatch(line::contains);
		}

	}

	record Exported(String table, String column, String csv) {
	}

	static String token(String auth) {
		if (auth == null) {
			return null;
		}
		return switch (auth) {
			case "editor" -> TestTokens.editor("hostile-editor");
			case "reader" -> TestTokens.reader("hostile-reader");
			case "expired" -> TestTokens.expiredEditor("hostile-editor");
			case "stranger" -> TestTokens.editorSignedByStranger("hostile-editor");
			case "garbage" -> "not.a.token";
			case "none-alg" -> base64Url("{\"alg\":\"none\"}") + "." + base64Url("{\"iss\":\"" + TestTokens.ISSUER
					+ "\",\"sub\":\"intruder\",\"roles\":[\"editor\"],\"exp\":4102444800}") + ".";
			default -> throw new IllegalArgumentException("unknown auth " + auth);
		};
	}

	private static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A body: a text, or a list of parts (text, hex, a text repeated, numbered or not),
	 * or a generated file.
	 */
	static byte[] bytes(JsonNode spec) {
		if (spec.isString()) {
			return spec.asString().getBytes(StandardCharsets.UTF_8);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (spec.isArray()) {
			for (JsonNode part : spec) {
				out.writeBytes(part(part));
			}
			return out.toByteArray();
		}
		if (spec.has("zipBomb")) {
			return zipBomb(spec.get("zipBomb").path("entryMegabytes").asInt(),
					spec.get("zipBomb").path("entries").asInt(1));
		}
		if (spec.has("zipOf")) {
			Map<String, byte[]> entries = new LinkedHashMap<>();
			spec.get("zipOf")
				.properties()
				.forEach(e -> entries.put(e.getKey(), e.getValue().asString().getBytes(StandardCharsets.UTF_8)));
			return zip(entries);
		}
		throw new IllegalArgumentException("unknown body " + spec);
	}

	private static byte[] part(JsonNode part) {
		if (part.has("text")) {
			return part.get("text").asString().getBytes(StandardCharsets.UTF_8);
		}
		if (part.has("hex")) {
			return HexFormat.of().parseHex(part.get("hex").asString());
		}
		if (part.has("repeat")) {
			return part.get("repeat").asString().repeat(part.get("times").asInt()).getBytes(StandardCharsets.UTF_8);
		}
		if (part.has("numbered")) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < part.get("times").asInt(); i++) {
				text.append(part.get("numbered").asString().replace("{i}", Integer.toString(i)));
			}
			return text.toString().getBytes(StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException("unknown part " + part);
	}

	/**
	 * A workbook whose sheets inflate to {@code megabytes} each from a few hundred
	 * kilobytes: what a zip bomb disguised as .xlsx looks like to the importer.
	 */
	static byte[] zipBomb(int megabytes, int entries) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("[Content_Types].xml",
				("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
						+ "</Types>")
					.getBytes(StandardCharsets.UTF_8));
		byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] sheet = new byte[megabytes * 1024 * 1024];
		for (int i = 0; i < sheet.length; i++) {
			sheet[i] = row[i % row.length];
		}
		for (int i = 1; i <= entries; i++) {
			files.put("xl/worksheets/sheet" + i + ".xml", sheet);
		}
		return zip(files);
	}

	private static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The multipart body: each item a file, a plain field, or the whole packaged dataset
	 * with one cell replaced.
	 */
	private byte[] multipart(String boundary) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (JsonNode item : this.multipartSpec) {
			if (item.has("dataset")) {
				datasetWithOneCell(item.get("dataset"))
					.forEach((name, bytes) -> filePart(out, boundary, "files", name, "text/csv", bytes));
			}
			else if (item.has("value")) {
				out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
						+ item.get("name").asString() + "\"\r\n\r\n" + item.get("value").asString() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			else {
				filePart(out, boundary, item.get("name").asString(), item.get("filename").asString(),
						item.get("contentType").asString(), bytes(item.get("body")));
			}
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static void filePart(ByteArrayOutputStream out, String boundary, String name, String filename,
			String contentType, byte[] bytes) {
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bytes);
		out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The CSV files of data/ with one cell replaced: in {@code file}, the row whose key
	 * is {@code row}, the column {@code column}; the value is quoted as CSV, unless
	 * {@code raw} asks for it as it is.
	 */
	static Map<String, byte[]> datasetWithOneCell(JsonNode replace) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (var csvs = Files.list(Path.of("data"))) {
			for (Path file : csvs.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("manifest.csv"))
				.sorted()
				.toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				if (file.getFileName().toString().equals(replace.get("file").asString())) {
					text = replaceCell(text, replace.get("row").asString(), replace.get("column").asString(),
							replace.get("value").asString(), replace.path("raw").asBoolean(false));
				}
				files.put(file.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private static String replaceCell(String csv, String row, String column, String value, boolean raw) {
		List<String> lines = new ArrayList<>(List.of(csv.split("\n", -1)));
		int index = List.of(lines.getFirst().split(",")).indexOf(column);
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).startsWith(row + ",")) {
				// the rows chosen have no quoted cells, so a comma always separates cells
				assertThat(lines.get(i)).doesNotContain("\"");
				String[] cells = lines.get(i).split(",", -1);
				cells[index] = raw ? value : "\"" + value.replace("\"", "\"\"") + "\"";
				lines.set(i, String.join(",", cells));
				return String.join("\n", lines);
			}
		}
		throw new IllegalArgumentException("no row " + row);
	}

}
