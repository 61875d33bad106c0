package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpStatus;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One solve of the pure backend. With X = (Y_k) of the PSD blocks and x_L of the NONNEG part
 * (the cone variable), x_f the dual of the ZERO part (free), A_i the cone part of F_i,
 * C = F_0 on the cones and B the m x nZero matrix of the ZERO part, the pair solved is
 *
 * <pre>
 *   (D)  max &lt;C,X&gt; + f0z.x_f   s.t.  A(X) + B x_f = c,   X in K
 *   (P)  min c.y                s.t.  Z = A^T y - C in K,  B^T y = f0z
 * </pre>
 *
 * Each iteration solves the HKM Newton system (dX = mu Z^{-1} - X - sym(Z^{-1} dZ X),
 * dZ = A^T dy + Fd) reduced to the saddle-point system
 *
 * <pre>
 *   [ M    B ] [ dy ]   [ A(H) - rp ]       M_ij = &lt;A_i, Z^{-1} A_j X&gt;
 *   [ B^T  0 ] [ -dx_f ] = [ f0z - B^T y ]
 * </pre>
 *
 * solved by a Cholesky factorization of M (of M + rho B B^T when some variable appears only
 * in ZERO blocks, which leaves the solution unchanged since B^T dy is prescribed) and of the
 * small Schur complement K = B^T M^{-1} B. The predictor (mu = 0) and Mehrotra's corrector
 * (mu = sigma mu, second-order term Z^{-1} dZ_aff dX_aff) share the factorization. Step
 * lengths are the largest keeping X and Z positive definite (eigenvalues of
 * L^{-1} dX L^{-T} with X = L L^T), damped by gamma = 0.9 + 0.09 min(affine steps).
 * The directions use C - eps I in place of C, with eps vanishing as the iterates converge
 * ({@link #DEFAULT_PERTURBATION}), which keeps X bounded when (P) has no strictly feasible
 * point. When the gap is met but an infeasibility is slightly above its tolerance, an
 * endgame correction projects the iterate back onto the equations ({@link Endgame}).
 *
 * <p>The parts, one concept each (after Clarabel's layout): {@link ProblemData} (the data),
 * {@link Iterate} (the variables), {@link Residuals} (residuals and measures),
 * {@link NewtonSystem} (cone factorizations, directions and the step, with
 * {@link SchurAssembler}, {@link SchurFactorization} and {@link StepLength}),
 * {@link Termination} (stopping, certificates, best iterate) and {@link Endgame}; this class
 * holds the settings and runs the loop. Not thread-safe; used once.
 */
final class InteriorPointRun {

    /**
     * Relative size of the objective perturbation: the Newton system aims at
     * Z = A^T y - (C - eps I) (the dual residual Fd used in the directions is A^T y - C - Z
     * + eps I) with eps sqrt(n) = min(DEFAULT_PERTURBATION, PERTURBATION_TOLERANCE_FACTOR
     * feasTol) min(||C||_F, 1 + ||C||_max), a dual residual of that relative size in the
     * measure of dinf (at most 100 times the tolerance), while the smallest merit of the
     * perturbed problem so far, max(complementarity / gapTol, infeasibility / feasTol)
     * ({@link Residuals#perturbedMerit}), is above {@link #PERTURBATION_MERIT}, and eps scaled
     * by (merit / PERTURBATION_MERIT)^1.5 below it, so that it vanishes as the iterates
     * converge. The true gap |pobj - dobj| is left out of that merit because it need not
     * fall while eps is held (eps shifts it by about eps tr(X), and on problems whose X has
     * no interior it stalls for other reasons): with the true gap in the rule, eps stayed at
     * full size to the end on SDPLIB's hinf and qap problems (dinf 1e-6, mu at 1e-9), and hinf7
     * and hinf9 ended NUMERICAL_ERROR instead of INACCURATE_OPTIMAL. When (P) has no strictly
     * feasible point
     * (the moment matrices of relaxations with equality constraints are singular at every
     * feasible y) the optimal set of (D) is unbounded and the unperturbed iterates let X grow
     * along the kernel of Z while Z approaches the singular face faster than mu, which ruins
     * the accuracy of the directions; penalizing tr X keeps both bounded (CSDP does the same).
     * The residuals and the reported measures always use the true C. The backend parameter
     * {@code perturbation} ({@link PureSdpSolver.Perturbation}) chooses when it is on. Its
     * release costs iterations (t1 at order 3 four of 35, at order 4 seven of 46: steps of
     * 0.45-0.8 while dinf falls from 1e-6), so by default ({@code auto}) the automatic run from
     * Mehrotra's point goes without it: from that point the relaxations without interior
     * points tested here converge unperturbed (StartingPointTest's line relaxation in 8-9
     * iterations, where CSDP's point without the perturbation loses Z's definiteness and ends
     * INACCURATE_OPTIMAL), and when such a run ends short of the tolerances or diverges
     * ({@link #DIVERGENCE_PINF_FACTOR}) it runs again from Mehrotra's point with the
     * perturbation, then from CSDP's point with it.
     */
    static final double DEFAULT_PERTURBATION = 1e-6;
    /** Merit below which the objective perturbation starts to shrink (see {@link #DEFAULT_PERTURBATION}). */
    static final double PERTURBATION_MERIT = 1e3;
    /** Bound on the objective perturbation relative to the feasibility tolerance. */
    static final double PERTURBATION_TOLERANCE_FACTOR = 100;
    /**
     * Exponent of the shrinking of the perturbation below {@link #PERTURBATION_MERIT}
     * (this backend's choice: faster than the merit, so that it never limits the accuracy).
     */
    static final double PERTURBATION_DECAY_EXPONENT = 1.5;
    /**
     * The automatic runs from Mehrotra's point stop, and run again (see {@link #iterate}), when mu
     * exceeds this multiple of its smallest value so far (this backend's choice). From
     * Mehrotra's point t1 at order 5 (8,007 moments) diverged: mu fell to 1.5e-3 by iteration 13
     * and then rose to 4.3e-3 by iteration 28 while the primal steps stayed at 0.1-0.3 (it
     * would have stopped at iteration 19). On the paper's order-3 relaxations mu rose at most
     * 1.03 times above its smallest value, on t1 at order 4 1.41 times.
     */
    static final double DIVERGENCE_MU_FACTOR = 2;
    /**
     * ... or when the primal infeasibility, above the feasibility tolerance, exceeds this
     * multiple of its smallest value so far (this backend's choice). A step of length alpha
     * scales the primal residual by 1 - alpha, so it grows only through errors of the
     * direction: without the objective perturbation, the order-14 relaxation of
     * ball-halfplane (434 moments) went from pinf 2.4e-8 to 3.3e-6 in two iterations while mu
     * fell to 1e-10, as X grew along the kernel of Z, and gloptipoly-manual at order 6 (454
     * moments) from 1.8e-6 to 2.5e-5; both end OPTIMAL from Mehrotra's point with the
     * perturbation.
     */
    static final double DIVERGENCE_PINF_FACTOR = 10;
    /** Both step lengths below this end the run as stagnated (this backend's choice). */
    static final double MIN_STEP = 1e-12;

    private final SdpProblem problem;
    private final Kernels kernels;
    private final NativeLapack lapack;
    private final SdpOptions options;
    private final double gapTol;
    private final double feasTol;
    private final int maxIterations;
    private final double timeLimit;
    /** The starting point asked for. */
    private final StartingPoint.Kind startKind;
    /** The perturbation asked for (see {@link #DEFAULT_PERTURBATION}). */
    private final PureSdpSolver.Perturbation perturbation;
    /** Whether the objective is perturbed in the current pass. */
    private boolean perturb;
    /** The starting point taken, for the log. */
    private String startName = "";
    private final List<String> log = new ArrayList<>();
    private final long start = System.nanoTime();

    private ProblemData d;
    private Iterate it;
    private Residuals res;
    private NewtonSystem ns;
    private Endgame endgame;
    private Termination termination;
    private ExecutorService pool;
    private double normC;
    /** The smallest {@link Residuals#perturbedMerit} so far (the perturbation never grows back). */
    private double perturbedMerit = Double.POSITIVE_INFINITY;
    private double setupTime;

    InteriorPointRun(SdpProblem problem, SdpOptions options) {
        this(problem, options, Kernels.forProblem(problem),
                NativeLapack.forSchurSize(problem.numVariables()));
    }

    /** A run with the given dense kernels (tests and benchmarks compare both kinds). */
    InteriorPointRun(SdpProblem problem, SdpOptions options, Kernels kernels) {
        this(problem, options, kernels, null);
    }

    /**
     * A run with the given dense kernels and native Cholesky factorization of the Schur
     * complement (null: the Java one).
     */
    InteriorPointRun(SdpProblem problem, SdpOptions options, Kernels kernels, NativeLapack lapack) {
        this.kernels = kernels;
        this.lapack = lapack;
        this.problem = problem;
        this.options = options;
        this.gapTol = options.relativeGapTolerance().orElse(PureSdpSolver.DEFAULT_RELATIVE_GAP_TOLERANCE);
        this.feasTol = options.feasibilityTolerance().orElse(PureSdpSolver.DEFAULT_FEASIBILITY_TOLERANCE);
        this.maxIterations = options.maxIterations().orElse(PureSdpSolver.DEFAULT_MAX_ITERATIONS);
        this.timeLimit = options.timeLimitSeconds().orElse(Double.POSITIVE_INFINITY);
        PureSdpSolver.Settings settings = PureSdpSolver.settings(options);
        this.startKind = settings.start();
        this.perturbation = settings.perturbation();
    }

    /** Thresholds of the choice of the sparse factorization of M (see {@link SparseSchur}). */
    private int sparseMinVariables = SparseSchur.MIN_VARIABLES;
    private double sparseMaxDensity = SparseSchur.MAX_DENSITY;
    private double sparseMaxFlopRatio = SparseSchur.MAX_FLOP_RATIO;

    /**
     * Sets the thresholds of the choice between the sparse and the dense factorization of M
     * (tests: {@code (1, 1, 1)} takes the sparse one whenever the pattern can be built,
     * {@code (Integer.MAX_VALUE, 0, 0)} never); returns this.
     */
    InteriorPointRun sparseSchurThresholds(int minVariables, double maxDensity, double maxFlopRatio) {
        this.sparseMinVariables = minVariables;
        this.sparseMaxDensity = maxDensity;
        this.sparseMaxFlopRatio = maxFlopRatio;
        return this;
    }

    SdpSolution run() {
        try {
            return iterate();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }

    private void setup() {
        d = new ProblemData(problem, kernels);
        it = new Iterate(d);
        res = new Residuals(d);
        int threads = options.effectiveThreads();
        SparseSchur sparse = SparseSchur.choose(d, sparseMinVariables, sparseMaxDensity, sparseMaxFlopRatio);
        if (sparse != null && options.verbose()) {
            int m = d.m;
            log(String.format(Locale.ROOT,
                    "sparse Schur complement: m=%d, %d of %d lower-triangle entries, factor %d entries, %.2e multiply-adds (dense %.2e)",
                    m, sparse.pattern().nonzeros(), (long) m * (m + 1) / 2, sparse.cholesky().factorNonzeros(),
                    sparse.cholesky().flops(), (double) m * m * m / 6));
        }
        if (threads > 1 && d.m >= PureSdpSolver.DEFAULT_PARALLEL_MIN_VARIABLES) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "polysos-pure-schur-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            ns = new NewtonSystem(d, kernels, lapack, sparse, it, res, feasTol, pool, threads);
        } else {
            ns = new NewtonSystem(d, kernels, lapack, sparse, it, res, feasTol, null, 1);
        }
        endgame = new Endgame(d, it, res, ns, gapTol, feasTol);
        termination = new Termination(problem, d, it, res, gapTol, feasTol);
        normC = d.constantNorm();
    }

    /** How one pass of the iteration ended: the stop (downgraded) after so many iterations. */
    private record Outcome(Termination.Stop stop, int iterations) {
    }

    /**
     * Sets up and iterates from the starting point. An automatic run from Mehrotra's point
     * (a moment relaxation, {@code start=auto}) that ends INACCURATE_OPTIMAL or NUMERICAL_ERROR,
     * or diverges, is followed by at most two more passes within the same iteration limit:
     * from Mehrotra's point with the objective perturbation (when the first went without it,
     * {@code perturbation=auto}), then from CSDP's point with it; the passes stop at the first
     * that reaches the tolerances or a certificate, and the best answer is kept.
     */
    private SdpSolution iterate() {
        setup();
        setupTime = elapsed();
        boolean mehrotra = setStartingPoint();
        boolean automatic = mehrotra && startKind == StartingPoint.Kind.AUTO;
        perturb = perturbation == PureSdpSolver.Perturbation.ON
                || (perturbation == PureSdpSolver.Perturbation.AUTO && !automatic);
        if (options.verbose()) {
            log("starting point: " + startName + "; objective perturbation " + (perturb ? "on" : "off"));
        }
        Outcome first = iterations(maxIterations, automatic);
        if (!automatic || !restartable(first.stop().status()) || first.iterations() >= maxIterations) {
            return finish(first.stop(), first.iterations());
        }
        // The automatic run for moment relaxations did not reach the tolerances. Without the
        // perturbation (perturbation=auto) it is run again from Mehrotra's point with it, then
        // (or directly) from CSDP's point with it, while the passes end short of the
        // tolerances; the best answer is kept.
        String firstLabel = "Mehrotra's starting point" + (perturb ? "" : " without the objective perturbation");
        List<String> passes = new ArrayList<>();
        passes.add(first.stop().status() + " after " + first.iterations() + " iterations from " + firstLabel);
        Outcome best = first;
        Termination bestTermination = termination;
        String bestLabel = firstLabel;
        int used = first.iterations();
        String lastReason = first.stop().reason();
        boolean againFromMehrotra = !perturb && perturbation == PureSdpSolver.Perturbation.AUTO;
        for (int pass = againFromMehrotra ? 0 : 1; pass < 2 && used < maxIterations; pass++) {
            boolean fromMehrotra = pass == 0;
            String label = fromMehrotra ? "Mehrotra's starting point with the objective perturbation"
                    : "CSDP's starting point";
            perturb = perturbation != PureSdpSolver.Perturbation.OFF;
            if (options.verbose()) {
                log("restarting from " + label + ": " + String.join("; ", passes) + " (" + lastReason
                        + "); objective perturbation " + (perturb ? "on" : "off"));
            }
            termination = new Termination(problem, d, it, res, gapTol, feasTol);
            perturbedMerit = Double.POSITIVE_INFINITY;
            if (!fromMehrotra || !StartingPoint.apply(d, it, res, ns)) {
                it.setInitialPoint(d, normC);
            }
            Outcome next = iterations(maxIterations - used, fromMehrotra);
            used += next.iterations();
            String before = String.join("; ", passes);
            passes.add(next.stop().status() + " after " + next.iterations() + " iterations from " + label);
            if (rank(next.stop().status()) >= rank(best.stop().status())) {
                best = next;
                bestTermination = termination;
                bestLabel = label + " after " + before;
            }
            if (!restartable(next.stop().status())) {
                break;
            }
            lastReason = next.stop().reason();
        }
        termination = bestTermination;
        if (best == first) {
            return finish(new Termination.Stop(first.stop().status(), first.stop().reason()
                    + "; restarts: " + String.join("; ", passes.subList(1, passes.size())), null), used);
        }
        return finish(new Termination.Stop(best.stop().status(), best.stop().reason() + " (restarted from "
                + bestLabel + ")", best.stop().certificate()), used);
    }

    /** Whether an automatic Mehrotra start that ended with this status is run again (see {@link #iterate}). */
    private static boolean restartable(SdpStatus s) {
        return s == SdpStatus.INACCURATE_OPTIMAL || s == SdpStatus.NUMERICAL_ERROR;
    }

    /** Orders the outcomes of the two starts: a solution or certificate, then an inaccurate one, then the rest. */
    private static int rank(SdpStatus s) {
        return switch (s) {
            case OPTIMAL, INFEASIBLE, UNBOUNDED -> 2;
            case INACCURATE_OPTIMAL -> 1;
            default -> 0;
        };
    }

    /**
     * Iterates from the current iterate until a stop, with at most {@code limit} iterations.
     * On a stop by convergence or certificate the termination's best iterate is the answer.
     *
     * @param guarded whether to stop as soon as mu exceeds {@link #DIVERGENCE_MU_FACTOR} times
     *     its smallest value so far, or the primal infeasibility {@link #DIVERGENCE_PINF_FACTOR}
     *     times its own (the automatic runs from Mehrotra's point, which then restart)
     */
    private Outcome iterations(int limit, boolean guarded) {
        int iter = 0;
        double smallestMu = Double.POSITIVE_INFINITY;
        double smallestPinf = Double.POSITIVE_INFINITY;
        Termination.Stop stop;
        double lastAp = 0;
        double lastAd = 0;
        double lastAffineP = 0;
        double lastAffineD = 0;
        double lastSigma = 0;
        while (true) {
            res.compute(it);
            if (!Double.isFinite(res.pinf) || !Double.isFinite(res.dinf) || !Double.isFinite(res.gap)) {
                stop = numericalError("non-finite iterate at iteration " + iter);
                break;
            }
            if (options.verbose()) {
                log(String.format(Locale.ROOT,
                        "%3d pobj=% .9e dobj=% .9e gap=%.2e pinf=%.2e dinf=%.2e mu=%.2e ap=%.3f ad=%.3f"
                                + " (affine %.3f %.3f, sigma %.2e) t=%.3fs",
                        iter, res.pobj, res.dobj, res.gap, res.pinf, res.dinf, res.mu, lastAp, lastAd,
                        lastAffineP, lastAffineD, lastSigma, elapsed()));
            }
            if (endgame.applies()) {
                String polished = endgame.polish();
                if (polished != null && options.verbose()) {
                    log(String.format(Locale.ROOT, "    %s: gap=%.2e pinf=%.2e dinf=%.2e",
                            polished, res.gap, res.pinf, res.dinf));
                }
            }
            if (termination.converged()) {
                return new Outcome(new Termination.Stop(SdpStatus.OPTIMAL,
                        "converged: relative gap, primal and dual infeasibility within tolerance", null), iter);
            }
            Termination.Stop cert = termination.certificate();
            if (cert != null) {
                return new Outcome(cert, iter);
            }
            termination.saveBest();
            if (iter >= limit) {
                stop = new Termination.Stop(SdpStatus.ITERATION_LIMIT,
                        "iteration limit " + maxIterations + " reached", null);
                break;
            }
            if (elapsed() > timeLimit) {
                stop = new Termination.Stop(SdpStatus.TIME_LIMIT, "time limit " + timeLimit + " s reached", null);
                break;
            }
            if (options.isCancelled()) {
                stop = new Termination.Stop(SdpStatus.INTERRUPTED, "cancelled after " + iter + " iterations", null);
                break;
            }
            smallestMu = Math.min(smallestMu, res.mu);
            smallestPinf = Math.min(smallestPinf, res.pinf);
            if (guarded && res.mu > DIVERGENCE_MU_FACTOR * smallestMu) {
                stop = numericalError(String.format(Locale.ROOT,
                        "diverging: mu %.2e is above %.0f times its smallest value %.2e", res.mu,
                        DIVERGENCE_MU_FACTOR, smallestMu));
                break;
            }
            if (guarded && res.pinf > feasTol && res.pinf > DIVERGENCE_PINF_FACTOR * smallestPinf) {
                stop = numericalError(String.format(Locale.ROOT,
                        "diverging: the primal infeasibility %.2e is above %.0f times its smallest value %.2e",
                        res.pinf, DIVERGENCE_PINF_FACTOR, smallestPinf));
                break;
            }
            if (termination.stagnated()) {
                stop = numericalError("stagnation: no progress in the last " + termination.sinceBest() + " iterations");
                break;
            }
            IterationFailure failure = oneIteration();
            if (failure != null) {
                stop = numericalError(failure.message() + " at iteration " + iter);
                break;
            }
            lastAp = ns.stepP;
            lastAd = ns.stepD;
            lastAffineP = ns.affineP;
            lastAffineD = ns.affineD;
            lastSigma = ns.sigmaUsed;
            iter++;
            if (ns.stepP < MIN_STEP && ns.stepD < MIN_STEP) {
                res.compute(it);
                termination.saveBest();
                stop = numericalError(String.format(Locale.ROOT, "stagnation: step lengths below %.0e", MIN_STEP));
                break;
            }
        }
        return new Outcome(termination.downgrade(stop), iter);
    }

    /**
     * Sets the starting point of {@link #startKind} (CSDP's where Mehrotra's does not apply).
     *
     * @return whether it is Mehrotra's
     */
    private boolean setStartingPoint() {
        boolean mehrotra = startKind == StartingPoint.Kind.MEHROTRA
                || (startKind == StartingPoint.Kind.AUTO && StartingPoint.looksLikeMomentRelaxation(d));
        if (mehrotra && StartingPoint.apply(d, it, res, ns)) {
            startName = "Mehrotra's";
            return true;
        }
        it.setInitialPoint(d, normC);
        startName = mehrotra ? "CSDP's (Mehrotra's did not apply)" : "CSDP's";
        return false;
    }

    private static Termination.Stop numericalError(String reason) {
        return new Termination.Stop(SdpStatus.NUMERICAL_ERROR, reason, null);
    }

    private void log(String line) {
        log.add(line);
        options.logSink().accept(line);
    }

    /** Factorizations, Schur complement and the predictor-corrector step (after the residuals). */
    private IterationFailure oneIteration() {
        perturbObjective();
        IterationFailure failure = ns.factor();
        if (failure == null) {
            failure = ns.step(res.mu);
        }
        return failure;
    }

    /** Adds eps I to Fd on the cones (after the residuals, which measure the true residual). */
    private void perturbObjective() {
        if (!perturb || d.coneDim == 0 || normC == 0) {
            return;
        }
        double eps = Math.min(DEFAULT_PERTURBATION, PERTURBATION_TOLERANCE_FACTOR * feasTol)
                * Math.min(normC, 1 + d.f0Max) / Math.sqrt(d.coneDim);
        perturbedMerit = Math.min(perturbedMerit, res.perturbedMerit(gapTol, feasTol));
        if (perturbedMerit < PERTURBATION_MERIT) {
            eps *= Math.pow(perturbedMerit / PERTURBATION_MERIT, PERTURBATION_DECAY_EXPONENT);
        }
        if (!(eps > 0)) {
            return;
        }
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            double[] f = res.fd[b].data;
            for (int r = 0; r < n; r++) {
                f[r * n + r] += eps;
            }
        }
        for (int p = 0; p < d.nLin; p++) {
            res.fdL[p] += eps;
        }
    }

    private SdpSolution finish(Termination.Stop stop, int iter) {
        double total = elapsed();
        String line = String.format(Locale.ROOT, "%s after %d iterations (%.3fs): %s",
                stop.status(), iter, total, stop.reason());
        if (options.verbose()) {
            log(line);
        }
        SdpSolution.Builder sb = termination.solution(stop, iter).log(log);
        sb.timing("setup", setupTime).timing("solve", total - setupTime).timing("total", total);
        if (iter > 0) {
            sb.timing("cones", ns.nsCones * 1e-9).timing("schur", ns.nsSchur * 1e-9)
                    .timing("factor", ns.nsFactor * 1e-9).timing("direction", ns.nsDirection * 1e-9)
                    .timing("steplength", ns.stepLengthNanos() * 1e-9);
        }
        return sb.build();
    }

    // ------------------------------------------------------------------ benchmark support

    private Iterate saved;

    /**
     * Sets up the run, takes {@code iterations} interior-point iterations from the initial
     * point and keeps that iterate, with its cone factorizations, for
     * {@link #benchmarkAssemble} and {@link #benchmarkIteration}. For benchmarks only.
     *
     * @return null, or why an iteration failed
     */
    String benchmarkPrepare(int iterations) {
        setup();
        setStartingPoint();
        for (int i = 0; i < iterations; i++) {
            res.compute(it);
            IterationFailure failure = oneIteration();
            if (failure != null) {
                return failure.message();
            }
        }
        saved = new Iterate(d);
        saved.setTo(it);
        res.compute(it);
        IterationFailure failure = ns.factorCones();
        return failure == null ? null : failure.message();
    }

    /**
     * Assembles the Schur complement at the kept iterate (X restored first; Z^{-1} and
     * x_L / z_L are those of the kept iterate, which every benchmark iteration recomputes
     * before stepping); returns M. For benchmarks only.
     */
    DMatrixRMaj benchmarkAssemble() {
        for (int b = 0; b < d.nPsd; b++) {
            it.x[b].setTo(saved.x[b]);
        }
        return ns.assembleDense();
    }

    /**
     * As {@link #benchmarkAssemble}, but with the per-variable formulas only (no low-rank or
     * moment block formulas) in the calling thread, into out: the block formulas' baseline. For
     * benchmarks only.
     */
    void benchmarkAssemblePerVariable(SchurAssembler perVariable, DMatrixRMaj out) {
        for (int b = 0; b < d.nPsd; b++) {
            it.x[b].setTo(saved.x[b]);
        }
        perVariable.assemble(ns.zinv, it.x, ns.ratio, out);
    }

    /** One full iteration from the kept iterate (restored first); null or why it failed. */
    String benchmarkIteration() {
        it.setTo(saved);
        res.compute(it);
        IterationFailure failure = oneIteration();
        return failure == null ? null : failure.message();
    }

    /** Releases the threads of a run used through the benchmark methods. */
    void benchmarkClose() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
