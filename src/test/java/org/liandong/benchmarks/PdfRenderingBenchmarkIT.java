package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.cases.Cases;
import org.liandong.cases.NewCase;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.SignedInUser;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * How many official documents (X3) the platform renders as PDF per second: 协助调查函 letters issued
 * the application's way (assistance requests sent by 新华区 to 卫东区), then read back again and again
 * through {@link Documents#pdf(long, SignedInUser)} by the requester, as a download does: the
 * document looked up with the reader's access checked, then rendered in the layout of GB/T 9704-2012
 * with the Chinese font embedded as a subset. Two documents: a short letter (two items of matters)
 * and one whose matters run to about 4,000 characters (several pages); each with one, two and four
 * threads in a closed loop. Besides PDFs per second and render times it records the size of a PDF,
 * its pages, the heap each render allocates (the rendering thread's allocation counter) and the
 * time spent in garbage collection. Two parts of a render are measured on their own as well: the
 * lookup without rendering (the database's share) and the font steps every render repeats (the
 * font collection opened, the face found by name and loaded as a Type 0 font for subsetting, with
 * the same font and PDFBox calls as the renderer), to show where the time of a PDF goes.
 * <p>
 * Not a timed test: it writes the figures to target/benchmarks and docs/benchmarks and fails only
 * when a PDF is not a PDF, a sample does not parse with PDFBox or has an unexpected number of
 * pages, or a render failed. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=PdfRenderingBenchmarkIT}; {@code -Dliandong.bench.pdf.seconds=N}
 * sets the measured time of each part, {@code -Dliandong.bench.pdf.warmup-seconds=N} the warm-up
 * before each part (the first part is preceded by twice as long to compile the hot code).
 */
@Tag("benchmark")
@LiandongIntegrationTest
class PdfRenderingBenchmarkIT {

	private static final int[] THREADS = { 1, 2, 4 };

	/** Letters of each kind, read in turn so that the loop is not about a single row. */
	private static final int LETTERS = 3;

	/** PDFs kept per part for parsing after the measurement. */
	private static final int SAMPLES = 12;

	private static final String REQUESTER = "xinhua.enforcer";

	private static final String ASSISTING_AGENCY = "410403";

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String SHORT_MATTERS = "1. 核实该企业在贵辖区的经营场所及从业人员情况；2. 调取安全教育培训档案。";

	private static final String LEGAL_BASIS = "《中华人民共和国安全生产法》第二十八条、《安全生产违法行为行政处罚办法》";

	/** Matters just under the limit of 4,000 characters, one paragraph per item: a letter of several pages. */
	static final String LONG_MATTERS = longMatters(3_950);

	@Autowired
	Documents documents;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	Cases cases;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Value("${liandong.documents.font:classpath:fonts/uming.ttc}")
	String font;

	@Value("${liandong.documents.font-name:UMingCN}")
	String fontName;

	@Test
	void pdfs_rendered_per_second_for_a_short_and_a_long_letter_with_one_two_and_four_threads() throws Exception {
		assertThat(environment.getRequiredProperty("spring.datasource.url"))
			.as("the benchmark runs on PostgreSQL: ./mvnw verify -Pbenchmark")
			.startsWith("jdbc:postgresql:");
		Duration warmup = Duration.ofSeconds(Long.getLong("liandong.bench.pdf.warmup-seconds", 3));
		Duration length = Duration.ofSeconds(Long.getLong("liandong.bench.pdf.seconds", 10));
		SignedInUser requester = (SignedInUser) users.loadUserByUsername(REQUESTER);
		String loadBefore = BenchmarkEnvironment.loadAverage();

		Letters shortLetters = send("short", "短协查函", SHORT_MATTERS, requester);
		Letters longLetters = send("long", "长协查函", LONG_MATTERS, requester);
		assertThat(shortLetters.pages()).as("pages of the short letter").isPositive();
		assertThat(longLetters.pages()).as("the long letter runs over more pages than the short one")
			.isGreaterThan(shortLetters.pages());

		// the first part starts with the hot code compiled: both letters rendered for twice the warm-up
		long jit = System.nanoTime() + warmup.multipliedBy(2).toNanos();
		for (int n = 0; System.nanoTime() < jit; n++) {
			Letters letters = n % 2 == 0 ? shortLetters : longLetters;
			documents.pdf(letters.ids()[n / 2 % LETTERS], requester);
		}

		List<Part> parts = new ArrayList<>();
		for (Letters letters : List.of(shortLetters, longLetters)) {
			for (int threads : THREADS) {
				parts.add(measure(letters.key(), letters.label(), letters, threads, true, warmup, length,
						id -> documents.pdf(id, requester)));
			}
		}
		List<Part> steps = new ArrayList<>();
		steps.add(measure("lookup", "仅查找公文（读者权限检查与读取，不渲染）", shortLetters, 1, false, warmup, length,
				id -> documents.find(id, requester).body().getBytes(StandardCharsets.UTF_8)));
		File fontFile = fontFile();
		if (fontFile != null) {
			steps.add(measure("font-steps", "字体首次载入（打开字体集、按名查找字体、载入为 Type 0 字体；现只在字体池新增字体时发生）",
					shortLetters, 1, false, warmup, length, id -> fontSteps(fontFile)));
		}

		List<Checked> checked = new ArrayList<>();
		for (Part part : parts) {
			checked.add(check(part));
		}
		write(new Report(warmup, length, loadBefore, shortLetters, longLetters, parts, steps, checked));

		for (Part step : steps) {
			assertThat(step.measured().failed()).as(step.name() + " failures: " + step.measured().failures()).isZero();
		}
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			String name = part.name() + " × " + part.threads();
			assertThat(part.measured().failed()).as(name + " failures: " + part.measured().failures()).isZero();
			assertThat(part.measured().counted()).as(name + " PDFs rendered").isPositive();
			assertThat(checked.get(i).problems()).as(name + ": sampled PDFs that PDFBox read otherwise than expected")
				.isEmpty();
			assertThat(checked.get(i).parsed()).as(name + ": sampled PDFs parsed").isPositive();
		}
	}

	/**
	 * Sends {@value #LETTERS} assistance requests with the given matters, each about a case of its own,
	 * and returns the letters their sending issued, with the pages the first one has.
	 */
	private Letters send(String key, String label, String matters, SignedInUser requester) throws IOException {
		LocalDate answerBy = LocalDate.now(BEIJING).plusDays(30);
		long[] ids = new long[LETTERS];
		List<String> numbers = new ArrayList<>();
		try {
			actAs(requester);
			for (int i = 0; i < LETTERS; i++) {
				long caseId = cases.register(new NewCase(PartyKind.ENTERPRISE, Fixtures.unique("平顶山基准化工有限公司"),
						Fixtures.uscc("410402"), null, SupervisionLevel.COUNTY, "410402", "未按规定开展安全教育培训",
						Severity.GENERAL, "检查中发现该企业未对从业人员进行安全生产教育和培训。", null, null, null, List.of()),
						requester).id();
				AssistanceRequestView draft = requests.create(new NewAssistanceRequest(caseId, ASSISTING_AGENCY, matters,
						LEGAL_BASIS, answerBy, null), requester);
				AssistanceRequestView sent = requests.act(draft.id(), RequestAction.SEND,
						ActionInput.of(draft.version()), requester);
				assertThat(sent.letters()).as("sending issues the letter").isNotEmpty();
				ids[i] = sent.letters().get(sent.letters().size() - 1).documentId();
				numbers.add(sent.number());
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		IssuedDocument first = documents.find(ids[0], requester);
		byte[] pdf = documents.pdf(ids[0], requester);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).as("the letter's number and addressee").contains(first.number(), "平顶山市卫东区应急管理局：");
			return new Letters(key, label, ids, numbers, document.getNumberOfPages(), first.body().length(),
					matters.length());
		}
	}

	/** The audit listener takes the actor from the security context, as during a web request. */
	private static void actAs(SignedInUser user) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(security);
	}

	@FunctionalInterface
	interface Read {

		byte[] read(long id) throws Exception;
	}

	/**
	 * One part: {@code threads} clients in a closed loop reading the letters in turn. Allocation and
	 * size are summed over the reads that start in the measured time; when the reads give PDFs, every
	 * result is checked to be a whole PDF, and a few are kept to be parsed afterwards.
	 */
	private Part measure(String key, String label, Letters letters, int threads, boolean pdf, Duration warmup,
			Duration length, Read read) throws InterruptedException, ExecutionException {
		com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		LongAdder reads = new LongAdder();
		LongAdder bytes = new LongAdder();
		LongAdder allocated = new LongAdder();
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		System.out.printf("%s × %d 线程：预热 %d 秒，测量 %d 秒%n", label, threads, warmup.toSeconds(), length.toSeconds());
		long from = System.nanoTime() + warmup.toNanos();
		// samples spread over the measured time: the first result after each SAMPLES-th of it
		long gap = Math.max(1, length.toNanos() / SAMPLES);
		AtomicLong nextSample = new AtomicLong(from);
		Future<Cpu> cpu = Cpu.over(warmup, length);
		Future<Gc> gc = Gc.over(warmup, length);
		ClosedLoop.Result measured = ClosedLoop.run(threads, warmup, length, (client, n) -> {
			long id = letters.ids()[(int) ((client + n) % letters.ids().length)];
			boolean counted = System.nanoTime() >= from;
			long before = allocation.getCurrentThreadAllocatedBytes();
			byte[] result = read.read(id);
			long after = allocation.getCurrentThreadAllocatedBytes();
			if (pdf && !wholePdf(result)) {
				throw new IllegalStateException("document %d: %d bytes that are not a whole PDF".formatted(id,
						result.length));
			}
			if (counted) {
				reads.increment();
				bytes.add(result.length);
				allocated.add(after - before);
				long due = nextSample.get();
				if (pdf && System.nanoTime() >= due && nextSample.compareAndSet(due, due + gap) && samples.size() < SAMPLES) {
					samples.add(new Sample(id, result));
				}
			}
		});
		Part part = new Part(key, label, letters, threads, measured, cpu.get(), gc.get(), reads.sum(), bytes.sum(),
				allocated.sum(), List.copyOf(samples));
		System.out.printf("%s × %d 线程：%,d 份，%.1f 份/秒，p50 %.1f ms，p95 %.1f ms，每份 %,.0f 字节，分配 %.1f MiB，失败 %d%n",
				label, threads, measured.counted(), measured.perSecond(), measured.percentile(0.5),
				measured.percentile(0.95), part.averageBytes(), part.allocatedMiB(), measured.failed());
		return part;
	}

	/** A PDF as a whole: the header at the start and the end-of-file marker within its last bytes. */
	private static boolean wholePdf(byte[] pdf) {
		if (pdf.length < 64 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			return false;
		}
		return new String(pdf, pdf.length - 32, 32, StandardCharsets.ISO_8859_1).contains("%%EOF");
	}

	/** Parses the part's samples with PDFBox: each must have the pages its letter has. */
	private static Checked check(Part part) {
		List<String> problems = new ArrayList<>();
		int parsed = 0;
		for (Sample sample : part.samples()) {
			try (PDDocument document = Loader.loadPDF(sample.pdf())) {
				parsed++;
				if (document.getNumberOfPages() != part.letters().pages()) {
					problems.add("document %d has %d pages, not %d".formatted(sample.id(), document.getNumberOfPages(),
							part.letters().pages()));
				}
			}
			catch (IOException e) {
				problems.add("document %d: %s".formatted(sample.id(), e));
			}
		}
		return new Checked(parsed, problems);
	}

	private void write(Report r) throws IOException {
		String commit = BenchmarkEnvironment.commit();
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		String collectors = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.collect(Collectors.joining("、"));
		String machine = ("%s，%d 核，内存 %.1f GiB，JVM %s（最大堆 %d MiB，收集器 %s），PostgreSQL %s（同一台机器）；"
				+ "开始测量前的平均负载（1、5、15 分钟）%s").formatted(InetAddress.getLocalHost().getHostName(),
						Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
						System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1024 / 1024, collectors,
						jdbc.queryForObject("show server_version", String.class), r.loadBefore());
		String libraries = "PDFBox %s，openhtmltopdf %s；字体 `%s`（%,d 字节的 TrueType 字体集，嵌入所用字形的子集）".formatted(
				org.apache.pdfbox.util.Version.getVersion(),
				version(com.openhtmltopdf.pdfboxout.PdfRendererBuilder.class), font, fontSize());
		Instant now = Instant.now();

		StringBuilder md = new StringBuilder("# 公文 PDF 生成基准 PDF rendering benchmark\n\n");
		md.append(("由 `./mvnw verify -Pbenchmark -Dit.test=PdfRenderingBenchmarkIT` 生成（`PdfRenderingBenchmarkIT`）。"
				+ "先按应用的方式发出协查请求（新华区致卫东区），由此签发协助调查函，再以请求人（新华区执法人员）的身份"
				+ "反复调用 `Documents.pdf(id, reader)`，与下载公文时相同：核对读者权限、读出公文，按 GB/T 9704-2012 "
				+ "的版式生成 PDF 并嵌入中文字体子集。基准只记录数字，不以速度判定成败。\n\n"));
		md.append("- 日期：%s\n- 提交：%s\n- 机器：%s\n- 库与字体：%s\n".formatted(now, commit, machine, libraries));
		md.append(("- 公文：%s，各 %d 份轮流读取（每份为一件案件的协查函）：%s正文 %,d 字，%d 页；%s协查事项 %,d 字、正文 %,d 字，%d 页\n")
			.formatted(String.join("、", r.shortLetters().label(), r.longLetters().label()), LETTERS,
					r.shortLetters().label(), r.shortLetters().bodyLength(), r.shortLetters().pages(),
					r.longLetters().label(), r.longLetters().mattersLength(), r.longLetters().bodyLength(),
					r.longLetters().pages()));
		md.append(("- 方法：每项若干线程闭环调用（上一份结束即开始下一份），预热 %d 秒后不停顿地测量 %d 秒（第一项之前另以两种公文交替"
				+ "预热 %d 秒，以便热点代码先编译），只计测量时段内结束的调用；耗时为一次 `Documents.pdf` 调用的时间。"
				+ "每份分配堆为调用线程在调用期间分配的字节（`ThreadMXBean#getThreadAllocatedBytes`）；GC 为测量时段内"
				+ "垃圾收集所占的时间比例和次数；CPU 为测量时段内整机（含 PostgreSQL）和 JVM 各占全部处理器时间的比例\n")
			.formatted(r.warmup().toSeconds(), r.length().toSeconds(), r.warmup().toSeconds() * 2));
		md.append(("- 分项：表末两行单独测量一次生成中的两步，单线程，同样预热和测量——“仅查找公文”只调用 `Documents.find`；"
				+ "“仅字体准备”以与生成器相同的字体和 PDFBox 调用（`new TrueTypeCollection(file)`、`getFontByName(\"%s\")`、"
				+ "`PDType0Font.load(document, font, true)`）重复每次生成开头的字体准备，不排版、不写出\n").formatted(fontName));
		md.append(("- 核对（不符即失败）：每份结果都以 `%%PDF-` 开头、以 `%%%%EOF` 结尾；每项抽取至多 %d 份用 PDFBox "
				+ "`Loader.loadPDF` 解析，页数须与该公文相同；第一份还核对了文号和主送机关\n\n").formatted(SAMPLES));

		md.append("| 项目 | 页数 | 线程 | 测量 (s) | 份数 | 每秒 | 每秒页数 | p50 (ms) | p95 (ms) | p99 (ms) | 平均大小 (字节) "
				+ "| 每份分配堆 (MiB) | GC 时间 / 次数 | CPU 整机 / JVM | 抽查解析 | 失败 |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int i = 0; i < r.parts().size(); i++) {
			Part part = r.parts().get(i);
			ClosedLoop.Result m = part.measured();
			md.append("| %s | %d | %d | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %,.0f | %.1f | %s | %s | %d 份 | %d |\n"
				.formatted(part.name(), part.letters().pages(), part.threads(), m.length().toSeconds(),
						m.counted(), m.perSecond(), m.perSecond() * part.letters().pages(), m.percentile(0.5),
						m.percentile(0.95), m.percentile(0.99), part.averageBytes(), part.allocatedMiB(), gc(part.gc()),
						percent(part.cpu()), r.checked().get(i).parsed(), m.failed()));
		}
		for (Part step : r.steps()) {
			ClosedLoop.Result m = step.measured();
			md.append("| %s | — | %d | %d | %,d | %.1f | — | %.2f | %.2f | %.2f | — | %.3f | %s | %s | — | %d |\n".formatted(
					step.name(), step.threads(), m.length().toSeconds(), m.counted(), m.perSecond(), m.percentile(0.5),
					m.percentile(0.95), m.percentile(0.99), step.allocatedMiB(), gc(step.gc()), percent(step.cpu()),
					m.failed()));
		}
		md.append("\n");

		md.append("| 比值 | 值 |\n|---|---:|\n");
		for (Letters letters : List.of(r.shortLetters(), r.longLetters())) {
			List<Part> of = r.parts().stream().filter(p -> p.letters() == letters).toList();
			double single = of.get(0).measured().perSecond();
			for (Part part : of.subList(1, of.size())) {
				md.append("| %s：%d 线程 ÷ 1 线程（份/秒） | %.2f |\n".formatted(letters.label(), part.threads(),
						part.measured().perSecond() / single));
			}
		}
		Part shortSingle = r.parts().get(0);
		double shortP50 = shortSingle.measured().percentile(0.5);
		for (Part step : r.steps()) {
			md.append("| %s：p50 ÷ %s单线程 p50 | %.3f |\n".formatted(step.name().replaceFirst("（.*", ""),
					r.shortLetters().label(), step.measured().percentile(0.5) / shortP50));
			md.append("| %s：每次分配堆 ÷ %s每份分配堆 | %.3f |\n".formatted(step.name().replaceFirst("（.*", ""),
					r.shortLetters().label(), step.allocatedMiB() / shortSingle.allocatedMiB()));
		}
		Part longSingle = r.parts().stream().filter(p -> p.letters() == r.longLetters()).findFirst().orElseThrow();
		md.append("| %s ÷ %s（单线程 p50） | %.2f |\n\n".formatted(r.longLetters().label(), r.shortLetters().label(),
				longSingle.measured().percentile(0.5) / shortP50));

		Path target = Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(target.resolve("pdf-rendering.md"), md);
		Files.writeString(Path.of("docs/benchmarks/pdf-rendering.md"), md);

		StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"pdf-rendering\",\n");
		json.append("  \"date\": \"%s\",\n  \"commit\": \"%s\",\n  \"machine\": \"%s\",\n".formatted(now, commit,
				machine.replace("\"", "'")));
		json.append("  \"warmup_s\": %d,\n  \"duration_s\": %d,\n  \"parts\": [\n".formatted(r.warmup().toSeconds(),
				r.length().toSeconds()));
		List<Part> all = new ArrayList<>(r.parts());
		all.addAll(r.steps());
		for (int i = 0; i < all.size(); i++) {
			Part part = all.get(i);
			ClosedLoop.Result m = part.measured();
			json.append(("    {\"name\": \"%s\", \"pages\": %d, \"threads\": %d, \"count\": %d, \"per_s\": %.2f, "
					+ "\"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, \"avg_bytes\": %.0f, \"alloc_bytes\": %.0f, "
					+ "\"gc_share\": %.3f, \"cpu_machine\": %.2f, \"cpu_jvm\": %.2f, \"failed\": %d}%s\n").formatted(
							part.key(), r.steps().contains(part) ? 0 : part.letters().pages(), part.threads(), m.counted(), m.perSecond(),
							m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), part.averageBytes(),
							part.reads() == 0 ? 0 : (double) part.allocated() / part.reads(), part.gc().share(),
							part.cpu().machine(), part.cpu().jvm(), m.failed(), i < all.size() - 1 ? "," : ""));
		}
		json.append("  ]\n}\n");
		Files.writeString(target.resolve("pdf-rendering.json"), json);
		BenchmarkResults.record(jdbc, "pdf-rendering", r.parts().stream()
			.map(p -> "%s × %d: %.1f/s".formatted(p.key(), p.threads(), p.measured().perSecond()))
			.collect(java.util.stream.Collectors.joining(", ")), md);
		System.out.println(md);
	}


	/** The application's font as a file, or null where it is packed in an archive. */
	private File fontFile() throws IOException {
		Resource resource = new DefaultResourceLoader().getResource(font);
		return resource.isFile() ? resource.getFile() : null;
	}

	/** The font steps of one render, as the renderer takes them: collection opened, face found, Type 0 font loaded. */
	private byte[] fontSteps(File file) throws IOException {
		try (PDDocument pdf = new PDDocument(); TrueTypeCollection collection = new TrueTypeCollection(file)) {
			TrueTypeFont face = collection.getFontByName(fontName);
			assertThat(face).as("font " + fontName + " in " + file).isNotNull();
			PDType0Font.load(pdf, face, true);
			return new byte[0];
		}
	}

	private long fontSize() {
		try {
			return new DefaultResourceLoader().getResource(font).contentLength();
		}
		catch (IOException e) {
			return -1;
		}
	}

	private static String version(Class<?> type) {
		String version = type.getPackage().getImplementationVersion();
		if (version != null) {
			return version;
		}
		// the jar's path in the local repository ends in <artifact>-<version>.jar
		String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("-(\\d[^/]*)\\.jar$").matcher(location);
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static String gc(Gc gc) {
		return "%.1f%% / %d".formatted(gc.share() * 100, gc.collections());
	}

	private static String percent(Cpu cpu) {
		return "%.0f%% / %.0f%%".formatted(cpu.machine() * 100, cpu.jvm() * 100);
	}


	/** Numbered items of an assistance request's matters, one a line, up to about {@code length} characters. */
	static String longMatters(int length) {
		String[] items = { "核实该企业在贵辖区内第%d处经营场所的地址、面积、用途和实际使用人，逐项列明并附现场照片；",
				"调取该企业第%d批次危险化学品的采购、入库、出库和运输记录，核对数量是否一致；",
				"询问该企业第%d名现场负责人，了解安全生产教育和培训的组织情况，制作询问笔录；",
				"查阅贵局对该企业第%d次监督检查的记录、责令整改文书及整改复查意见，复印加盖公章；" };
		StringBuilder matters = new StringBuilder();
		for (int n = 1;; n++) {
			String item = "%d. %s".formatted(n, items[(n - 1) % items.length].formatted((n + 3) / 4));
			if (matters.length() + item.length() + 1 > length) {
				return matters.toString();
			}
			matters.append(matters.isEmpty() ? "" : "\n").append(item);
		}
	}

	/**
	 * The time spent collecting garbage over a window (share of the wall time, summed over the
	 * collectors, so concurrent phases may count on top of pauses) and the number of collections.
	 */
	record Gc(double share, long collections) {

		static Future<Gc> over(Duration delay, Duration length) {
			ExecutorService thread = Executors.newSingleThreadExecutor();
			try {
				return thread.submit(() -> {
					Thread.sleep(delay.toMillis());
					long[] before = totals();
					long start = System.nanoTime();
					Thread.sleep(length.toMillis());
					long[] after = totals();
					double wall = (System.nanoTime() - start) / 1e6;
					return new Gc((after[0] - before[0]) / wall, after[1] - before[1]);
				});
			}
			finally {
				thread.shutdown();
			}
		}

		private static long[] totals() {
			long millis = 0;
			long count = 0;
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				millis += Math.max(0, collector.getCollectionTime());
				count += Math.max(0, collector.getCollectionCount());
			}
			return new long[] { millis, count };
		}
	}

	/**
	 * Letters of one kind: a key for the JSON, a label, their document ids and numbers, the pages of
	 * one, its body and matters in characters.
	 */
	record Letters(String key, String label, long[] ids, List<String> numbers, int pages, int bodyLength,
			int mattersLength) {
	}

	record Sample(long id, byte[] pdf) {
	}

	/**
	 * One part: its key and name, its letters and threads, the run, CPU and GC meanwhile, and over the reads that started
	 * in the measured time their number, bytes returned and heap allocated, with the sampled PDFs.
	 */
	record Part(String key, String name, Letters letters, int threads, ClosedLoop.Result measured, Cpu cpu, Gc gc,
			long reads, long bytes, long allocated, List<Sample> samples) {

		double averageBytes() {
			return reads == 0 ? 0 : (double) bytes / reads;
		}

		double allocatedMiB() {
			return reads == 0 ? 0 : (double) allocated / reads / 1024 / 1024;
		}
	}

	record Checked(int parsed, List<String> problems) {
	}

	record Report(Duration warmup, Duration length, String loadBefore, Letters shortLetters, Letters longLetters,
			List<Part> parts, List<Part> steps, List<Checked> checked) {
	}
}
