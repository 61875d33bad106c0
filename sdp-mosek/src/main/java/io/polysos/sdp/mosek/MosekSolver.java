package io.polysos.sdp.mosek;

import io.polysos.sdp.DimacsErrors;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Solves problems with MOSEK's interior-point optimizer through Fusion; see
 * {@link FusionTranslation} for the model MOSEK is given. Each solve builds a fresh model
 * and disposes of it on every path, so one instance may serve several threads.
 *
 * <p>Options map to MOSEK parameters: {@code relativeGapTolerance} to
 * {@code intpntCoTolRelGap}; {@code feasibilityTolerance} to {@code intpntCoTolPfeas} and
 * {@code intpntCoTolDfeas}; {@code maxIterations} to {@code intpntMaxIterations};
 * {@code timeLimitSeconds} to {@code optimizerMaxTime}; {@code threads} to
 * {@code numThreads} (0 = MOSEK decides); {@code verbose} attaches a log handler that sends
 * MOSEK's log lines to the log sink (they are also kept in the solution);
 * {@code backendParameters} are passed to {@code Model.setSolverParam(name, value)} as
 * strings (Fusion names, e.g. {@code intpntSolveForm=dual}). Unset values keep MOSEK's
 * defaults. Cancellation is polled every {@value #CANCEL_POLL_MILLIS} ms and stops MOSEK
 * with {@code Model.breakSolver()}. Warm starts are ignored (MOSEK's interior-point
 * optimizer takes none).
 *
 * <p>Statuses: both solutions optimal gives OPTIMAL; MOSEK's primal infeasibility (a
 * certificate in its dual solution) gives UNBOUNDED, its dual infeasibility INFEASIBLE,
 * each certificate checked and normalized (c.y = -1, resp. sum_k &lt;F_0k, Y_k&gt; = 1);
 * MOSEK's iteration and time limits give ITERATION_LIMIT and TIME_LIMIT; anything else
 * (stall, numerical trouble, unknown status) gives INACCURATE_OPTIMAL when the DIMACS
 * errors of the returned iterate are all within {@link #DEFAULT_INACCURATE_TOLERANCE}, and
 * NUMERICAL_ERROR otherwise.
 */
public final class MosekSolver implements SdpSolver {

    /**
     * Largest DIMACS error (err1, err2, err4, |err5|) for which an iterate MOSEK did not call
     * optimal is still reported as INACCURATE_OPTIMAL.
     */
    public static final double DEFAULT_INACCURATE_TOLERANCE = 1e-5;

    /** Period of the cancellation poll, in milliseconds. */
    public static final long CANCEL_POLL_MILLIS = 50;

    /** MOSEK termination codes (offsets from 10000 before MOSEK 10, from 100000 since). */
    private static final int TRM_MAX_ITERATIONS = 0;
    private static final int TRM_MAX_TIME = 1;
    private static final int TRM_USER_CALLBACK = 7;

    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "polysos-mosek-cancel");
        t.setDaemon(true);
        return t;
    });

    private final FusionApi api;

    MosekSolver(FusionApi api) {
        this.api = Objects.requireNonNull(api);
    }

    @Override
    public String name() {
        return MosekProvider.NAME;
    }

    @Override
    public String version() {
        return api.version();
    }

    @Override
    public SdpSolution solve(SdpProblem problem, SdpOptions options) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(options, "options");
        long t0 = System.nanoTime();
        String version = version();
        if (options.isCancelled()) {
            return SdpSolution.builder(SdpStatus.INTERRUPTED).solver(name(), version)
                    .message("cancelled before the solve started").build();
        }
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Object model = api.newModel(problem.name().isEmpty() ? "polysos" : problem.name());
        try {
            FusionTranslation tr = FusionTranslation.build(api, model, problem);
            applyOptions(model, options, log);
            api.acceptAnySolution(model);
            long t1 = System.nanoTime();
            AtomicBoolean cancelled = new AtomicBoolean();
            ScheduledFuture<?> poll = POLLER.scheduleAtFixedRate(() -> {
                if (!cancelled.get() && options.isCancelled()) {
                    cancelled.set(true);
                    api.breakSolver(model);
                }
            }, CANCEL_POLL_MILLIS, CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            try {
                api.solve(model);
            } catch (FusionException e) {
                return SdpSolution.builder(SdpStatus.NUMERICAL_ERROR).solver(name(), version)
                        .message("MOSEK failed: " + (e.getCause() == null ? e.getMessage() : e.getCause()))
                        .timing("setup", seconds(t1 - t0)).timing("total", seconds(System.nanoTime() - t0))
                        .log(snapshot(log)).build();
            } finally {
                poll.cancel(false);
            }
            long t2 = System.nanoTime();
            boolean wasCancelled = cancelled.get() || options.isCancelled();
            SdpSolution.Builder b = readBack(tr, model, problem, wasCancelled);
            return b.solver(name(), version)
                    .timing("setup", seconds(t1 - t0))
                    .timing("solve", seconds(t2 - t1))
                    .timing("total", seconds(System.nanoTime() - t0))
                    .log(snapshot(log))
                    .build();
        } finally {
            api.dispose(model);
        }
    }

    private void applyOptions(Object model, SdpOptions o, List<String> log) {
        o.relativeGapTolerance().ifPresent(v -> api.setSolverParam(model, "intpntCoTolRelGap", v));
        o.feasibilityTolerance().ifPresent(v -> {
            api.setSolverParam(model, "intpntCoTolPfeas", v);
            api.setSolverParam(model, "intpntCoTolDfeas", v);
        });
        o.maxIterations().ifPresent(v -> api.setSolverParam(model, "intpntMaxIterations", v));
        o.timeLimitSeconds().ifPresent(v -> api.setSolverParam(model, "optimizerMaxTime", v));
        if (o.threads() > 0) {
            api.setSolverParam(model, "numThreads", o.threads());
        }
        for (Map.Entry<String, String> e : o.backendParameters().entrySet()) {
            api.setSolverParam(model, e.getKey(), e.getValue());
        }
        if (o.verbose()) {
            Consumer<String> sink = o.logSink();
            api.setLogHandler(model, new PrintWriter(new LineWriter(line -> {
                log.add(line);
                sink.accept(line);
            }), true));
        }
    }

    private SdpSolution.Builder readBack(FusionTranslation tr, Object model, SdpProblem p, boolean cancelled) {
        String prosta = api.problemStatus(model);
        String psol = api.primalSolutionStatus(model);
        String dsol = api.dualSolutionStatus(model);
        int response = safeIntInfo(model, "optimizeResponse");
        int iterations = Math.max(0, safeIntInfo(model, "intpntIter"));
        Outcome o = classify(prosta, psol, dsol, response, cancelled);
        String what = "MOSEK problem status " + prosta + ", solution status " + psol + "/" + dsol
                + (response != 0 ? ", response code " + response : "");
        SdpSolution.Builder b = SdpSolution.builder(SdpStatus.NUMERICAL_ERROR).iterations(iterations);
        double[] y = readOrNull(() -> tr.y(api));
        double[][] yb = readOrNull(() -> tr.dualBlocks(api));
        return switch (o) {
            case INFEASIBLE -> {
                double s = yb == null ? Double.NaN : p.dualObjectiveValue(yb);
                if (!(s > 0)) {
                    yield b.message(what + "; the infeasibility certificate does not check (<F0,Y> = " + s + ")");
                }
                scale(yb, 1 / s);
                double residual = 0;
                for (double v : p.dualAction(yb)) {
                    residual = Math.max(residual, Math.abs(v));
                }
                yield b.status(SdpStatus.INFEASIBLE).y(new double[p.numVariables()]).dualBlocks(yb)
                        .dualObjective(1.0).message(what + ": infeasible, Y certifies it (<F0,Y> = 1, max |<F_i,Y>| = "
                                + residual + ")");
            }
            case UNBOUNDED -> {
                double cy = y == null ? Double.NaN : p.objectiveValue(y);
                if (!(cy < 0)) {
                    yield b.message(what + "; the unboundedness ray does not check (c.y = " + cy + ")");
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] /= -cy;
                }
                yield b.status(SdpStatus.UNBOUNDED).y(y).primalObjective(-1.0)
                        .message(what + ": unbounded, y is a ray (c.y = -1, sum y_i F_i in K)");
            }
            case OPTIMAL, ITERATION_LIMIT, TIME_LIMIT, INTERRUPTED, NUMERICAL_ERROR, CHECK -> {
                if (y == null || yb == null) {
                    yield b.status(o == Outcome.CHECK ? SdpStatus.NUMERICAL_ERROR : o.status)
                            .message(what + "; no iterate could be read");
                }
                b.y(y).dualBlocks(yb).measure(p);
                SdpStatus status = o.status;
                if (o == Outcome.CHECK) {
                    DimacsErrors d = DimacsErrors.compute(p, y, yb);
                    double worst = Math.max(Math.max(Math.abs(d.err1()), d.err2()), Math.max(d.err4(), Math.abs(d.err5())));
                    status = worst <= DEFAULT_INACCURATE_TOLERANCE ? SdpStatus.INACCURATE_OPTIMAL : SdpStatus.NUMERICAL_ERROR;
                    what += "; largest DIMACS error " + worst;
                }
                yield b.status(status).message(what);
            }
        };
    }

    /** What the MOSEK statuses say, before the certificates and iterates are checked. */
    enum Outcome {
        OPTIMAL(SdpStatus.OPTIMAL), INFEASIBLE(SdpStatus.INFEASIBLE), UNBOUNDED(SdpStatus.UNBOUNDED),
        ITERATION_LIMIT(SdpStatus.ITERATION_LIMIT), TIME_LIMIT(SdpStatus.TIME_LIMIT),
        INTERRUPTED(SdpStatus.INTERRUPTED), NUMERICAL_ERROR(SdpStatus.NUMERICAL_ERROR),
        /** Stopped without a verdict: INACCURATE_OPTIMAL or NUMERICAL_ERROR after measuring. */
        CHECK(SdpStatus.NUMERICAL_ERROR);

        final SdpStatus status;

        Outcome(SdpStatus status) {
            this.status = status;
        }
    }

    /**
     * Maps MOSEK's statuses of model (M) to ours. MOSEK's primal problem is our dual, so its
     * primal infeasibility is our unboundedness and its dual infeasibility our infeasibility.
     *
     * @param prosta the ProblemStatus constant name
     * @param psol the primal SolutionStatus constant name
     * @param dsol the dual SolutionStatus constant name
     * @param response MOSEK's optimizeResponse code (0 when it ended normally)
     */
    static Outcome classify(String prosta, String psol, String dsol, int response, boolean cancelled) {
        if ("Optimal".equals(psol) && "Optimal".equals(dsol)) {
            return Outcome.OPTIMAL;
        }
        if ("Certificate".equals(dsol) || "PrimalInfeasible".equals(prosta)) {
            return Outcome.UNBOUNDED;
        }
        if ("Certificate".equals(psol) || "DualInfeasible".equals(prosta) || "PrimalAndDualInfeasible".equals(prosta)) {
            return Outcome.INFEASIBLE;
        }
        if (cancelled) {
            return Outcome.INTERRUPTED;
        }
        if ("IllPosed".equals(prosta) || "IllposedCert".equals(psol) || "IllposedCert".equals(dsol)) {
            return Outcome.NUMERICAL_ERROR;
        }
        int trm = response >= 100_000 ? response - 100_000 : response >= 10_000 ? response - 10_000 : -1;
        return switch (trm) {
            case TRM_MAX_ITERATIONS -> Outcome.ITERATION_LIMIT;
            case TRM_MAX_TIME -> Outcome.TIME_LIMIT;
            case TRM_USER_CALLBACK -> Outcome.INTERRUPTED;
            default -> Outcome.CHECK;
        };
    }

    private int safeIntInfo(Object model, String item) {
        try {
            return api.solverIntInfo(model, item);
        } catch (FusionException e) {
            return 0;
        }
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T readOrNull(Read<T> r) {
        try {
            return r.get();
        } catch (FusionException e) {
            return null;
        }
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int e = 0; e < row.length; e++) {
                row[e] *= f;
            }
        }
    }

    private static List<String> snapshot(List<String> log) {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    private static double seconds(long nanos) {
        return nanos * 1e-9;
    }

    /** A writer that hands each completed line (without its terminator) to a consumer. */
    static final class LineWriter extends Writer {
        private final Consumer<String> lines;
        private final StringBuilder buf = new StringBuilder();

        LineWriter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (ch == '\n') {
                    emit();
                } else if (ch != '\r') {
                    buf.append(ch);
                }
            }
        }

        private void emit() {
            lines.accept(buf.toString());
            buf.setLength(0);
        }

        @Override
        public void flush() {
            // lines are passed on as they complete
        }

        @Override
        public synchronized void close() {
            if (buf.length() > 0) {
                emit();
            }
        }
    }
}
