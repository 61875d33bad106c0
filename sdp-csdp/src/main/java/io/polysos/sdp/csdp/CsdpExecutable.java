package io.polysos.sdp.csdp;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SdpaFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native CSDP solver run as an outside program on an SDPA file: a reference for
 * comparisons, an oracle in tests, and the process behind the opt-in {@code csdp} backend
 * ({@link CsdpSolver}). CSDP solves max tr(F_0 X) s.t.
 * tr(F_i X) = c_i, X PSD (our dual) and min c.y (our primal), so its "Dual objective value"
 * is our primal objective c.y and its "Primal objective value" our dual objective. The
 * executable is {@code $POLYSOS_CSDP} or {@code csdp} on the PATH (Debian package
 * {@code coinor-csdp}). CSDP runs with {@code OMP_NUM_THREADS=1} unless that variable is set.
 */
public final class CsdpExecutable {

    private static final Pattern PRIMAL = Pattern.compile("Primal objective value:\\s*(\\S+)");
    private static final Pattern DUAL = Pattern.compile("Dual objective value:\\s*(\\S+)");
    private static final Pattern DIMACS = Pattern.compile("DIMACS error measures:((?:\\s+\\S+){6})");
    private static final Pattern ITER = Pattern.compile("(?m)^Iter:\\s*(\\d+)");

    /**
     * CSDP's parameters (its {@code param.csdp}) for a high-accuracy reference solve: gap and
     * feasibility tolerances of 1e-10 and no objective perturbation (CSDP's default
     * {@code perturbobj=1} shifts the objective slightly, which moves the optimal value in the
     * sixth digit on some moment relaxations). Written in CSDP's fixed order.
     */
    public static final String HIGH_ACCURACY_PARAMETERS = String.join("\n",
            "axtol=1.0e-10", "atytol=1.0e-10", "objtol=1.0e-10", "pinftol=1.0e8", "dinftol=1.0e8", "maxiter=200",
            "minstepfrac=0.90", "maxstepfrac=0.97", "minstepp=1.0e-8", "minstepd=1.0e-8", "usexzgap=1", "tweakgap=0",
            "affine=0", "printlevel=1", "perturbobj=0", "fastmode=0") + "\n";

    private final Path executable;
    private final String parameters;

    private CsdpExecutable(Path executable, String parameters) {
        this.executable = executable;
        this.parameters = parameters;
    }

    private CsdpExecutable(Path executable) {
        this(executable, null);
    }

    /**
     * @return this executable run with CSDP's default parameters (a {@code param.csdp} in the
     *         caller's folder is never read: CSDP runs in a temporary folder)
     */
    public CsdpExecutable withDefaultParameters() {
        return new CsdpExecutable(executable, null);
    }

    /** @return this executable run with {@link #HIGH_ACCURACY_PARAMETERS} */
    public CsdpExecutable withHighAccuracy() {
        return new CsdpExecutable(executable, HIGH_ACCURACY_PARAMETERS);
    }

    /** @return the CSDP executable if one is found ($POLYSOS_CSDP, then the PATH) */
    public static Optional<CsdpExecutable> find() {
        String env = System.getenv("POLYSOS_CSDP");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(new CsdpExecutable(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "csdp");
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(new CsdpExecutable(p));
            }
        }
        return Optional.empty();
    }

    /** @return the path of the executable */
    public Path path() {
        return executable;
    }

    /**
     * The outcome of one run.
     *
     * @param status our status (CSDP's "dual infeasible" is our INFEASIBLE, its "primal infeasible" our UNBOUNDED)
     * @param exitCode CSDP's exit code
     * @param primalObjective our primal objective c.y (CSDP's dual objective)
     * @param dualObjective our dual objective (CSDP's primal objective)
     * @param iterations the number of iterations printed
     * @param seconds wall time of the process, including its start-up
     * @param dimacs the six DIMACS measures CSDP printed (NaN when absent)
     * @param output everything CSDP printed
     * @param solution the text of CSDP's solution file ("" when it wrote none)
     */
    public record Result(SdpStatus status, int exitCode, double primalObjective, double dualObjective, int iterations,
            double seconds, double[] dimacs, String output, String solution) {
    }

    /** @return the version CSDP prints first (e.g. {@code 6.2.0}), or "" when it cannot be read */
    public String version() {
        try {
            Process p = new ProcessBuilder(executable.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static final Pattern VERSION = Pattern.compile("CSDP\\s+(\\S+)");

    /**
     * Runs CSDP on a problem (written to a temporary SDPA file, equalities split into inequality
     * pairs) with the given {@code param.csdp} contents (null: this executable's), stopping it at
     * the time limit (0: none) or when {@code cancelled} turns true (polled every 50 ms).
     */
    public Result run(SdpProblem problem, String params, double timeoutSeconds, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("polysos-csdp");
        try {
            Path f = dir.resolve("problem.dat-s");
            SdpaFormat.write(problem, f, true);
            return run(f, params == null ? parameters : params, timeoutSeconds, cancelled);
        } finally {
            deleteAll(dir);
        }
    }

    /** Solves a problem by writing it to a temporary SDPA file (equalities split into inequality pairs). */
    public Result solve(SdpProblem problem, double timeoutSeconds) throws IOException, InterruptedException {
        return run(problem, null, timeoutSeconds, () -> false);
    }

    /**
     * Runs CSDP on an SDPA file in a temporary working folder (holding its solution file, its
     * output and, with {@link #withHighAccuracy()}, its {@code param.csdp}), deleted afterwards.
     */
    public Result solve(Path sdpaFile, double timeoutSeconds) throws IOException, InterruptedException {
        return run(sdpaFile, parameters, timeoutSeconds, () -> false);
    }

    private Result run(Path sdpaFile, String params, double timeoutSeconds, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("polysos-csdp-sol");
        Path sol = dir.resolve("solution.txt");
        Path log = dir.resolve("output.txt");
        try {
            if (params != null) {
                Files.writeString(dir.resolve("param.csdp"), params, StandardCharsets.US_ASCII);
            }
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(executable.toString(), sdpaFile.toAbsolutePath().toString(),
                    sol.toString()).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            // one OpenMP thread unless the caller's environment says otherwise: on a shared machine
            // several spinning threads per run slow CSDP down
            pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            p.getOutputStream().close();
            long deadline = timeoutSeconds > 0 ? t0 + (long) (timeoutSeconds * 1e9) : Long.MAX_VALUE;
            SdpStatus stopped = null;
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stopped = SdpStatus.INTERRUPTED;
                } else if (System.nanoTime() >= deadline) {
                    stopped = SdpStatus.TIME_LIMIT;
                }
                if (stopped != null) {
                    p.destroyForcibly();
                    p.waitFor();
                    return new Result(stopped, -1, Double.NaN, Double.NaN, 0, (System.nanoTime() - t0) * 1e-9,
                            nan6(), Files.readString(log, StandardCharsets.UTF_8), "");
                }
            }
            byte[] out = Files.readAllBytes(log);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            String text = new String(out, StandardCharsets.UTF_8);
            int code = p.exitValue();
            double csdpPrimal = number(PRIMAL, text);
            double csdpDual = number(DUAL, text);
            int iterations = 0;
            Matcher it = ITER.matcher(text);
            while (it.find()) {
                iterations = Math.max(iterations, Integer.parseInt(it.group(1)));
            }
            double[] dimacs = nan6();
            Matcher dm = DIMACS.matcher(text);
            if (dm.find()) {
                String[] parts = dm.group(1).trim().split("\\s+");
                for (int i = 0; i < 6; i++) {
                    dimacs[i] = parse(parts[i]);
                }
            }
            String solution = Files.exists(sol) ? Files.readString(sol, StandardCharsets.US_ASCII) : "";
            return new Result(status(code), code, csdpDual, csdpPrimal, iterations, seconds, dimacs, text, solution);
        } finally {
            deleteAll(dir);
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Maps CSDP's exit codes (see its documentation) to our statuses. */
    static SdpStatus status(int code) {
        return switch (code) {
            case 0 -> SdpStatus.OPTIMAL;
            case 1 -> SdpStatus.UNBOUNDED; // CSDP primal (our dual) infeasible
            case 2 -> SdpStatus.INFEASIBLE; // CSDP dual (our primal) infeasible
            case 3 -> SdpStatus.INACCURATE_OPTIMAL; // partial success
            case 4 -> SdpStatus.ITERATION_LIMIT;
            default -> SdpStatus.NUMERICAL_ERROR;
        };
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? parse(m.group(1)) : Double.NaN;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] nan6() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
}
