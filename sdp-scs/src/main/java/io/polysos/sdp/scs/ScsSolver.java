package io.polysos.sdp.scs;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SolverUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SCS backend: translates a problem with {@link ScsConicForm}, solves it in a fresh
 * {@link ScsSession} and translates the answer back. Stateless and safe to use from several
 * threads at once (each call has its own native workspace).
 *
 * <p>What a solution holds, by status:
 * <ul>
 *   <li>OPTIMAL, INACCURATE_OPTIMAL: y = SCS's x, Y_k = mat(SCS's y); objectives and DIMACS
 *       errors measured by {@link SdpSolution.Builder#measure}.
 *   <li>INFEASIBLE: no y; the dual blocks hold SCS's certificate Y in K* with
 *       &lt;F_i, Y&gt; ~ 0 and &lt;F_0, Y&gt; = 1 (SCS normalizes b'y = -1); objectives +inf.
 *   <li>UNBOUNDED: y holds SCS's ray (c.y = -1, sum_i y_i F_i in K); no dual blocks;
 *       objectives -inf.
 *   <li>ITERATION_LIMIT / TIME_LIMIT: SCS stopped at a limit; when its best guess was a
 *       solution whose largest DIMACS error is at most {@link #DEFAULT_INACCURATE_TOLERANCE}
 *       the status is INACCURATE_OPTIMAL instead, when it was a certificate the
 *       approximate certificate is returned as above (unverified; the message says which).
 *   <li>NUMERICAL_ERROR, INTERRUPTED: no iterate.
 * </ul>
 * Options: see {@link ScsSettings}; a warm start uses the given solution's y (as x), its
 * dual blocks (as SCS's y) and S(y) (as s). Cancellation is checked once before the solve
 * (SCS cannot be stopped from outside once it runs; use a time limit). SCS's own printing
 * goes to the process's standard output when verbose; a summary line goes to the log sink.
 */
public final class ScsSolver implements SdpSolver {

    /** The provider name. */
    public static final String NAME = "scs";

    /** Use {@link ScsSolverProvider#create()}; package-private so that availability is checked first. */
    ScsSolver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the version of the loaded SCS library, e.g. {@code 3.2.11} */
    @Override
    public String version() {
        return ScsNative.state().version();
    }

    @Override
    public SdpSolution solve(SdpProblem problem, SdpOptions options) {
        long t0 = System.nanoTime();
        if (problem == null || options == null) {
            throw new IllegalArgumentException("problem and options must not be null");
        }
        if (problem.numVariables() == 0) {
            throw new IllegalArgumentException("problem " + problem.name() + ": SCS needs at least one variable (m = 0)");
        }
        ScsSettings settings = ScsSettings.from(options);
        ScsConicForm form = ScsConicForm.of(problem);
        double[][] warm = warmStart(problem, form, options.warmStart());
        if (!ScsNative.availability().available()) {
            throw new SolverUnavailableException("scs: " + ScsNative.availability().reason());
        }
        if (options.isCancelled()) {
            return SdpSolution.builder(SdpStatus.INTERRUPTED).solver(NAME, version())
                    .message("cancelled before SCS started").timing("total", seconds(t0)).build();
        }
        long t1 = System.nanoTime();
        ScsSession.Result r;
        try (ScsSession session = new ScsSession(form, settings)) {
            session.setUp();
            r = session.solve(warm[0], warm[1], warm[2]);
        }
        double total = seconds(t0);
        SdpSolution.Builder b = SdpSolution.builder(r.status()).solver(NAME, version()).iterations(r.iterations());
        ScsExitFlag flag = ScsExitFlag.of(r.exitFlag());
        switch (flag) {
            case SOLVED, SOLVED_INACCURATE -> {
                b.y(form.primalFromX(r.x())).dualBlocks(form.dualBlocksFromY(r.y())).measure(problem);
            }
            case INFEASIBLE, INFEASIBLE_INACCURATE -> {
                b.dualBlocks(form.dualBlocksFromY(r.y()))
                        .primalObjective(Double.POSITIVE_INFINITY).dualObjective(Double.POSITIVE_INFINITY);
            }
            case UNBOUNDED, UNBOUNDED_INACCURATE -> {
                b.y(form.primalFromX(r.x()))
                        .primalObjective(Double.NEGATIVE_INFINITY).dualObjective(Double.NEGATIVE_INFINITY);
            }
            case SIGINT, FAILED, INDETERMINATE -> {
                // no iterate: SCS filled x, y, s with NaN
            }
        }
        Map<String, Double> info = r.info();
        b.message(message(flag, r));
        b.timing("translate", (t1 - t0) / 1e9);
        if (info.containsKey("setup_time")) {
            b.timing("setup", info.get("setup_time") / 1e3).timing("solve", info.get("solve_time") / 1e3);
        }
        b.timing("total", total);
        if (options.verbose()) {
            List<String> log = new ArrayList<>();
            log.add("scs " + version() + ": " + r.statusText() + ", iterations " + r.iterations() + ", info " + info);
            log.forEach(options.logSink());
            b.log(log);
        }
        SdpSolution s = b.build();
        if (s.status() == SdpStatus.INACCURATE_OPTIMAL && !(s.dimacs().max() <= DEFAULT_INACCURATE_TOLERANCE)) {
            // SCS calls its last iterate "solved (inaccurate)" when it stops at a limit, however far
            // it is from a solution: call it that only when the measured errors say so
            String text = r.statusText();
            SdpStatus limit = text.contains("time") ? SdpStatus.TIME_LIMIT
                    : text.contains("iter") ? SdpStatus.ITERATION_LIMIT : SdpStatus.NUMERICAL_ERROR;
            s = b.status(limit).message(message(flag, r) + String.format(java.util.Locale.ROOT,
                    "; largest DIMACS error %.1e is above %.0e, so the last iterate is not reported as a solution",
                    s.dimacs().max(), DEFAULT_INACCURATE_TOLERANCE)).build();
        }
        return s;
    }

    /**
     * Largest DIMACS error with which SCS's "solved (inaccurate)" is reported as
     * INACCURATE_OPTIMAL; above it the status is the limit SCS stopped at.
     */
    public static final double DEFAULT_INACCURATE_TOLERANCE = 1e-3;

    private static String message(ScsExitFlag flag, ScsSession.Result r) {
        String base = "SCS: " + r.statusText();
        return switch (flag) {
            case INFEASIBLE_INACCURATE -> base + "; dual blocks hold an unverified infeasibility certificate";
            case UNBOUNDED_INACCURATE -> base + "; y holds an unverified unboundedness ray";
            case INFEASIBLE -> base + "; dual blocks hold the certificate (<F_0,Y> = 1)";
            case UNBOUNDED -> base + "; y holds the ray (c.y = -1)";
            case SIGINT, FAILED, INDETERMINATE, SOLVED, SOLVED_INACCURATE -> base;
        };
    }

    /**
     * @return {x, y, s} for SCS (each possibly null) from a previous solution, validated
     * @throws IllegalArgumentException when the warm start's shapes do not fit the problem
     */
    static double[][] warmStart(SdpProblem problem, ScsConicForm form, SdpSolution warm) {
        double[][] r = new double[3][];
        if (warm == null) {
            return r;
        }
        double[] y = warm.y();
        if (y.length != 0) {
            if (y.length != problem.numVariables()) {
                throw new IllegalArgumentException("warm start: y has length " + y.length + ", the problem has m = "
                        + problem.numVariables());
            }
            checkFinite("warm start y", y);
            r[0] = y;
            double[] s = form.stack(problem.slack(y));
            r[2] = s;
        }
        double[][] yb = warm.dualBlocks();
        if (yb.length != 0) {
            if (yb.length != problem.numBlocks()) {
                throw new IllegalArgumentException("warm start: " + yb.length + " dual blocks, the problem has "
                        + problem.numBlocks());
            }
            for (int k = 0; k < yb.length; k++) {
                if (yb[k] == null || yb[k].length != problem.block(k).denseLength()) {
                    throw new IllegalArgumentException("warm start: dual block " + k + " must have length "
                            + problem.block(k).denseLength() + " for " + problem.block(k));
                }
                checkFinite("warm start dual block " + k, yb[k]);
            }
            r[1] = form.stack(yb);
        }
        return r;
    }

    private static void checkFinite(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
