package io.polysos.sdp.csdp;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code csdp} backend: the native CSDP program (Borchers' primal-dual interior-point
 * method, {@code coinor-csdp}) run as an outside process on an SDPA file. ZERO blocks are
 * written as NONNEG pairs holding F and -F ({@link io.polysos.sdp.SdpaFormat#writeSplittingEqualities}),
 * so the dual of an equality row is the difference of the pair's multipliers. CSDP solves our
 * (D) as its primal: its X is our dual blocks Y, its y our y, its exit codes our statuses
 * ({@link CsdpExecutable#status(int)}); the objectives and DIMACS measures are recomputed from
 * y and Y on the original problem.
 *
 * <p>Options: the relative gap tolerance is CSDP's {@code objtol}, the feasibility tolerance its
 * {@code axtol} and {@code atytol}, the iteration limit its {@code maxiter} (CSDP's defaults
 * 1e-8 and 100 when unset); with a tolerance given, CSDP's objective perturbation is off
 * ({@code perturbobj=0}: it stalls tight solves); backend parameters named like CSDP's set them; the time limit stops the process; cancellation is polled every
 * 50 ms; verbose forwards CSDP's output lines. The thread count is not passed (CSDP runs with
 * {@code OMP_NUM_THREADS=1} unless the environment sets it).
 */
public final class CsdpSolver implements SdpSolver {

    /** Provider name. */
    public static final String NAME = "csdp";

    private final CsdpExecutable executable;
    private final String version;

    /**
     * @param executable the CSDP program
     * @param version its version as it prints it (e.g. {@code 6.2.0}), or "" when unknown
     */
    public CsdpSolver(CsdpExecutable executable, String version) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public SdpSolution solve(SdpProblem problem, SdpOptions options) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(options, "options");
        if (options.isCancelled()) {
            return SdpSolution.builder(SdpStatus.INTERRUPTED).solver(NAME, version).message("cancelled before the start")
                    .build();
        }
        CsdpExecutable.Result r;
        try {
            r = executable.run(problem, parameters(options), options.timeLimitSeconds().orElse(0),
                    options::isCancelled);
        } catch (IOException e) {
            return SdpSolution.builder(SdpStatus.NUMERICAL_ERROR).solver(NAME, version)
                    .message("csdp could not be run: " + e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SdpSolution.builder(SdpStatus.INTERRUPTED).solver(NAME, version).message("interrupted").build();
        }
        List<String> lines = r.output().lines().toList();
        if (options.verbose()) {
            lines.forEach(options.logSink());
        }
        SdpSolution.Builder b = SdpSolution.builder(r.status()).solver(NAME, version).iterations(r.iterations())
                .timing("total", r.seconds()).message(message(r)).log(options.verbose() ? lines : List.of());
        if (!r.solution().isEmpty()) {
            try {
                Solution s = Solution.parse(r.solution(), problem);
                b.y(s.y()).dualBlocks(s.dualBlocks()).measure(problem);
            } catch (RuntimeException e) {
                b.status(r.status() == SdpStatus.OPTIMAL ? SdpStatus.NUMERICAL_ERROR : r.status())
                        .message(message(r) + "; its solution file could not be read: " + e.getMessage());
            }
        }
        return b.build();
    }

    private static String message(CsdpExecutable.Result r) {
        return switch (r.status()) {
            case OPTIMAL -> "csdp: success";
            case TIME_LIMIT -> "csdp: stopped at the time limit";
            case INTERRUPTED -> "csdp: cancelled";
            default -> "csdp exit code " + r.exitCode() + " (" + r.status() + ")";
        };
    }

    /** CSDP's parameters in the order of its {@code param.csdp}, with its defaults. */
    private static final String[][] CSDP_DEFAULTS = {{"axtol", "1.0e-8"}, {"atytol", "1.0e-8"}, {"objtol", "1.0e-8"},
        {"pinftol", "1.0e8"}, {"dinftol", "1.0e8"}, {"maxiter", "100"}, {"minstepfrac", "0.90"},
        {"maxstepfrac", "0.97"}, {"minstepp", "1.0e-8"}, {"minstepd", "1.0e-8"}, {"usexzgap", "1"},
        {"tweakgap", "0"}, {"affine", "0"}, {"printlevel", "1"}, {"perturbobj", "1"}, {"fastmode", "0"}};

    /**
     * @return the contents of CSDP's {@code param.csdp} for these options, or null for CSDP's
     *         defaults: the tolerances and the iteration limit, then any backend parameter named
     *         like one of CSDP's ({@link SdpOptions#backendParameters()}, e.g. {@code perturbobj=0});
     *         IllegalArgumentException for a backend parameter CSDP does not have
     */
    static String parameters(SdpOptions o) {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        for (String[] d : CSDP_DEFAULTS) {
            p.put(d[0], d[1]);
        }
        boolean changed = false;
        if (o.feasibilityTolerance().isPresent()) {
            p.put("axtol", fmt(o.feasibilityTolerance().getAsDouble()));
            p.put("atytol", fmt(o.feasibilityTolerance().getAsDouble()));
            changed = true;
        }
        if (o.relativeGapTolerance().isPresent()) {
            p.put("objtol", fmt(o.relativeGapTolerance().getAsDouble()));
            changed = true;
        }
        if (changed) {
            // CSDP's objective perturbation moves the optimum by about 1e-7 (relative) and stalls
            // solves asked for tolerances below 1e-8 ("stuck at edge of primal feasibility")
            p.put("perturbobj", "0");
        }
        if (o.maxIterations().isPresent()) {
            p.put("maxiter", Integer.toString(o.maxIterations().getAsInt()));
            changed = true;
        }
        for (var e : o.backendParameters().entrySet()) {
            if (!p.containsKey(e.getKey())) {
                throw new IllegalArgumentException("csdp has no parameter '" + e.getKey() + "' (it has "
                        + String.join(", ", p.keySet()) + ")");
            }
            p.put(e.getKey(), e.getValue());
            changed = true;
        }
        if (!changed) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }

    /** y and our dual blocks read from CSDP's solution file. */
    record Solution(double[] y, double[][] dualBlocks) {

        /**
         * Parses CSDP's solution file: the first line holds y; then one line "matrix block i j
         * value" per upper-triangular entry (1-based), matrix 1 for Z, 2 for X.
         */
        static Solution parse(String text, SdpProblem p) {
            List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            String[] ys = lines.get(0).trim().split("\\s+");
            int m = p.numVariables();
            if (m > 0 && ys.length != m) {
                throw new IllegalArgumentException("expected " + m + " values of y, got " + ys.length);
            }
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = Double.parseDouble(ys[i]);
            }
            int nb = p.numBlocks();
            double[][] x = new double[nb][];
            for (int k = 0; k < nb; k++) {
                BlockSpec s = p.block(k);
                x[k] = new double[s.kind() == BlockKind.PSD ? s.size() * s.size()
                        : s.kind() == BlockKind.ZERO ? 2 * s.size() : s.size()];
            }
            for (int l = 1; l < lines.size(); l++) {
                String[] f = lines.get(l).trim().split("\\s+");
                if (f.length != 5) {
                    throw new IllegalArgumentException("line " + (l + 1) + ": expected 5 fields, got " + f.length);
                }
                if (!f[0].equals("2")) {
                    continue;
                }
                int k = Integer.parseInt(f[1]) - 1;
                int i = Integer.parseInt(f[2]) - 1;
                int j = Integer.parseInt(f[3]) - 1;
                double v = Double.parseDouble(f[4]);
                if (k < 0 || k >= nb) {
                    throw new IllegalArgumentException("line " + (l + 1) + ": no block " + (k + 1));
                }
                if (p.block(k).kind() == BlockKind.PSD) {
                    int s = p.block(k).size();
                    x[k][i * s + j] = v;
                    x[k][j * s + i] = v;
                } else {
                    x[k][i] = v;
                }
            }
            for (int k = 0; k < nb; k++) {
                if (p.block(k).kind() == BlockKind.ZERO) {
                    int s = p.block(k).size();
                    double[] d = new double[s];
                    for (int i = 0; i < s; i++) {
                        d[i] = x[k][i] - x[k][s + i];
                    }
                    x[k] = d;
                }
            }
            return new Solution(y, x);
        }
    }
}
