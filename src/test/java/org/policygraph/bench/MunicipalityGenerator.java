package org.policygraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Writes synthetic municipalities in the dataset's CSV format (see
 * {@code data/README.md}), one folder per municipality, so the real importer reads them.
 * Each is shaped like a whole city's plan: a vision with three pillars,
 * {@link Shape#measures} measures (a fifth of them sub-measures), {@link Shape#programs}
 * programs run by sections of {@link Shape#organizations} organizations, one or two KPIs
 * per program with ten fiscal years of baselines, targets and actuals, three years of
 * budgets, a few partner bodies, and every twentieth program listed under a second
 * measure of another pillar (再掲).
 * <p>
 * Municipality {@code n} depends only on the seed and {@code n}, never on how many are
 * written, so scale 10 holds scale 1's municipality unchanged and the benchmark asks the
 * same questions of the same data at every scale. Keys start with {@code m<n>-} (e.g.
 * {@code m001-prog-0042}).
 */
public final class MunicipalityGenerator {

	/** The size of one municipality. */
	public record Shape(int measures, int programs, int organizations, int partnerBodies) {

		/** About a whole city's plan (Kitakyushu reviewed 1,288 programs in FY2023). */
		public static final Shape CITY = new Shape(40, 1300, 100, 4);

		/** A small one, for the test command's smoke run. */
		public static final Shape TINY = new Shape(12, 300, 12, 2);

	}

	private static final String[] PILLARS = { "稼げるまち", "彩りあるまち", "安らぐまち" };

	private static final String[] LABELS = { "Ⅰ", "Ⅱ", "Ⅲ" };

	private static final String[] THEMES = { "多文化共生", "若者チャレンジ", "子育て支援", "観光振興", "脱炭素", "防災", "高齢者福祉", "地域交通", "文化芸術",
			"健康づくり", "産業振興", "雇用創出", "教育", "農林水産", "デジタル化", "まちづくり", "国際交流", "スポーツ", "環境保全", "女性活躍" };

	private static final String[] OBJECTS = { "推進", "支援", "創造", "強化", "促進", "拠点整備", "人材育成", "ネットワーク構築", "情報発信",
			"調査研究" };

	private static final String[] SECTION_KINDS = { "政策課", "企画課", "振興課", "推進課", "支援課", "管理課", "事業課", "調整課", "計画課" };

	private static final String[] BUREAUS = { "政策局", "総務局", "財政局", "市民文化スポーツ局", "保健福祉局", "子ども家庭局", "環境局", "産業経済局",
			"都市戦略局", "建設局" };

	private static final String ACTUAL_YEARS = "R1 R2 R3 R4 R5 R6 R7";

	private final long seed;

	private final Shape shape;

	public MunicipalityGenerator(long seed, Shape shape) {
		this.seed = seed;
		this.shape = shape;
	}

	/** The folder municipality {@code n} is written to under {@code root}. */
	static Path folder(Path root, int n) {
		return root.resolve(prefix(n));
	}

	/** The key prefix of municipality {@code n}. */
	public static String prefix(int n) {
		return String.format(Locale.ROOT, "m%03d", n);
	}

	/**
	 * Writes municipality {@code n} under {@code root} and returns its folder and how
	 * many rows each file has.
	 */
	public Written write(Path root, int n) {
		Map<String, List<List<Object>>> rows = tables(n);
		Path folder = folder(root, n);
		try {
			Files.createDirectories(folder);
			for (Resource file : datasetFiles()) {
				String name = file.getFilename();
				String table = name.substring(0, name.length() - ".csv".length());
				try (InputStream in = file.getInputStream();
						Writer out = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8)) {
					String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					if (table.equals("units")) {
						// every municipality states the same units; importing them again
						// leaves them unchanged
						out.write(text);
						continue;
					}
					String header = text.lines().findFirst().orElseThrow();
					CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
					out.write(header + "\n");
					for (List<Object> row : rows.getOrDefault(table, List.of())) {
						csv.printRecord(row);
					}
					csv.flush();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		rows.forEach((table, list) -> counts.put(table, list.size()));
		return new Written(folder, counts);
	}

	/**
	 * A written municipality: its folder, and the rows of each file (units not counted).
	 */
	public record Written(Path folder, Map<String, Integer> rows) {
	}

	/**
	 * The dataset's files, as packaged with the service; their headers are the format the
	 * importer reads.
	 */
	private static List<Resource> datasetFiles() throws IOException {
		List<Resource> files = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:data/*.csv")) {
			if (!"manifest.csv".equals(resource.getFilename())) {
				files.add(resource);
			}
		}
		return files;
	}

	private Map<String, List<List<Object>>> tables(int n) {
		SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + n);
		String m = prefix(n);
		String source = m + "-plan";
		String city = "第" + n + "市";
		Map<String, List<List<Object>>> t = new LinkedHashMap<>();
		add(t, "sources", source, city + " 新ビジョン 主要事務事業一覧", "Synthetic municipality " + n, m + ".txt", city, "R8",
				"Generated for the benchmark (seed " + this.seed + ")");
		String plan = m + "-plan";
		add(t, "plans", plan, city + "新ビジョン", "New Vision of synthetic city " + n, "VISION", "", source, "全体");

		for (int p = 1; p <= 3; p++) {
			add(t, "pillars", pillar(m, p), plan, p, LABELS[p - 1], PILLARS[p - 1], null, "「" + PILLARS[p - 1] + "」の実現",
					source, LABELS[p - 1]);
		}

		// measures: four in five are top-level under a pillar (round robin), the rest
		// sub-measures of one of those
		int topLevel = this.shape.measures() - this.shape.measures() / 5;
		List<String> measures = new ArrayList<>();
		int[] pillarOfMeasure = new int[this.shape.measures() + 1];
		int[] ordinalUnder = new int[4];
		for (int i = 1; i <= this.shape.measures(); i++) {
			String key = measure(m, i);
			measures.add(key);
			String parent = null;
			if (i <= topLevel) {
				pillarOfMeasure[i] = (i - 1) % 3 + 1;
				add(t, "measure_pillars", key, pillar(m, pillarOfMeasure[i]), ++ordinalUnder[pillarOfMeasure[i]],
						source, LABELS[pillarOfMeasure[i] - 1] + "/施策" + i);
			}
			else {
				int parentIndex = random.nextInt(topLevel) + 1;
				pillarOfMeasure[i] = pillarOfMeasure[parentIndex];
				parent = measure(m, parentIndex);
			}
			String theme = THEMES[random.nextInt(THEMES.length)];
			add(t, "measures", key, plan, parent, (parent == null) ? null : "(" + (i - topLevel) + ")",
					theme + "の" + OBJECTS[random.nextInt(OBJECTS.length)], "Measure " + i + " of city " + n, source,
					"施策" + i);
		}

		// organizations: bureaus, then sections inside them
		int bureaus = Math.max(1, this.shape.organizations() / 10);
		for (int b = 1; b <= bureaus; b++) {
			add(t, "organizations", organization(m, b), BUREAUS[(b - 1) % BUREAUS.length], "Bureau " + b, "BUREAU",
					source, "組織/" + b);
		}
		for (int o = bureaus + 1; o <= this.shape.organizations(); o++) {
			int bureau = (o - bureaus - 1) % bureaus + 1;
			add(t, "organizations", organization(m, o),
					THEMES[random.nextInt(THEMES.length)] + SECTION_KINDS[random.nextInt(SECTION_KINDS.length)],
					"Section " + o, "SECTION", source, "組織/" + o);
			add(t, "organization_parents", organization(m, o), organization(m, bureau), source, "組織/" + o);
		}
		for (int b = 1; b <= this.shape.partnerBodies(); b++) {
			add(t, "partner_bodies", partnerBody(m, b), THEMES[random.nextInt(THEMES.length)] + "協会",
					"Association " + b, organization(m, (b - 1) % bureaus + 1), source, "政策連携団体/" + b);
		}

		int kpiCount = 0;
		for (int i = 1; i <= this.shape.programs(); i++) {
			String program = program(m, i);
			String theme = THEMES[random.nextInt(THEMES.length)];
			String name = theme + OBJECTS[random.nextInt(OBJECTS.length)] + "事業";
			add(t, "programs", program, name, "Program " + i + " of city " + n,
					theme + "に向け、" + OBJECTS[random.nextInt(OBJECTS.length)] + "の取組を地域と連携して進める。", source, "事業" + i);
			int measureIndex = random.nextInt(this.shape.measures()) + 1;
			add(t, "program_measures", program, measures.get(measureIndex - 1), i, false, source, "事業" + i);
			if (i % 20 == 0) {
				int other = measureIndex;
				while (pillarOfMeasure[other] == pillarOfMeasure[measureIndex]) {
					other = random.nextInt(this.shape.measures()) + 1;
				}
				add(t, "program_measures", program, measures.get(other - 1), i + this.shape.programs(), true, source,
						"事業" + i + "（再掲）");
			}
			int section = bureaus + 1 + random.nextInt(this.shape.organizations() - bureaus);
			add(t, "program_organizations", program, organization(m, section), source, "事業" + i + "/担当課");
			if (random.nextInt(30) == 0) {
				add(t, "program_partners", program, partnerBody(m, random.nextInt(this.shape.partnerBodies()) + 1),
						"委託先", source, "事業" + i + "/事業概要");
			}
			int kpis = (i % 2 == 0) ? 2 : 1;
			for (int k = 1; k <= kpis; k++) {
				String kpi = kpi(m, ++kpiCount);
				kpiAndObservations(t, random, kpi, theme, source, "事業" + i + "/KPI" + k);
				add(t, "program_kpis", program, kpi, k, source, "事業" + i + "/KPI" + k);
			}
			for (String year : List.of("R6", "R7", "R8")) {
				add(t, "budgets", program, year, String.format(Locale.ROOT, "%,d千円", 1_000 + random.nextInt(200_000)),
						source, "事業" + i + "/予算額/" + year);
			}
		}
		return t;
	}

	/**
	 * A KPI measured as a share (%) or a count (件), better higher or lower, with a
	 * baseline for H30, actuals for R1 to R7 drifting from it, a target for R8 and a
	 * mid-term target by R10: the status rule meets every case.
	 */
	private static void kpiAndObservations(Map<String, List<List<Object>>> t, SplittableRandom random, String kpi,
			String theme, String source, String section) {
		boolean share = random.nextBoolean();
		boolean lower = random.nextInt(4) == 0;
		String unit = share ? "%" : "件";
		add(t, "kpis", kpi, theme + (share ? "に満足している市民の割合" : "の相談件数"), "Indicator " + kpi, unit,
				lower ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER", "市民意識調査：毎年度", source, section);
		double base = share ? 30 + random.nextInt(400) / 10.0 : 100 + random.nextInt(5_000);
		double sign = lower ? -1 : 1;
		double goal = base + sign * base * (0.05 + random.nextInt(20) / 100.0);
		add(t, "observations", kpi, "BASELINE", null, "H30", figure(base, share), null, figure(base, share), source,
				section + "/基準値");
		double value = base;
		for (String year : ACTUAL_YEARS.split(" ")) {
			value += sign * base * (random.nextInt(9) - 3) / 100.0;
			value = Math.max(0, value);
			add(t, "observations", kpi, "ACTUAL", null, year, figure(value, share), null,
					year + " " + figure(value, share), source, section + "/実績/" + year);
		}
		add(t, "observations", kpi, "TARGET", "ANNUAL", "R8", figure(goal - sign * base * 0.02, share), null,
				figure(goal - sign * base * 0.02, share), source, section + "/R8目標値");
		add(t, "observations", kpi, "TARGET", "MID_TERM", "R10年度まで", figure(goal, share), null,
				"R10年度までの目標：" + figure(goal, share), source, section + "/中期目標");
	}

	private static String figure(double value, boolean share) {
		return share ? String.format(Locale.ROOT, "%.1f%%", Math.min(100, value))
				: String.format(Locale.ROOT, "%,d件", Math.round(value));
	}

	private static void add(Map<String, List<List<Object>>> t, String table, Object... values) {
		List<Object> row = new ArrayList<>(values.length);
		for (Object value : values) {
			row.add((value == null) ? "" : value);
		}
		t.computeIfAbsent(table, name -> new ArrayList<>()).add(row);
	}

	static String pillar(String m, int p) {
		return m + "-pil-" + p;
	}

	static String measure(String m, int i) {
		return String.format(Locale.ROOT, "%s-ms-%02d", m, i);
	}

	static String program(String m, int i) {
		return String.format(Locale.ROOT, "%s-prog-%04d", m, i);
	}

	static String kpi(String m, int i) {
		return String.format(Locale.ROOT, "%s-kpi-%04d", m, i);
	}

	static String organization(String m, int i) {
		return String.format(Locale.ROOT, "%s-org-%03d", m, i);
	}

	static String partnerBody(String m, int i) {
		return String.format(Locale.ROOT, "%s-pb-%d", m, i);
	}

}
