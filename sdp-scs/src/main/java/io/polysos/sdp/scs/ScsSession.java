package io.polysos.sdp.scs;

import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SolverUnavailableException;
import io.polysos.sdp.scs.internal.ScsLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One native SCS workspace for one {@link ScsConicForm}: the typed wrapper around
 * {@code scs_init / scs_solve / scs_update / scs_finish}. Its stages are {@link Stage#NEW}
 * (nothing native yet), {@link Stage#SET_UP} ({@code scs_init} done), {@link Stage#SOLVED}
 * and {@link Stage#CLOSED}; {@link Stage#FAILED} when {@code scs_init} returned no workspace
 * (SCS rejected the data or its factorization failed). Calling a method at the wrong stage
 * throws {@link IllegalStateException}. {@link #close()} releases every native byte (it
 * calls {@code scs_finish} and frees the arrays and structs) and may be called at any stage.
 *
 * <p>All arguments are validated in Java before native memory is touched. A session is not
 * thread-safe; separate sessions may be used from separate threads at once. When the loaded
 * SCS was built with CTRLC (it swaps the process's SIGINT handler during each solve, through
 * one global variable), solves of all sessions are serialized so that the handler is always
 * restored; build SCS with {@code CTRLC=0} to solve in parallel.
 */
public final class ScsSession implements AutoCloseable {

    /** The lifecycle of a session. */
    public enum Stage { NEW, SET_UP, SOLVED, FAILED, CLOSED }

    /**
     * What one {@code scs_solve} returned. Arrays are fresh copies; after an infeasibility
     * certificate x and s are NaN, after an unboundedness certificate y is NaN (SCS's convention).
     *
     * @param exitFlag SCS's {@code status_val}
     * @param status the mapped status (see {@link ScsExitFlag})
     * @param statusText SCS's status string, e.g. {@code solved (inaccurate - reached max_iters)}
     * @param x primal (length n)
     * @param y dual (length m)
     * @param s slack (length m)
     * @param info the numeric fields of {@code ScsInfo} by name (iter, pobj, dobj, res_pri,
     *        res_dual, gap, res_infeas, res_unbdd_a, res_unbdd_p, setup_time and solve_time in
     *        milliseconds, scale, comp_slack, scale_updates, accepted/rejected_accel_steps)
     * @param nativeLog what SCS printed during {@code scs_init} (first solve only) and this
     *        {@code scs_solve}, captured instead of reaching standard output (see {@link ScsOutputCapture})
     */
    public record Result(int exitFlag, SdpStatus status, String statusText, double[] x, double[] y, double[] s,
            Map<String, Double> info, List<String> nativeLog) {

        public Result {
            nativeLog = List.copyOf(nativeLog);
        }

        /** @return the number of iterations taken */
        public int iterations() {
            return info.get("iter").intValue();
        }

        /** @return whether SCS stopped at time_limit_secs */
        public boolean timeLimitReached() {
            return statusText.contains("time_limit");
        }
    }

    private static final ReentrantLock SIGINT_LOCK = new ReentrantLock();

    private final ScsConicForm form;
    private final ScsSettings settings;
    private final ScsNative.State nat;
    private final List<Pointer> owned = new ArrayList<>();
    private Stage stage = Stage.NEW;
    private ScsLibrary.ScsWork work;
    private ScsLibrary.ScsSolution solution;
    private ScsLibrary.ScsInfo info;
    private boolean lastHasIterate;
    /** What scs_init printed, handed out with the next solve's result. */
    private final List<String> pendingLog = new ArrayList<>();

    /**
     * Creates a session; allocates nothing native.
     *
     * @param form the problem in SCS form (immutable, shared)
     * @param settings the settings (immutable, shared)
     * @throws SolverUnavailableException when the native library is not available
     */
    public ScsSession(ScsConicForm form, ScsSettings settings) {
        this.form = Objects.requireNonNull(form, "form");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (form.numCols() == 0) {
            throw new IllegalArgumentException("SCS needs at least one variable (the problem has m = 0)");
        }
        this.nat = ScsNative.state();
        if (!nat.availability().available()) {
            throw new SolverUnavailableException("scs: " + nat.availability().reason());
        }
    }

    /** @return the current stage */
    public Stage stage() {
        return stage;
    }

    /**
     * Copies the data to native memory and calls {@code scs_init} (which validates, scales and
     * factorizes). Moves to SET_UP, or to FAILED when SCS returns no workspace.
     */
    public void setUp() {
        requireStage("setUp", Stage.NEW);
        boolean ok = false;
        try {
            ScsLibrary.ScsMatrix a = new ScsLibrary.ScsMatrix(own(ScsNative.structMemory(ScsLibrary.ScsMatrix.class)));
            a.x(floats(form.values())).i(ints(form.rowIndices())).p(ints(form.colPtr()))
                    .m(form.numRows()).n(form.numCols());
            ScsLibrary.ScsData d = new ScsLibrary.ScsData(own(ScsNative.structMemory(ScsLibrary.ScsData.class)));
            d.m(form.numRows()).n(form.numCols()).A(a).P(null).b(floats(form.b())).c(floats(form.c()));
            ScsLibrary.ScsCone k = new ScsLibrary.ScsCone(own(ScsNative.structMemory(ScsLibrary.ScsCone.class)));
            int[] psd = form.psdSizes();
            k.z(form.zeroConeSize()).l(form.nonnegConeSize()).ssize(psd.length).s(psd.length == 0 ? null : ints(psd));
            ScsLibrary.ScsSettings st = new ScsLibrary.ScsSettings(own(ScsNative.structMemory(ScsLibrary.ScsSettings.class)));
            ScsLibrary.scs_set_default_settings(st);
            apply(st);
            solution = new ScsLibrary.ScsSolution(own(ScsNative.structMemory(ScsLibrary.ScsSolution.class)));
            solution.x(floats(new double[form.numCols()])).y(floats(new double[form.numRows()]))
                    .s(floats(new double[form.numRows()]));
            info = new ScsLibrary.ScsInfo(own(ScsNative.structMemory(ScsLibrary.ScsInfo.class)));
            ScsLibrary.ScsWork w;
            ScsOutputCapture.begin();
            try {
                w = ScsLibrary.scs_init(d, k, st);
            } finally {
                pendingLog.addAll(ScsOutputCapture.end());
            }
            if (w == null || w.isNull()) {
                stage = Stage.FAILED;
            } else {
                work = w;
                stage = Stage.SET_UP;
            }
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    /**
     * Replaces b and/or c ({@code scs_update}) before another solve; the factorization is
     * kept. Allowed when SET_UP or SOLVED; moves to SET_UP.
     *
     * @param b the new b (length m) or null to keep it; not modified
     * @param c the new c (length n) or null to keep it; not modified
     */
    public void update(double[] b, double[] c) {
        requireStage("update", Stage.SET_UP, Stage.SOLVED);
        checkVector("b", b, form.numRows(), true);
        checkVector("c", c, form.numCols(), true);
        Pointer pb = b == null ? null : floats(b);
        Pointer pc = c == null ? null : floats(c);
        long rc = ScsLibrary.scs_update(work, pb, pc);
        release(pb);
        release(pc);
        if (rc != 0) {
            throw new IllegalStateException("scs_update failed with code " + rc);
        }
        stage = Stage.SET_UP;
    }

    /**
     * Runs {@code scs_solve}. Allowed when SET_UP, SOLVED (solves again, warm-started from the
     * previous result unless a warm start is given) or FAILED (returns SCS_FAILED at once).
     *
     * @param warmX initial x (length n) or null; warmY (length m) or null; warmS (length m)
     *        or null. When any is given, those given are copied in, the others are zero (or the
     *        previous result's), and SCS is told to warm start. Not modified.
     */
    public Result solve(double[] warmX, double[] warmY, double[] warmS) {
        requireStage("solve", Stage.SET_UP, Stage.SOLVED, Stage.FAILED);
        checkVector("warm-start x", warmX, form.numCols(), true);
        checkVector("warm-start y", warmY, form.numRows(), true);
        checkVector("warm-start s", warmS, form.numRows(), true);
        if (stage == Stage.FAILED) {
            double[] nanN = nan(form.numCols());
            double[] nanM = nan(form.numRows());
            List<String> log = takePendingLog();
            return new Result(ScsExitFlag.FAILED.code(), SdpStatus.NUMERICAL_ERROR,
                    "failure: scs_init returned no workspace (data rejected or factorization failed)"
                    + (log.isEmpty() ? "" : ": " + String.join("; ", log)), nanN, nanM,
                    nanM.clone(), Map.of("iter", 0.0), log);
        }
        boolean warm = warmX != null || warmY != null || warmS != null || (stage == Stage.SOLVED && lastHasIterate);
        if (warmX != null) {
            write(solution.x(), warmX);
        }
        if (warmY != null) {
            write(solution.y(), warmY);
        }
        if (warmS != null) {
            write(solution.s(), warmS);
        }
        long flag;
        boolean lock = nat.ctrlc() == 1;
        if (lock) {
            SIGINT_LOCK.lock();
        }
        List<String> log = takePendingLog();
        ScsOutputCapture.begin();
        try {
            flag = ScsLibrary.scs_solve(work, solution, info, warm ? 1 : 0);
        } finally {
            log.addAll(ScsOutputCapture.end());
            if (lock) {
                SIGINT_LOCK.unlock();
            }
        }
        stage = Stage.SOLVED;
        ScsExitFlag f = ScsExitFlag.of(flag);
        lastHasIterate = f.hasIterate();
        String text = info.status().getString();
        Map<String, Double> inf = new java.util.LinkedHashMap<>();
        inf.put("iter", (double) info.iter());
        inf.put("pobj", info.pobj());
        inf.put("dobj", info.dobj());
        inf.put("res_pri", info.res_pri());
        inf.put("res_dual", info.res_dual());
        inf.put("gap", info.gap());
        inf.put("res_infeas", info.res_infeas());
        inf.put("res_unbdd_a", info.res_unbdd_a());
        inf.put("res_unbdd_p", info.res_unbdd_p());
        inf.put("setup_time", info.setup_time());
        inf.put("solve_time", info.solve_time());
        inf.put("scale", info.scale());
        inf.put("comp_slack", info.comp_slack());
        inf.put("scale_updates", (double) info.scale_updates());
        inf.put("accepted_accel_steps", (double) info.accepted_accel_steps());
        inf.put("rejected_accel_steps", (double) info.rejected_accel_steps());
        boolean timeLimit = text.contains("time_limit");
        return new Result((int) flag, f.toStatus(timeLimit), text, read(solution.x(), form.numCols()),
                read(solution.y(), form.numRows()), read(solution.s(), form.numRows()),
                java.util.Collections.unmodifiableMap(inf), log);
    }

    private List<String> takePendingLog() {
        List<String> log = new ArrayList<>(pendingLog);
        pendingLog.clear();
        return log;
    }

    /** Calls {@code scs_finish} and frees all native memory. Idempotent. */
    @Override
    public void close() {
        if (stage == Stage.CLOSED) {
            return;
        }
        try {
            if (work != null) {
                ScsLibrary.scs_finish(work);
            }
        } finally {
            work = null;
            solution = null;
            info = null;
            for (Pointer p : owned) {
                p.close();
            }
            owned.clear();
            stage = Stage.CLOSED;
        }
    }

    private void apply(ScsLibrary.ScsSettings st) {
        for (Map.Entry<String, Double> e : settings.values().entrySet()) {
            double v = e.getValue();
            long n = (long) v;
            switch (e.getKey()) {
                case "normalize" -> st.normalize(n);
                case "scale" -> st.scale(v);
                case "adaptive_scale" -> st.adaptive_scale(n);
                case "rho_x" -> st.rho_x(v);
                case "max_iters" -> st.max_iters(n);
                case "eps_abs" -> st.eps_abs(v);
                case "eps_rel" -> st.eps_rel(v);
                case "eps_infeas" -> st.eps_infeas(v);
                case "alpha" -> st.alpha(v);
                case "time_limit_secs" -> st.time_limit_secs(v);
                case "verbose" -> st.verbose(n);
                case "acceleration_lookback" -> st.acceleration_lookback(n);
                case "acceleration_interval" -> st.acceleration_interval(n);
                default -> throw new IllegalStateException("setting not mapped: " + e.getKey());
            }
        }
        st.warm_start(0);
    }

    private void requireStage(String what, Stage... allowed) {
        for (Stage s : allowed) {
            if (stage == s) {
                return;
            }
        }
        throw new IllegalStateException(what + "() is not allowed in stage " + stage + " (allowed: "
                + java.util.Arrays.toString(allowed) + ")");
    }

    private static void checkVector(String what, double[] v, int length, boolean nullable) {
        if (v == null) {
            if (!nullable) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return;
        }
        if (v.length != length) {
            throw new IllegalArgumentException(what + " must have length " + length + ", got " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }

    private <P extends Pointer> P own(P p) {
        owned.add(p);
        return p;
    }

    private static void release(Pointer p) {
        if (p != null) {
            p.close();
        }
    }

    private Pointer ints(int[] a) {
        if (nat.intSize() == 8) {
            LongPointer p = new LongPointer(Math.max(1, a.length));
            for (int i = 0; i < a.length; i++) {
                p.put(i, a[i]);
            }
            return own(p);
        }
        return own(new IntPointer(Math.max(1, a.length)).put(a));
    }

    /** Allocates an scs_float array holding a; owned by the session during setUp, by the caller afterwards. */
    private Pointer floats(double[] a) {
        Pointer p;
        if (nat.floatSize() == 4) {
            FloatPointer fp = new FloatPointer(Math.max(1, a.length));
            for (int i = 0; i < a.length; i++) {
                fp.put(i, (float) a[i]);
            }
            p = fp;
        } else {
            p = new DoublePointer(Math.max(1, a.length)).put(a);
        }
        if (stage == Stage.NEW) {
            owned.add(p);
        }
        return p;
    }

    private void write(Pointer p, double[] a) {
        if (nat.floatSize() == 4) {
            FloatPointer fp = new FloatPointer(p);
            for (int i = 0; i < a.length; i++) {
                fp.put(i, (float) a[i]);
            }
        } else {
            new DoublePointer(p).put(a, 0, a.length);
        }
    }

    private double[] read(Pointer p, int n) {
        double[] r = new double[n];
        if (nat.floatSize() == 4) {
            FloatPointer fp = new FloatPointer(p);
            for (int i = 0; i < n; i++) {
                r[i] = fp.get(i);
            }
        } else {
            new DoublePointer(p).get(r, 0, n);
        }
        return r;
    }

    private static double[] nan(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, Double.NaN);
        return r;
    }
}
