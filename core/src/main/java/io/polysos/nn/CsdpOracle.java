package io.polysos.nn;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpaFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the external CSDP solver ({@code csdp}, Debian package coinor-csdp) on an
 * {@link SdpProblem} exported in SDPA format, as an independent check of a backend. CSDP
 * reads the SDPA file as its dual (min a.y with A^T y - C PSD), which is this project's
 * primal: CSDP's "Dual objective value" is our primal objective c.y and its "Primal
 * objective value" is our dual objective sum_k &lt;F_{0,k}, Y_k&gt;. Equality (ZERO) blocks are
 * split into two inequalities.
 */
public final class CsdpOracle {

    /** Default wall-clock limit of one csdp run, seconds. */
    public static final double DEFAULT_TIME_LIMIT_SECONDS = 300;

    private static final Pattern PRIMAL = Pattern.compile("Primal objective value:\\s*(\\S+)");
    private static final Pattern DUAL = Pattern.compile("Dual objective value:\\s*(\\S+)");

    private final String executable;

    /** @param executable the csdp command (a name looked up on PATH, or a path) */
    public CsdpOracle(String executable) {
        this.executable = executable;
    }

    /** @return an oracle running {@code csdp} from PATH */
    public static CsdpOracle onPath() {
        return new CsdpOracle("csdp");
    }

    /** @return whether {@code csdp} is an executable file on PATH */
    public static boolean isAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "csdp"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outcome of one csdp run, in this project's sign convention.
     *
     * @param exitCode         csdp's exit code (0 success, 1 primal infeasible, 2 dual infeasible,
     *                         3 partial success, 4 iteration limit, others failures)
     * @param primalObjective  our primal objective c.y (CSDP's dual), NaN when not printed
     * @param dualObjective    our dual objective (CSDP's primal), NaN when not printed
     * @param seconds          wall time of the run
     * @param output           csdp's standard output
     */
    public record Result(int exitCode, double primalObjective, double dualObjective, double seconds, String output) {
        /** @return whether csdp reported success (exit code 0) */
        public boolean solved() {
            return exitCode == 0;
        }
    }

    /**
     * Solves a problem with csdp (single-threaded, OMP_NUM_THREADS=1).
     *
     * @throws IOException when csdp cannot be started or the time limit passes
     */
    public Result solve(SdpProblem problem, double timeLimitSeconds) throws IOException {
        Path dir = Files.createTempDirectory("polysos-csdp");
        try {
            Path in = dir.resolve("problem.dat-s");
            SdpaFormat.write(problem, in, true);
            List<String> cmd = new ArrayList<>(List.of(executable, in.toString(), dir.resolve("problem.sol").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", "1");
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] out;
            try {
                out = p.getInputStream().readAllBytes();
                if (!p.waitFor((long) Math.ceil(timeLimitSeconds), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("csdp did not finish within " + timeLimitSeconds + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for csdp", e);
            }
            double secs = (System.nanoTime() - t0) * 1e-9;
            String text = new String(out, StandardCharsets.UTF_8);
            return parse(p.exitValue(), text, secs);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Parses csdp's standard output (package-private for tests). */
    static Result parse(int exitCode, String text, double seconds) {
        double csdpPrimal = find(PRIMAL, text);
        double csdpDual = find(DUAL, text);
        return new Result(exitCode, csdpDual, csdpPrimal, seconds, text);
    }

    private static double find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
