package io.polysos.sdp.scs;

import io.polysos.sdp.DimacsErrors;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SolverUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SCS backend: translates a problem with {@link ScsConicForm}, solves it in a fresh
 * {@link ScsSession} and translates the answer back. Stateless and safe to use from several
 * threads at once (each call has its own native workspace).
 *
 * <p>Statuses are decided by the DIMACS errors measured here, not by SCS's own verdict
 * ({@link #gate}): SCS stops on unnormalized residuals and can call an answer "solved" whose
 * DIMACS errors are far above its tolerance (SDPLIB's hinf2: 1.4e-2 at eps 1e-4). The
 * tolerance asked for is max(eps_abs, eps_rel) ({@link ScsSettings#tolerance()}). When SCS
 * says "solved" and the largest DIMACS error misses it, the solve is continued from SCS's
 * answer with tighter eps (at most {@value #MAX_REFINEMENTS} times, within the iteration and
 * time budgets); then:
 * <ul>
 *   <li>OPTIMAL: largest DIMACS error at most the tolerance; y = SCS's x, Y_k = mat(SCS's y).
 *   <li>INACCURATE_OPTIMAL: above the tolerance but at most
 *       {@link #DEFAULT_INACCURATE_TOLERANCE}; same content.
 *   <li>ITERATION_LIMIT / TIME_LIMIT: SCS stopped at a limit with a larger error (the last
 *       iterate is kept, not called a solution), or with an approximate certificate of
 *       infeasibility or unboundedness (returned as below, unverified; the message says which).
 *   <li>NUMERICAL_ERROR: SCS said "solved" but the errors stayed above
 *       {@link #DEFAULT_INACCURATE_TOLERANCE}; or SCS failed (no iterate).
 *   <li>INFEASIBLE: no y; the dual blocks hold SCS's certificate Y in K* with
 *       &lt;F_i, Y&gt; ~ 0 and &lt;F_0, Y&gt; = 1 (SCS normalizes b'y = -1); objectives +inf.
 *   <li>UNBOUNDED: y holds SCS's ray (c.y = -1, sum_i y_i F_i in K); no dual blocks;
 *       objectives -inf.
 *   <li>INTERRUPTED: no iterate.
 * </ul>
 * Options: see {@link ScsSettings} (including the default time limit when none is given,
 * which the message reports); a warm start uses the given solution's y (as x), its dual
 * blocks (as SCS's y) and S(y) (as s). Cancellation is checked once before the solve (SCS
 * cannot be stopped from outside once it runs; use a time limit). SCS's own printing never
 * reaches the process's standard output: {@link ScsSession} captures it; it goes into the
 * solution's log and, when verbose, to the log sink, with a summary line.
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
        List<String> log = new ArrayList<>();
        ScsSession.Result r = run(form, settings, warm, log);
        int iterations = r.iterations();
        double setupMs = r.info().getOrDefault("setup_time", 0.0);
        double solveMs = r.info().getOrDefault("solve_time", 0.0);
        ScsExitFlag flag = ScsExitFlag.of(r.exitFlag());
        DimacsErrors d = measure(problem, form, flag, r);
        String limitHit = limitOf(flag, r);
        // SCS stops on its own residuals (unnormalized infinity norms); ours are the DIMACS
        // measures. When SCS says "solved" but ours miss the tolerance asked for, continue from
        // its answer with tighter eps while the iteration and time budgets last.
        ScsSettings current = settings;
        int round = 0;
        while (flag == ScsExitFlag.SOLVED && !(d.max() <= settings.tolerance()) && round < MAX_REFINEMENTS) {
            int itersLeft = settings.maxIterations() - iterations;
            double timeLeft = settings.timeLimitSeconds() - seconds(t1);
            if (itersLeft <= 0) {
                limitHit = "max_iters";
                break;
            }
            if (settings.timeLimitSeconds() > 0 && timeLeft <= 0) {
                limitHit = "time_limit_secs";
                break;
            }
            double factor = Math.max(2, Math.min(1000, 1.5 * d.max() / Math.max(settings.tolerance(), 1e-300)));
            current = current.with("eps_abs", Math.max(MIN_EPS, current.epsAbs() / factor))
                    .with("eps_rel", Math.max(MIN_EPS, current.epsRel() / factor)).with("max_iters", itersLeft);
            if (settings.timeLimitSeconds() > 0) {
                current = current.with("time_limit_secs", timeLeft);
            }
            round++;
            log.add(String.format(Locale.ROOT, "scs: solved, but the largest DIMACS error %.1e is above the tolerance"
                    + " %.0e: continuing with eps_abs %.1e, eps_rel %.1e (round %d)", d.max(), settings.tolerance(),
                    current.epsAbs(), current.epsRel(), round));
            ScsSession.Result next = run(form, current, new double[][] {r.x(), r.y(), r.s()}, log);
            iterations += next.iterations();
            setupMs += next.info().getOrDefault("setup_time", 0.0);
            solveMs += next.info().getOrDefault("solve_time", 0.0);
            ScsExitFlag nextFlag = ScsExitFlag.of(next.exitFlag());
            if (!nextFlag.hasIterate()) {
                log.add("scs: the continued solve ended " + next.statusText() + "; keeping the previous answer");
                break;
            }
            DimacsErrors nd = measure(problem, form, nextFlag, next);
            if (nd.max() < d.max()) {
                r = next;
                flag = nextFlag;
                d = nd;
            }
            if (nextFlag == ScsExitFlag.SOLVED_INACCURATE) {
                limitHit = limitOf(nextFlag, next);
                break;
            }
        }
        double total = seconds(t0);
        SdpSolution.Builder b = SdpSolution.builder(r.status()).solver(NAME, version()).iterations(iterations);
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
        b.timing("translate", (t1 - t0) / 1e9);
        b.timing("setup", setupMs / 1e3).timing("solve", solveMs / 1e3);
        b.timing("total", total);
        log.add("scs " + version() + ": " + r.statusText() + ", iterations " + iterations + ", info " + r.info());
        if (options.verbose()) {
            log.forEach(options.logSink());
        }
        b.log(log);
        Gate g = gate(flag, limitHit, d, settings.tolerance());
        StringBuilder msg = new StringBuilder(message(flag, r));
        if (round > 0) {
            msg.append(String.format(Locale.ROOT, "; continued %d time%s with tighter eps", round, round == 1 ? "" : "s"));
        }
        if (!g.note().isEmpty()) {
            msg.append("; ").append(g.note());
        }
        if (settings.defaultTimeLimit()) {
            msg.append(String.format(Locale.ROOT, "; time limit %.0f s (the scs default when no time or iteration"
                    + " limit is given)", settings.timeLimitSeconds()));
        }
        return b.status(g.status()).message(msg.toString()).build();
    }

    /**
     * Largest DIMACS error with which an answer that misses the tolerance asked for is still
     * reported as INACCURATE_OPTIMAL; above it the status is the limit SCS stopped at, or
     * NUMERICAL_ERROR when it stopped "solved" by its own measure.
     */
    public static final double DEFAULT_INACCURATE_TOLERANCE = 1e-3;

    /** How many times a "solved" answer that misses the tolerance is continued with tighter eps. */
    static final int MAX_REFINEMENTS = 4;

    /** The smallest eps_abs / eps_rel the continuation asks SCS for. */
    static final double MIN_EPS = 1e-13;

    /** A gated status with the reason, empty when SCS's own verdict stands. */
    record Gate(SdpStatus status, String note) {
    }

    /**
     * The status of an answer, decided by the DIMACS errors measured here, whatever SCS said:
     * OPTIMAL only when the largest error is at most the tolerance asked for; up to
     * {@link #DEFAULT_INACCURATE_TOLERANCE} INACCURATE_OPTIMAL; above it the limit SCS stopped
     * at (ITERATION_LIMIT, TIME_LIMIT) or, when it stopped "solved", NUMERICAL_ERROR.
     * Certificates of infeasibility and unboundedness, failures and interruptions keep the
     * status of {@link ScsExitFlag#toStatus}.
     *
     * @param flag SCS's exit flag
     * @param limitHit "max_iters" or "time_limit_secs" when the solve stopped at that limit, else null
     * @param d the DIMACS errors of the answer (NaN when there is none)
     * @param tolerance the tolerance asked for ({@link ScsSettings#tolerance()})
     */
    static Gate gate(ScsExitFlag flag, String limitHit, DimacsErrors d, double tolerance) {
        if (!flag.hasIterate()) {
            return new Gate(flag.toStatus("time_limit_secs".equals(limitHit)), "");
        }
        double e = d.max();
        if (e <= tolerance) {
            return new Gate(SdpStatus.OPTIMAL, flag == ScsExitFlag.SOLVED ? "" : String.format(Locale.ROOT,
                    "largest DIMACS error %.1e meets the tolerance %.0e", e, tolerance));
        }
        if (e <= DEFAULT_INACCURATE_TOLERANCE) {
            return new Gate(SdpStatus.INACCURATE_OPTIMAL, String.format(Locale.ROOT,
                    "largest DIMACS error %.1e is above the tolerance %.0e asked for%s", e, tolerance,
                    limitHit == null ? "" : " (stopped at " + limitHit + ")"));
        }
        SdpStatus s = "time_limit_secs".equals(limitHit) ? SdpStatus.TIME_LIMIT
                : "max_iters".equals(limitHit) ? SdpStatus.ITERATION_LIMIT : SdpStatus.NUMERICAL_ERROR;
        return new Gate(s, String.format(Locale.ROOT, "largest DIMACS error %.1e is above %.0e, so the last iterate is"
                + " not reported as a solution%s", e, DEFAULT_INACCURATE_TOLERANCE,
                limitHit == null ? " (SCS's own residuals met its tolerances; ours did not)" : ""));
    }

    /** @return the DIMACS errors of SCS's answer, NaN when it is not an iterate */
    private static DimacsErrors measure(SdpProblem problem, ScsConicForm form, ScsExitFlag flag, ScsSession.Result r) {
        return flag.hasIterate() ? DimacsErrors.compute(problem, form.primalFromX(r.x()), form.dualBlocksFromY(r.y()))
                : DimacsErrors.unavailable();
    }

    /** @return "time_limit_secs" or "max_iters" when SCS stopped at that limit, else null */
    private static String limitOf(ScsExitFlag flag, ScsSession.Result r) {
        if (r.timeLimitReached()) {
            return "time_limit_secs";
        }
        return flag != ScsExitFlag.SOLVED && r.statusText().contains("max_iters") ? "max_iters" : null;
    }

    /** One SCS session: set up, solve (warm-started from the given x, y, s, each possibly null), close. */
    private static ScsSession.Result run(ScsConicForm form, ScsSettings settings, double[][] warm, List<String> log) {
        try (ScsSession session = new ScsSession(form, settings)) {
            session.setUp();
            ScsSession.Result r = session.solve(warm[0], warm[1], warm[2]);
            log.addAll(r.nativeLog());
            return r;
        }
    }

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
