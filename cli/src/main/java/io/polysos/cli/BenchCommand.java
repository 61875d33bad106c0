package io.polysos.cli;

import io.polysos.moment.MomentRelaxation;
import io.polysos.nn.Loss;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.TrainingCompiler;
import io.polysos.pop.Pop;
import io.polysos.sdp.csdp.CsdpExecutable;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpaFormat;
import io.polysos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polysos bench}: benchmarking commands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark SDP backends side by side (the JMH suite lives in benchmarks/).",
        subcommands = {BenchCommand.Compare.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (compare)");
    }

    /** A problem of a benchmark set with its reference optimal value (NaN when unknown). */
    public record BenchProblem(String name, Supplier<SdpProblem> problem, double reference, String expectedStatus) {
    }

    /** Extra problem sets registered by other layers (e.g. the relaxations of the paper's instances). */
    static final Map<String, java.util.function.Function<Path, List<BenchProblem>>> SETS = new LinkedHashMap<>();

    static {
        SETS.put("sdplib", BenchCommand::sdplib);
        SETS.put("paper", BenchCommand::paper);
    }

    /** Order of the paper set's relaxations (the paper's k = 3). */
    static final int PAPER_ORDER = 3;
    /** Radius of the paper set's redundant ball (R^2 = 100, as in the instance files' references). */
    static final double PAPER_BALL = 10.0;

    /**
     * The order-3 moment relaxations of the paper loss of every network instance in the data
     * folder, with the ball 100 - |z|^2 &gt;= 0; the reference is the instance's
     * {@code reference.lowerBound} when it has one.
     */
    static List<BenchProblem> paper(Path data) {
        Path dir = data.resolve("networks");
        List<BenchProblem> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            List<Path> files = new ArrayList<>();
            ds.forEach(files::add);
            files.sort(null);
            for (Path f : files) {
                NetworkInstance inst = NetworkInstanceFormat.read(f);
                Pop pop = TrainingCompiler.compile(inst.network(), inst.train(), Loss.PAPER).toPop(PAPER_BALL);
                if (pop.minimumOrder() > PAPER_ORDER) {
                    continue;
                }
                double ref = inst.referenceValue("lowerBound").orElse(Double.NaN);
                String name = f.getFileName().toString().replace(".json", "") + "@k" + PAPER_ORDER;
                out.add(new BenchProblem(name, () -> MomentRelaxation.build(pop, PAPER_ORDER).sdpProblem().withName(name),
                        ref, "OPTIMAL"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The SDPLIB files of the data folder with the references of its README table. */
    static List<BenchProblem> sdplib(Path data) {
        Path dir = data.resolve("sdplib");
        Map<String, Double> refs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            Path readme = dir.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                Pattern row = Pattern.compile("^\\|\\s*(\\S+)\\s*\\|[^|]*\\|[^|]*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|");
                for (String line : Files.readAllLines(readme)) {
                    Matcher m = row.matcher(line);
                    if (m.find()) {
                        String ref = m.group(3).split("/")[0].trim();
                        String opt = m.group(2);
                        if (opt.contains("(P) infeasible")) {
                            expected.put(m.group(1), "INFEASIBLE");
                        } else if (opt.contains("unbounded")) {
                            expected.put(m.group(1), "UNBOUNDED");
                        }
                        try {
                            refs.put(m.group(1), Double.parseDouble(ref));
                        } catch (NumberFormatException e) {
                            // infeasible / unbounded rows
                        }
                    }
                }
            }
            List<BenchProblem> out = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.dat-s")) {
                List<Path> files = new ArrayList<>();
                ds.forEach(files::add);
                files.sort(null);
                for (Path f : files) {
                    String name = f.getFileName().toString().replace(".dat-s", "");
                    out.add(new BenchProblem(name, () -> {
                        try {
                            return SdpaFormat.read(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, refs.getOrDefault(name, Double.NaN), expected.getOrDefault(name, "OPTIMAL")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Problems given as files: an SDPA file ({@code .dat-s}) as it is; a network instance
     * ({@code polysos-network-instance/1}) as its paper-loss relaxation at {@code order} with the
     * ball of the paper set; a polynomial program ({@code polysos-pop/1}) as its relaxation at
     * max(order, k0) (order 0: k0), with its own constraints only.
     */
    static List<BenchProblem> files(List<Path> files, int order) {
        List<BenchProblem> out = new ArrayList<>();
        for (Path f : files) {
            String base = f.getFileName().toString();
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such file: " + f);
            }
            if (base.endsWith(".dat-s")) {
                String name = base.substring(0, base.length() - ".dat-s".length());
                out.add(new BenchProblem(name, () -> {
                    try {
                        return SdpaFormat.read(f).withName(name);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
                    }
                }, Double.NaN, "OPTIMAL"));
                continue;
            }
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
            String stem = base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
            if (text.contains(io.polysos.pop.PopReader.FORMAT)) {
                Pop pop = io.polysos.pop.PopReader.read(f).problem();
                int k = Math.max(order, pop.minimumOrder());
                String name = stem + "@k" + k;
                out.add(new BenchProblem(name, () -> MomentRelaxation.build(pop, k).sdpProblem().withName(name),
                        Double.NaN, "OPTIMAL"));
            } else {
                NetworkInstance inst;
                try {
                    inst = NetworkInstanceFormat.read(f);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(f + " is neither an SDPA file (.dat-s), a polynomial program "
                            + "(" + io.polysos.pop.PopReader.FORMAT + ") nor a network instance: " + e.getMessage(), e);
                }
                Pop pop = TrainingCompiler.compile(inst.network(), inst.train(), Loss.PAPER).toPop(PAPER_BALL);
                int k = Math.max(order == 0 ? PAPER_ORDER : order, pop.minimumOrder());
                String name = stem + "@k" + k;
                double ref = k == PAPER_ORDER ? inst.referenceValue("lowerBound").orElse(Double.NaN) : Double.NaN;
                out.add(new BenchProblem(name, () -> MomentRelaxation.build(pop, k).sdpProblem().withName(name),
                        ref, "OPTIMAL"));
            }
        }
        return out;
    }

    /** {@code polysos bench compare}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Solve every problem of a set with every chosen backend (interleaved, R repetitions) and "
                    + "write a Markdown and a CSV table: median time, iterations, status, objective error, DIMACS errors.")
    static final class Compare implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        /** The external column of the pure backend run cold, one new JVM per solve. */
        static final String PURE_COLD = "pure-cold";

        @Option(names = "--solvers", split = ",", paramLabel = "NAMES",
                description = "Backends to compare (default: every available one; none for outside solvers only).")
        List<String> solvers;

        @Option(names = "--external", split = ",", paramLabel = "NAMES",
                description = {"Outside solvers run on the same SDPA data: csdp; pure-cold (the pure backend",
                    "in a fresh JVM per solve, `polysos sdp --json` with this JVM's options: the cold time)."})
        List<String> external = new ArrayList<>();

        @Option(names = "--set", defaultValue = "sdplib", paramLabel = "SET",
                description = "Problem set: sdplib, paper or all (default ${DEFAULT-VALUE}).")
        String set;

        @Option(names = "--problems", split = ",", paramLabel = "NAMES", description = "Only these problems.")
        List<String> only;

        @picocli.CommandLine.Parameters(paramLabel = "FILE", arity = "0..*",
                description = {"Problems given as files instead of --set: SDPA (.dat-s), polynomial programs",
                    "(polysos-pop/1; relaxation at --order or k0) or network instances (paper loss, ball 10,",
                    "order --order, default 3)."})
        List<Path> files = new ArrayList<>();

        @Option(names = "--order", defaultValue = "0", paramLabel = "K",
                description = "Relaxation order of FILE problems (default: 3 for instances, k0 for programs).")
        int order;

        @Option(names = "--keep", paramLabel = "DIR",
                description = "Write every problem's SDPA file into DIR and keep it (default: temporary, deleted).")
        Path keep;

        @Option(names = "--repeat", defaultValue = "3", paramLabel = "R", description = "Repetitions (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
                description = "Threads of each backend (0 = all processors).")
        int threads;

        @Option(names = "--time-limit", defaultValue = "600", paramLabel = "S", description = "Time limit per solve.")
        double timeLimit;

        @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: found automatically).")
        Path data;

        @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
                description = "Where compare.md and compare.csv go (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be >= 1");
            }
            for (String e : external) {
                if (!e.equals("csdp") && !e.equals(PURE_COLD)) {
                    throw new IllegalArgumentException("unknown external solver '" + e + "' (known: csdp, " + PURE_COLD + ")");
                }
            }
            OutputFolders.requireWritable(out, "--out");
            List<BenchProblem> problems = new ArrayList<>();
            List<String> sets = !files.isEmpty() ? List.of() : set.equals("all") ? List.copyOf(SETS.keySet()) : List.of(set);
            // the conformance data are needed only for a set, not for problems given as files
            Path dataDir = sets.isEmpty() ? null : data != null ? data : DataPaths.shared();
            problems.addAll(files(files, order));
            for (String s : sets) {
                var f = SETS.get(s);
                if (f == null) {
                    throw new IllegalArgumentException("unknown set '" + set + "' (known: " + String.join(", ", SETS.keySet())
                            + ", all)");
                }
                problems.addAll(f.apply(dataDir));
            }
            if (only != null && !only.isEmpty()) {
                problems.removeIf(p -> !only.contains(p.name()));
            }
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("no problems selected");
            }
            SdpSolvers registry = SdpSolvers.discover();
            List<String> names = new ArrayList<>();
            if (solvers == null || solvers.isEmpty()) {
                for (SdpSolverProvider p : registry.providers()) {
                    // the csdp backend is the CSDP program, compared as the outside solver --external csdp
                    if (SdpSolvers.safeAvailability(p).available() && !p.name().equals("csdp")) {
                        names.add(p.name());
                    }
                }
            } else {
                solvers.stream().map(String::trim).filter(n -> !n.isEmpty() && !n.equals("none")).forEach(names::add);
                if (names.contains("csdp")) {
                    throw new IllegalArgumentException("--solvers csdp: CSDP is compared as an outside solver, "
                            + "use --external csdp");
                }
            }
            Map<String, SdpSolver> backends = new LinkedHashMap<>();
            for (String n : names) {
                backends.put(n, registry.get(n));
            }
            CsdpExecutable csdp = null;
            if (external.contains("csdp")) {
                csdp = CsdpExecutable.find().orElse(null);
                if (csdp == null) {
                    System.err.println("bench: csdp is not on the PATH (Debian package coinor-csdp); its column is left out");
                }
            }
            List<String> columns = new ArrayList<>(backends.keySet());
            if (csdp != null) {
                columns.add("csdp");
            }
            if (external.contains(PURE_COLD)) {
                columns.add(PURE_COLD);
            }
            SdpOptions options = SdpOptions.builder().threads(threads).timeLimitSeconds(timeLimit).build();
            Map<String, Map<String, List<Run>>> runs = new LinkedHashMap<>();
            Path tmpDir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("polysos-bench");
            try {
                for (int r = 0; r < repeat; r++) {
                    for (BenchProblem bp : problems) {
                        SdpProblem p = bp.problem().get();
                        Path sdpa = null;
                        if (keep != null && r == 0) {
                            sdpa = tmpDir.resolve(bp.name() + ".dat-s");
                            SdpaFormat.write(p, sdpa, true);
                        }
                        for (String col : columns) {
                            Run run;
                            if (col.equals("csdp") || col.equals(PURE_COLD)) {
                                if (sdpa == null) {
                                    sdpa = tmpDir.resolve(bp.name() + ".dat-s");
                                    SdpaFormat.write(p, sdpa, true);
                                }
                            }
                            if (col.equals(PURE_COLD)) {
                                run = coldRun(sdpa);
                            } else if (col.equals("csdp")) {
                                CsdpExecutable.Result cr = csdp.solve(sdpa, timeLimit);
                                run = new Run(cr.status().name(), cr.seconds(), cr.iterations(), cr.primalObjective(),
                                        max(cr.dimacs()));
                            } else {
                                SdpSolution s = backends.get(col).solve(p, options);
                                run = new Run(s.status().name(), s.totalSeconds(), s.iterations(), s.primalObjective(),
                                        s.dimacs().max());
                            }
                            runs.computeIfAbsent(bp.name(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(col, k -> new ArrayList<>()).add(run);
                            System.err.printf(Locale.ROOT, "bench: [%d/%d] %-10s %-6s %-18s %.3f s%n", r + 1, repeat,
                                    bp.name(), col, run.status, run.seconds);
                        }
                    }
                }
            } finally {
                if (keep != null) {
                    System.err.println("bench: kept the SDPA files in " + tmpDir);
                } else {
                    deleteTemporary(tmpDir);
                }
            }

            String md = markdown(problems, columns, runs);
            String csv = csv(problems, columns, runs);
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("compare.md"), md);
            AtomicFiles.writeString(out.resolve("compare.csv"), csv);
            System.out.print(md);
            System.err.println("bench: wrote " + out.resolve("compare.md") + " and " + out.resolve("compare.csv"));
            return ExitCodes.OK;
        }

        /**
         * One solve by the pure backend in a new JVM: the java executable, JVM options
         * (modules, class-data sharing archive, system properties, heap) and class path of this
         * one, running {@code polysos sdp --json}; the time is the child's own setup plus solve
         * time, as for the warm column (JVM start and file reading excluded).
         */
        private Run coldRun(Path sdpa) throws IOException, InterruptedException {
            String javaExe = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = new ArrayList<>();
            cmd.add(javaExe);
            cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sdp", "--json",
                    "--solver", "pure", "--threads", Integer.toString(threads), "--time-limit",
                    Double.toString(timeLimit), sdpa.toAbsolutePath().toString()));
            Path outFile = Files.createTempFile("polysos-cold", ".json");
            try {
                Process proc = new ProcessBuilder(cmd).redirectOutput(outFile.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!proc.waitFor((long) timeLimit + 120, java.util.concurrent.TimeUnit.SECONDS)) {
                    proc.destroyForcibly();
                    return new Run("TIME_LIMIT", timeLimit, 0, Double.NaN, Double.NaN);
                }
                var node = io.polysos.cli.json.Json.mapper().readTree(Files.readString(outFile));
                if (node == null || !node.has("status")) {
                    throw new IllegalStateException("bench: the cold pure run on " + sdpa + " printed no result (exit "
                            + proc.exitValue() + ")");
                }
                double dimacs = Double.NaN; // as the warm column: NaN (shown "-") when the errors are undefined
                for (var e : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) () ->
                        node.path("dimacs").fields()) {
                    if (e.getValue().isNumber()) {
                        double v = Math.abs(e.getValue().asDouble());
                        dimacs = Double.isNaN(dimacs) ? v : Math.max(dimacs, v);
                    }
                }
                var t = node.path("timings");
                double seconds = t.has("total") ? t.get("total").asDouble()
                        : t.path("setup").asDouble() + t.path("solve").asDouble();
                return new Run(node.get("status").asText(), seconds, node.path("iterations").asInt(),
                        // null (no objective: infeasible, unbounded) is no number, not 0
                        node.path("primalObjective").isNumber() ? node.get("primalObjective").asDouble() : Double.NaN,
                        dimacs);
            } finally {
                Files.deleteIfExists(outFile);
            }
        }

        private static void deleteTemporary(Path tmpDir) throws IOException {
            try (var s = Files.list(tmpDir)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmpDir);
        }

        private String header() {
            return String.format(Locale.ROOT, "Machine: %d processors, %s %s, Java %s; command: polysos bench compare%s%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), givenArguments());
        }

        /** @return every option and file given on the command line, as given (" --set paper --repeat 5 ...") */
        String givenArguments() {
            StringBuilder sb = new StringBuilder();
            if (spec == null || spec.commandLine().getParseResult() == null) {
                return "";
            }
            picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
            for (picocli.CommandLine.Model.OptionSpec o : pr.matchedOptions()) {
                if (o.arity().max() == 0) {
                    sb.append(' ').append(o.longestName());
                    continue;
                }
                for (String v : o.originalStringValues()) {
                    sb.append(' ').append(o.longestName()).append(' ').append(quoted(v));
                }
            }
            for (picocli.CommandLine.Model.PositionalParamSpec p : pr.matchedPositionals()) {
                for (String v : p.originalStringValues()) {
                    sb.append(' ').append(quoted(v));
                }
            }
            return sb.toString();
        }

        private static String quoted(String v) {
            return v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')
                    ? "'" + v.replace("'", "'\\''") + "'" : v;
        }

        private String markdown(List<BenchProblem> problems, List<String> cols, Map<String, Map<String, List<Run>>> runs) {
            StringBuilder sb = new StringBuilder(header());
            sb.append("| problem |");
            cols.forEach(c -> sb.append(' ').append(c).append(" time (s) | ").append(c).append(" it | ").append(c)
                    .append(" status | ").append(c).append(" rel. err | ").append(c).append(" DIMACS |"));
            sb.append('\n').append("|---|");
            cols.forEach(c -> sb.append("---:|---:|---|---:|---:|"));
            sb.append('\n');
            for (BenchProblem bp : problems) {
                sb.append("| ").append(bp.name()).append(" |");
                for (String c : cols) {
                    List<Run> rs = runs.getOrDefault(bp.name(), Map.of()).get(c);
                    if (rs == null) {
                        sb.append(" - | - | - | - | - |");
                        continue;
                    }
                    Run last = rs.get(rs.size() - 1);
                    sb.append(String.format(Locale.ROOT, " %.3f | %d | %s | %s | %s |", medianSeconds(rs), last.iterations,
                            last.status, fmt(relErr(last.objective, bp.reference)), fmt(last.dimacs)));
                }
                sb.append('\n');
            }
            sb.append('\n').append("Geometric-mean time ratio against pure (over problems all compared columns solve "
                    + "with their expected status):\n\n");
            for (String c : cols) {
                sb.append(String.format(Locale.ROOT, "- %s: %s%n", c, fmt(geoRatio(problems, c, "pure", runs))));
            }
            if (cols.contains(PURE_COLD) && cols.contains("csdp")) {
                sb.append(String.format(Locale.ROOT, "%nGeometric-mean time ratio %s against csdp (same problems): %s%n",
                        PURE_COLD, fmt(geoRatio(problems, PURE_COLD, "csdp", runs))));
            }
            return sb.toString();
        }

        private String csv(List<BenchProblem> problems, List<String> cols, Map<String, Map<String, List<Run>>> runs) {
            StringBuilder sb = new StringBuilder("problem,backend,status,medianSeconds,iterations,objective,reference,"
                    + "relError,dimacsMax,repeats\n");
            for (BenchProblem bp : problems) {
                for (String c : cols) {
                    List<Run> rs = runs.getOrDefault(bp.name(), Map.of()).get(c);
                    if (rs == null) {
                        continue;
                    }
                    Run last = rs.get(rs.size() - 1);
                    sb.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%d,%s,%s,%s,%s,%d%n", bp.name(), c, last.status,
                            medianSeconds(rs), last.iterations, num(last.objective), num(bp.reference),
                            num(relErr(last.objective, bp.reference)), num(last.dimacs), rs.size()));
                }
            }
            return sb.toString();
        }

        private double geoRatio(List<BenchProblem> problems, String col, String base,
                Map<String, Map<String, List<Run>>> runs) {
            double logSum = 0;
            int n = 0;
            for (BenchProblem bp : problems) {
                Map<String, List<Run>> byCol = runs.get(bp.name());
                if (byCol == null || byCol.get(base) == null || byCol.get(col) == null) {
                    continue;
                }
                boolean ok = byCol.values().stream().allMatch(rs -> rs.get(rs.size() - 1).status.equals(bp.expectedStatus()));
                if (!ok) {
                    continue;
                }
                logSum += Math.log(medianSeconds(byCol.get(col)) / medianSeconds(byCol.get(base)));
                n++;
            }
            return n == 0 ? Double.NaN : Math.exp(logSum / n);
        }

        private static double medianSeconds(List<Run> rs) {
            return SummarizeCommand.median(rs.stream().map(r -> r.seconds).toList());
        }

        private static double relErr(double v, double ref) {
            return Double.isNaN(ref) ? Double.NaN : ref == 0 ? Math.abs(v) : Math.abs(v - ref) / Math.abs(ref);
        }

        private static double max(double[] a) {
            double m = 0;
            for (double v : a) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1e", v);
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10g", v);
        }


        private record Run(String status, double seconds, int iterations, double objective, double dimacs) {
        }
    }
}
