package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpStatus;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.Arrays;
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
 * endgame correction projects the iterate back onto the equations ({@link #polish}).
 * Not thread-safe; used once.
 */
final class InteriorPointRun {

    private final SdpProblem problem;
    private final Kernels kernels;
    private final NativeLapack lapack;
    private final SdpOptions options;
    private final double gapTol;
    private final double feasTol;
    private final int maxIterations;
    private final double timeLimit;
    private final List<String> log = new ArrayList<>();
    private final long start = System.nanoTime();

    private ProblemData d;
    private int m;
    private int nP;
    private int nL;
    private int nZ;

    // iterate
    private DMatrixRMaj[] x;
    private DMatrixRMaj[] z;
    private double[] xL;
    private double[] zL;
    private double[] xf;
    private double[] y;

    // per-iteration work
    private DMatrixRMaj[] zinv;
    private DMatrixRMaj[] lxInv;
    private DMatrixRMaj[] lzInv;
    private DMatrixRMaj[] fd;
    private DMatrixRMaj[] q;
    private DMatrixRMaj[] dx;
    private DMatrixRMaj[] dz;
    private DMatrixRMaj[] dxa;
    private DMatrixRMaj[] dza;
    private DMatrixRMaj[] g;
    private DMatrixRMaj[] dxKeep;
    private DMatrixRMaj[] dzKeep;
    private double[] dxLKeep;
    private double[] dzLKeep;
    private DMatrixRMaj[] t1;
    private DMatrixRMaj[] t2;
    private CholeskyDecompositionInner_DDRM[] chol;
    private double[] fdL;
    private double[] gL;
    private double[] dxL;
    private double[] dzL;
    private double[] dxLa;
    private double[] dzLa;
    private double[] ratio;
    private double[] rp;
    private double[] rz;
    private double[] rhs;
    private double[] dy;
    private double[] dyA;
    private double[] dxf;
    private double[] dxfA;
    private double[] refineRhs;
    private double[] refineZ;
    private double[] refineDy;
    private double[] refineDxf;
    private DMatrixRMaj schur;
    private DMatrixRMaj schurWork;
    private DenseCholesky schurChol;
    /** The sparse factorization of M when M is sparse enough (null: the dense one). */
    private SparseSchur sparseSchur;
    /** Thresholds of the choice of the sparse factorization (see {@link SparseSchur}). */
    private int sparseMinVariables = SparseSchur.MIN_VARIABLES;
    private double sparseMaxDensity = SparseSchur.MAX_DENSITY;
    private double sparseMaxFlopRatio = SparseSchur.MAX_FLOP_RATIO;
    private double[] colWork;
    private DMatrixRMaj bDense;
    private DMatrixRMaj mInvB;
    private DMatrixRMaj kMat;
    private LinearSolverDense<DMatrixRMaj> kSolver;
    private DMatrixRMaj vecM2;
    private DMatrixRMaj vecZ;
    private DMatrixRMaj vecZ2;
    private double rho;
    private SchurAssembler assembler;
    private StepLength stepLength;
    private Residuals measure;
    private ExecutorService pool;

    // measures of the current iterate
    private double pobj;
    private double dobj;
    private double gap;
    private double pinf;
    private double dinf;
    private double mu;
    private double normC;

    // best iterate
    private double bestMerit = Double.POSITIVE_INFINITY;
    private double[] bestY;
    private double[][] bestBlocks;
    private double bestGap;
    private double bestPinf;
    private double bestDinf;
    private int sinceBest;

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
    }

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
        m = d.m;
        nP = d.nPsd;
        nL = d.nLin;
        nZ = d.nZero;
        x = mats();
        z = mats();
        zinv = mats();
        lxInv = mats();
        lzInv = mats();
        fd = mats();
        q = mats();
        dx = mats();
        dz = mats();
        dxa = mats();
        dza = mats();
        g = mats();
        dxKeep = mats();
        dzKeep = mats();
        t1 = mats();
        t2 = mats();
        stepLength = new StepLength(d, kernels, t1, g);
        chol = new CholeskyDecompositionInner_DDRM[nP];
        for (int b = 0; b < nP; b++) {
            chol[b] = new CholeskyDecompositionInner_DDRM(true);
        }
        xL = new double[nL];
        zL = new double[nL];
        fdL = new double[nL];
        gL = new double[nL];
        dxL = new double[nL];
        dzL = new double[nL];
        dxLa = new double[nL];
        dzLa = new double[nL];
        dxLKeep = new double[nL];
        dzLKeep = new double[nL];
        ratio = new double[nL];
        xf = new double[nZ];
        y = new double[m];
        rp = new double[m];
        rz = new double[nZ];
        measure = new Residuals(d, fd, fdL, rz, rp);
        rhs = new double[m];
        dy = new double[m];
        dyA = new double[m];
        dxf = new double[nZ];
        dxfA = new double[nZ];
        refineRhs = new double[m];
        refineZ = new double[nZ];
        refineDy = new double[m];
        refineDxf = new double[nZ];
        sparseSchur = SparseSchur.choose(d, sparseMinVariables, sparseMaxDensity, sparseMaxFlopRatio);
        if (sparseSchur == null) {
            // the sparse path needs no m x m array at all
            schur = new DMatrixRMaj(m, m);
            schurWork = new DMatrixRMaj(m, m);
        }
        vecM2 = new DMatrixRMaj(m, 1);
        if (nZ > 0) {
            bDense = new DMatrixRMaj(m, nZ);
            for (int j = 0; j < nZ; j++) {
                for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                    bDense.data[d.zeroVar[e] * nZ + j] = d.zeroVal[e];
                }
            }
            mInvB = new DMatrixRMaj(m, nZ);
            kMat = new DMatrixRMaj(nZ, nZ);
            kSolver = LinearSolverFactory_DDRM.chol(nZ);
            vecZ = new DMatrixRMaj(nZ, 1);
            vecZ2 = new DMatrixRMaj(nZ, 1);
        }
        int threads = options.effectiveThreads();
        if (threads > 1 && m >= PureSdpSolver.DEFAULT_PARALLEL_MIN_VARIABLES) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "polysos-pure-schur-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            assembler = new SchurAssembler(d, pool, threads);
            schurChol = new DenseCholesky(m, pool, threads, kernels, lapack);
        } else {
            assembler = new SchurAssembler(d, null, 1);
            schurChol = new DenseCholesky(m, null, 1, kernels, lapack);
        }
        colWork = new double[m];
        normC = d.constantNorm();
    }

    private DMatrixRMaj[] mats() {
        DMatrixRMaj[] r = new DMatrixRMaj[nP];
        for (int b = 0; b < nP; b++) {
            r[b] = new DMatrixRMaj(d.psdSize[b], d.psdSize[b]);
        }
        return r;
    }

    /** CSDP's initial point: X = 10 alpha I, Z = 10 beta I, y = 0, x_f = 0. */
    private void initialPoint() {
        int n = Math.max(1, d.coneDim);
        double alpha = 0;
        double maxNorm = 0;
        for (int i = 0; i < m; i++) {
            double nrm = d.coefficientNorm(i);
            maxNorm = Math.max(maxNorm, nrm);
            alpha = Math.max(alpha, (1 + Math.abs(d.c[i])) / (1 + nrm));
        }
        alpha *= n;
        if (alpha == 0) {
            alpha = n;
        }
        double beta = (1 + Math.max(maxNorm, normC)) / Math.sqrt(n);
        for (int b = 0; b < nP; b++) {
            int s = d.psdSize[b];
            for (int r = 0; r < s; r++) {
                x[b].data[r * s + r] = 10 * alpha;
                z[b].data[r * s + r] = 10 * beta;
            }
        }
        Arrays.fill(xL, 10 * alpha);
        Arrays.fill(zL, 10 * beta);
    }

    private SdpSolution iterate() {
        setup();
        double setupTime = elapsed();
        if (sparseSchur != null && options.verbose()) {
            String line = String.format(Locale.ROOT,
                    "sparse Schur complement: m=%d, %d of %d lower-triangle entries, factor %d entries, %.2e multiply-adds (dense %.2e)",
                    m, sparseSchur.pattern().nonzeros(), (long) m * (m + 1) / 2, sparseSchur.cholesky().factorNonzeros(),
                    sparseSchur.cholesky().flops(), (double) m * m * m / 6);
            log.add(line);
            options.logSink().accept(line);
        }
        initialPoint();
        int iter = 0;
        String reason;
        SdpStatus status;
        double lastAp = 0;
        double lastAd = 0;
        while (true) {
            residuals();
            if (!Double.isFinite(pinf) || !Double.isFinite(dinf) || !Double.isFinite(gap)) {
                status = SdpStatus.NUMERICAL_ERROR;
                reason = "non-finite iterate at iteration " + iter;
                break;
            }
            if (options.verbose()) {
                String line = String.format(Locale.ROOT,
                        "%3d pobj=% .9e dobj=% .9e gap=%.2e pinf=%.2e dinf=%.2e mu=%.2e ap=%.3f ad=%.3f t=%.3fs",
                        iter, pobj, dobj, gap, pinf, dinf, mu, lastAp, lastAd, elapsed());
                log.add(line);
                options.logSink().accept(line);
            }
            if (gap <= gapTol && Math.max(pinf, dinf) > feasTol
                    && Math.max(pinf, dinf) <= POLISH_LIMIT * feasTol) {
                String polished = polish();
                if (polished != null && options.verbose()) {
                    String line = String.format(Locale.ROOT, "    %s: gap=%.2e pinf=%.2e dinf=%.2e", polished, gap, pinf, dinf);
                    log.add(line);
                    options.logSink().accept(line);
                }
            }
            if (gap <= gapTol && pinf <= feasTol && dinf <= feasTol) {
                bestY = y.clone();
                bestBlocks = dualBlocks(1.0);
                return finish(SdpStatus.OPTIMAL, "converged: relative gap, primal and dual infeasibility within tolerance",
                        iter, setupTime, null);
            }
            SdpSolution cert = certificate(iter, setupTime);
            if (cert != null) {
                return cert;
            }
            saveBest(iter);
            if (iter >= maxIterations) {
                status = SdpStatus.ITERATION_LIMIT;
                reason = "iteration limit " + maxIterations + " reached";
                break;
            }
            if (elapsed() > timeLimit) {
                status = SdpStatus.TIME_LIMIT;
                reason = "time limit " + timeLimit + " s reached";
                break;
            }
            if (options.isCancelled()) {
                status = SdpStatus.INTERRUPTED;
                reason = "cancelled after " + iter + " iterations";
                break;
            }
            if (sinceBest >= 10) {
                status = SdpStatus.NUMERICAL_ERROR;
                reason = "stagnation: no progress in the last " + sinceBest + " iterations";
                break;
            }
            String failure = oneIteration();
            if (failure != null) {
                status = SdpStatus.NUMERICAL_ERROR;
                reason = failure + " at iteration " + iter;
                break;
            }
            lastAp = stepP;
            lastAd = stepD;
            iter++;
            if (stepP < 1e-12 && stepD < 1e-12) {
                residuals();
                saveBest(iter);
                status = SdpStatus.NUMERICAL_ERROR;
                reason = "stagnation: step lengths below 1e-12";
                break;
            }
        }
        if (status == SdpStatus.NUMERICAL_ERROR) {
            double f = PureSdpSolver.DEFAULT_INACCURATE_FACTOR;
            double lim = PureSdpSolver.DEFAULT_INACCURATE_TOLERANCE;
            if (bestBlocks != null && bestGap <= Math.min(lim, f * gapTol)
                    && bestPinf <= Math.min(lim, f * feasTol) && bestDinf <= Math.min(lim, f * feasTol)) {
                status = SdpStatus.INACCURATE_OPTIMAL;
                reason = reason + "; best iterate within " + f + " x tolerances";
            }
        }
        return finish(status, reason, iter, setupTime, null);
    }

    // ------------------------------------------------------------------ endgame

    /**
     * The endgame correction is tried when the gap is met and the larger infeasibility is
     * above the tolerance by at most this factor.
     */
    static final double POLISH_LIMIT = 1e3;

    /**
     * Endgame correction of an iterate whose gap is within tolerance but whose primal or
     * dual infeasibility is slightly above it, typically from the rounding of the last
     * direction (whose X part is a difference of large terms). Primal: the least-change
     * correction dX = -sym(Z^{-1} A^T(w) X), dx_L = -(x_L / z_L) A_L^T w, dx_f from the
     * saddle system with right-hand side (-rp, 0), so that A(dX) + B dx_f = rp; being of the
     * size of rp it is computed accurately. Dual: Z = A^T y - C. Each is kept only when the
     * corrected cone variable stays positive definite and the merit
     * max(gap / gapTol, max(pinf, dinf) / feasTol) decreases. After it the measures are
     * those of the current iterate.
     *
     * @return what was corrected, or null
     */
    private String polish() {
        String done = null;
        if (dinf > feasTol && pinf <= POLISH_LIMIT * feasTol && polishDual()) {
            done = "dual correction Z = A^T y - C";
        }
        if (pinf > feasTol && m > 0 && polishPrimal()) {
            done = done == null ? "primal correction A(dX) + B dx_f = rp" : done + ", primal correction";
        }
        return done;
    }

    private boolean polishDual() {
        double before = merit();
        for (int b = 0; b < nP; b++) {
            dzKeep[b].setTo(z[b]);
            CommonOps_DDRM.addEquals(z[b], fd[b]);
            symmetrize(z[b]);
        }
        System.arraycopy(zL, 0, dzLKeep, 0, nL);
        boolean ok = true;
        for (int p = 0; p < nL; p++) {
            zL[p] += fdL[p];
            ok &= zL[p] > 0;
        }
        for (int b = 0; b < nP && ok; b++) {
            ok = lowerInverse(b, z[b], lzInv[b]);
        }
        if (ok) {
            residuals();
            ok = merit() < before;
        }
        if (!ok) {
            for (int b = 0; b < nP; b++) {
                z[b].setTo(dzKeep[b]);
            }
            System.arraycopy(dzLKeep, 0, zL, 0, nL);
            residuals();
        }
        return ok;
    }

    private boolean polishPrimal() {
        double before = merit();
        if (factorCones() != null) {
            return false;
        }
        assembleSchur();
        if (factorSchur() != null) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            rhs[i] = -rp[i];
        }
        Arrays.fill(refineZ, 0.0);
        solveSaddle(rhs, refineZ, dy, dxf);
        for (int b = 0; b < nP; b++) {
            dz[b].zero();
            ConeOperator.addAT(d, b, dy, 1.0, dz[b]);
            zwx(b, dz[b], dx[b]);
            dxKeep[b].setTo(x[b]);
            CommonOps_DDRM.addEquals(x[b], -1.0, dx[b]);
        }
        System.arraycopy(xL, 0, dxLKeep, 0, nL);
        boolean ok = true;
        for (int p = 0; p < nL; p++) {
            double s = 0;
            for (int e = d.linRowPtr[p]; e < d.linRowPtr[p + 1]; e++) {
                s += d.linRowVal[e] * dy[d.linRowVar[e]];
            }
            xL[p] -= ratio[p] * s;
            ok &= xL[p] > 0;
        }
        for (int j = 0; j < nZ; j++) {
            xf[j] += dxf[j];
        }
        for (int b = 0; b < nP && ok; b++) {
            ok = lowerInverse(b, x[b], lxInv[b]);
        }
        if (ok) {
            residuals();
            ok = merit() < before;
        }
        if (!ok) {
            for (int b = 0; b < nP; b++) {
                x[b].setTo(dxKeep[b]);
            }
            System.arraycopy(dxLKeep, 0, xL, 0, nL);
            for (int j = 0; j < nZ; j++) {
                xf[j] -= dxf[j];
            }
            residuals();
        }
        return ok;
    }

    // ------------------------------------------------------------------ benchmark support

    private DMatrixRMaj[] savedX;
    private DMatrixRMaj[] savedZ;
    private double[] savedXL;
    private double[] savedZL;
    private double[] savedXf;
    private double[] savedY;

    /**
     * Sets up the run, takes {@code iterations} interior-point iterations from the initial
     * point and keeps that iterate, with its cone factorizations, for
     * {@link #benchmarkAssemble} and {@link #benchmarkIteration}. For benchmarks only.
     *
     * @return null, or why an iteration failed
     */
    String benchmarkPrepare(int iterations) {
        setup();
        initialPoint();
        for (int it = 0; it < iterations; it++) {
            residuals();
            String failure = oneIteration();
            if (failure != null) {
                return failure;
            }
        }
        savedX = mats();
        savedZ = mats();
        for (int b = 0; b < nP; b++) {
            savedX[b].setTo(x[b]);
            savedZ[b].setTo(z[b]);
        }
        savedXL = xL.clone();
        savedZL = zL.clone();
        savedXf = xf.clone();
        savedY = y.clone();
        residuals();
        return factorCones();
    }

    /**
     * Assembles the Schur complement at the kept iterate (X restored first; Z^{-1} and
     * x_L / z_L are those of the kept iterate, which every benchmark iteration recomputes
     * before stepping); returns M. For benchmarks only.
     */
    DMatrixRMaj benchmarkAssemble() {
        for (int b = 0; b < nP; b++) {
            x[b].setTo(savedX[b]);
        }
        if (sparseSchur != null) {
            DMatrixRMaj dense = new DMatrixRMaj(m, m);
            assembler.assemble(zinv, x, ratio, dense);
            return dense;
        }
        assembler.assemble(zinv, x, ratio, schur);
        return schur;
    }

    /** One full iteration from the kept iterate (restored first); null or why it failed. */
    String benchmarkIteration() {
        for (int b = 0; b < nP; b++) {
            x[b].setTo(savedX[b]);
            z[b].setTo(savedZ[b]);
        }
        System.arraycopy(savedXL, 0, xL, 0, nL);
        System.arraycopy(savedZL, 0, zL, 0, nL);
        System.arraycopy(savedXf, 0, xf, 0, nZ);
        System.arraycopy(savedY, 0, y, 0, m);
        residuals();
        return oneIteration();
    }

    /** Releases the threads of a run used through the benchmark methods. */
    void benchmarkClose() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Factorizations, Schur complement and the predictor-corrector step (after residuals()). */
    private String oneIteration() {
        perturbObjective();
        long t0 = System.nanoTime();
        String failure = factorCones();
        long t1 = System.nanoTime();
        nsCones += t1 - t0;
        if (failure == null) {
            assembleSchur();
            long t2 = System.nanoTime();
            nsSchur += t2 - t1;
            failure = factorSchur();
            nsFactor += System.nanoTime() - t2;
        }
        if (failure == null) {
            failure = step();
        }
        return failure;
    }

    // ------------------------------------------------------------------ per-phase wall time (reported in the timings)

    /** Cholesky factors and inverses of X and Z, Z^{-1}, the NONNEG ratios. */
    private long nsCones;
    /** Schur complement assembly. */
    private long nsSchur;
    /** Factorization of the Schur complement (and of the equality system). */
    private long nsFactor;
    /** Predictor and corrector directions: right-hand sides, solves, dX and dZ, refinement. */
    private long nsDirection;

    // ------------------------------------------------------------------ residuals and measures

    private void residuals() {
        measure.compute(x, z, xL, zL, xf, y);
        pobj = measure.pobj;
        dobj = measure.dobj;
        mu = measure.mu;
        gap = measure.gap;
        pinf = measure.pinf;
        dinf = measure.dinf;
    }

    /**
     * Relative size of the objective perturbation: the Newton system aims at
     * Z = A^T y - (C - eps I) (the dual residual Fd used in the directions is A^T y - C - Z
     * + eps I) with eps sqrt(n) = min(DEFAULT_PERTURBATION, PERTURBATION_TOLERANCE_FACTOR
     * feasTol) min(||C||_F, 1 + ||C||_max), a dual residual of that relative size in the
     * measure of dinf (at most 100 times the tolerance), while the best iterate's
     * merit max(gap / gapTol, infeasibility / feasTol) is above
     * {@link #PERTURBATION_MERIT}, and eps scaled by (merit / PERTURBATION_MERIT)^1.5 below it,
     * so that it vanishes as the iterates converge. When (P) has no strictly feasible point
     * (the moment matrices of relaxations with equality constraints are singular at every
     * feasible y) the optimal set of (D) is unbounded and the unperturbed iterates let X grow
     * along the kernel of Z while Z approaches the singular face faster than mu, which ruins
     * the accuracy of the directions; penalizing tr X keeps both bounded (CSDP does the same).
     * The residuals and the reported measures always use the true C.
     */
    static final double DEFAULT_PERTURBATION = 1e-6;
    /** Merit below which the objective perturbation starts to shrink (see {@link #DEFAULT_PERTURBATION}). */
    static final double PERTURBATION_MERIT = 1e3;
    /** Bound on the objective perturbation relative to the feasibility tolerance. */
    static final double PERTURBATION_TOLERANCE_FACTOR = 100;

    /** Adds eps I to Fd on the cones (after residuals(), which measure the true residual). */
    private void perturbObjective() {
        if (d.coneDim == 0 || normC == 0) {
            return;
        }
        double eps = Math.min(DEFAULT_PERTURBATION, PERTURBATION_TOLERANCE_FACTOR * feasTol)
                * Math.min(normC, 1 + d.f0Max) / Math.sqrt(d.coneDim);
        if (bestMerit < PERTURBATION_MERIT) {
            eps *= Math.pow(bestMerit / PERTURBATION_MERIT, 1.5);
        }
        if (!(eps > 0)) {
            return;
        }
        for (int b = 0; b < nP; b++) {
            int n = d.psdSize[b];
            double[] f = fd[b].data;
            for (int r = 0; r < n; r++) {
                f[r * n + r] += eps;
            }
        }
        for (int p = 0; p < nL; p++) {
            fdL[p] += eps;
        }
    }

    // ------------------------------------------------------------------ factorizations

    /** Cholesky factors of X and Z, their inverses, Z^{-1}, x_L / z_L, and Q = sym(Z^{-1} Fd X). */
    private String factorCones() {
        for (int b = 0; b < nP; b++) {
            if (!lowerInverse(b, x[b], lxInv[b])) {
                return "X block " + d.psdOriginal[b] + " lost positive definiteness";
            }
            if (!lowerInverse(b, z[b], lzInv[b])) {
                return "Z block " + d.psdOriginal[b] + " lost positive definiteness";
            }
            CommonOps_DDRM.multTransA(lzInv[b], lzInv[b], zinv[b]);
            zwx(b, fd[b], q[b]);
        }
        for (int p = 0; p < nL; p++) {
            if (!(xL[p] > 0) || !(zL[p] > 0)) {
                return "NONNEG entry " + p + " lost positivity";
            }
            ratio[p] = xL[p] / zL[p];
        }
        return null;
    }

    /** linv = L^{-1} with a = L L^T; false when a is not positive definite. */
    private boolean lowerInverse(int b, DMatrixRMaj a, DMatrixRMaj linv) {
        int n = d.psdSize[b];
        linv.setTo(a);
        if (!chol[b].decompose(linv)) {
            return false;
        }
        double[] l = linv.data;
        for (int r = 0; r < n; r++) {
            if (!(l[r * n + r] > 0) || !Double.isFinite(l[r * n + r])) {
                return false;
            }
            for (int c = r + 1; c < n; c++) {
                l[r * n + c] = 0.0;
            }
        }
        TriangularSolver_DDRM.invertLower(l, n);
        return true;
    }

    /** out = sym(Z^{-1} w X). */
    private void zwx(int b, DMatrixRMaj w, DMatrixRMaj out) {
        mult(zinv[b], w, t1[b]);
        mult(t1[b], x[b], out);
        symmetrize(out);
    }

    /** c = a b for square blocks, with the dense kernels. */
    private void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        kernels.multiply(a.data, b.data, c.data, a.numRows);
    }

    static void symmetrize(DMatrixRMaj a) {
        int n = a.numRows;
        double[] v = a.data;
        for (int r = 0; r < n; r++) {
            for (int c = r + 1; c < n; c++) {
                double s = 0.5 * (v[r * n + c] + v[c * n + r]);
                v[r * n + c] = s;
                v[c * n + r] = s;
            }
        }
    }

    /** Assembles M: the symmetric dense matrix, or on the sparse path M on its pattern only. */
    private void assembleSchur() {
        if (sparseSchur != null) {
            sparseSchur.assemble(assembler, zinv, x, ratio);
        } else {
            assembler.assemble(zinv, x, ratio, schur);
        }
    }

    /** Factors M (possibly augmented) and, with ZERO blocks, K = B^T M^{-1} B. */
    private String factorSchur() {
        rho = 0;
        if (m == 0) {
            return null;
        }
        double maxDiag = 0;
        if (sparseSchur != null) {
            maxDiag = sparseSchur.maxDiagonal();
        } else {
            for (int i = 0; i < m; i++) {
                maxDiag = Math.max(maxDiag, schur.data[i * m + i]);
            }
        }
        if (nZ > 0 && d.needsAugmentation) {
            augment(maxDiag);
        }
        boolean ok = factorM(0);
        if (!ok && nZ > 0 && rho == 0) {
            augment(maxDiag);
            ok = factorM(0);
        }
        double reg = 1e-14;
        while (!ok && reg <= 1e-8) {
            ok = factorM(reg * Math.max(maxDiag, 1e-300));
            reg *= 100;
        }
        if (!ok) {
            return "Schur complement is singular";
        }
        if (nZ > 0) {
            for (int j = 0; j < nZ; j++) {
                for (int i = 0; i < m; i++) {
                    colWork[i] = bDense.data[i * nZ + j];
                }
                solveM(colWork);
                for (int i = 0; i < m; i++) {
                    mInvB.data[i * nZ + j] = colWork[i];
                }
            }
            CommonOps_DDRM.multTransA(bDense, mInvB, kMat);
            double kMax = 0;
            for (int j = 0; j < nZ; j++) {
                kMax = Math.max(kMax, kMat.data[j * nZ + j]);
            }
            DMatrixRMaj kCopy = kMat.copy();
            boolean kok = kSolver.setA(kCopy);
            double kreg = 1e-14;
            while (!kok && kreg <= 1e-6) {
                kCopy.setTo(kMat);
                for (int j = 0; j < nZ; j++) {
                    kCopy.data[j * nZ + j] += kreg * Math.max(kMax, 1e-300);
                }
                kok = kSolver.setA(kCopy);
                kreg *= 100;
            }
            if (!kok) {
                return "equality (ZERO block) system is singular";
            }
        }
        return null;
    }

    private void augment(double maxDiag) {
        double bMax = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < nZ; j++) {
                double v = bDense.data[i * nZ + j];
                s += v * v;
            }
            bMax = Math.max(bMax, s);
        }
        rho = bMax > 0 ? Math.max(maxDiag, 1.0) / bMax : 0;
    }

    private boolean factorM(double shift) {
        if (sparseSchur != null) {
            return sparseSchur.factor(rho, shift);
        }
        schurWork.setTo(schur);
        if (rho != 0) {
            // M + rho B B^T
            CommonOps_DDRM.multAddTransB(rho, bDense, bDense, schurWork);
        }
        if (shift != 0) {
            for (int i = 0; i < m; i++) {
                schurWork.data[i * m + i] += shift;
            }
        }
        for (int i = 0; i < m; i++) {
            if (schurWork.data[i * m + i] == 0.0) {
                // a variable in no block at all: keep it fixed
                schurWork.data[i * m + i] = 1.0;
            }
        }
        return schurChol.factor(schurWork.data, m);
    }

    /** b := M^{-1} b (M possibly augmented) with the last factorization, sparse or dense. */
    private void solveM(double[] b) {
        if (sparseSchur != null) {
            sparseSchur.solve(b);
        } else {
            schurChol.solve(b);
        }
    }

    /** Solves the saddle system for dy and dx_f given the first block row r (modified). */
    private void solveSaddle(double[] r, double[] rzIn, double[] dyOut, double[] dxfOut) {
        if (m == 0) {
            return;
        }
        if (rho != 0) {
            for (int j = 0; j < nZ; j++) {
                double v = rho * rzIn[j];
                for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                    r[d.zeroVar[e]] += d.zeroVal[e] * v;
                }
            }
        }
        System.arraycopy(r, 0, vecM2.data, 0, m);
        solveM(vecM2.data);
        if (nZ == 0) {
            System.arraycopy(vecM2.data, 0, dyOut, 0, m);
            return;
        }
        // w = K^{-1} (B^T u - rz), dy = u - M^{-1} B w, dx_f = -w
        for (int j = 0; j < nZ; j++) {
            double s = -rzIn[j];
            for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                s += d.zeroVal[e] * vecM2.data[d.zeroVar[e]];
            }
            vecZ.data[j] = s;
        }
        kSolver.solve(vecZ, vecZ2);
        double[] w = vecZ2.data;
        for (int i = 0; i < m; i++) {
            double s = vecM2.data[i];
            int off = i * nZ;
            for (int j = 0; j < nZ; j++) {
                s -= mInvB.data[off + j] * w[j];
            }
            dyOut[i] = s;
        }
        for (int j = 0; j < nZ; j++) {
            dxfOut[j] = -w[j];
        }
    }

    // ------------------------------------------------------------------ the step

    private double stepP;
    private double stepD;

    /**
     * Computes a direction for target muT with optional second-order term.
     * Fills dx, dz, dxL, dzL, dyOut, dxfOut.
     */
    private void direction(double muT, boolean corrector, double[] dyOut, double[] dxfOut) {
        Arrays.fill(rhs, 0.0);
        for (int b = 0; b < nP; b++) {
            int n = d.psdSize[b];
            DMatrixRMaj gb = g[b];
            if (corrector) {
                // G = muT Zinv - sym(Zinv dZa dXa) - X
                mult(zinv[b], dza[b], t1[b]);
                mult(t1[b], dxa[b], gb);
                symmetrize(gb);
                double[] gv = gb.data;
                double[] zi = zinv[b].data;
                double[] xv = x[b].data;
                for (int e = 0; e < n * n; e++) {
                    gv[e] = muT * zi[e] - gv[e] - xv[e];
                }
            } else {
                double[] gv = gb.data;
                double[] zi = zinv[b].data;
                double[] xv = x[b].data;
                for (int e = 0; e < n * n; e++) {
                    gv[e] = muT * zi[e] - xv[e];
                }
            }
            // H = G - Q stored in t2 for the right-hand side
            double[] h = t2[b].data;
            double[] gv = gb.data;
            double[] qv = q[b].data;
            for (int e = 0; e < n * n; e++) {
                h[e] = gv[e] - qv[e];
            }
        }
        for (int p = 0; p < nL; p++) {
            double gp = corrector ? (muT - dzLa[p] * dxLa[p]) / zL[p] - xL[p] : muT / zL[p] - xL[p];
            gL[p] = gp;
            dxL[p] = gp - fdL[p] * ratio[p]; // hL, temporarily
        }
        ConeOperator.applyA(d, t2, dxL, 1.0, rhs);
        for (int i = 0; i < m; i++) {
            rhs[i] -= rp[i];
        }
        solveSaddle(rhs, rz, dyOut, dxfOut);
        recoverBlocks(dyOut);
        if (m == 0) {
            return;
        }
        double primalTarget = REFINEMENT_TOLERANCE_FACTOR * feasTol * (1 + d.cInf);
        double zeroTarget = REFINEMENT_TOLERANCE_FACTOR * feasTol * (1 + d.f0Max);
        double err = primalEquationError(dxfOut, refineRhs);
        double errZ = zeroEquationError(dyOut);
        for (int pass = 0; pass < REFINEMENT_PASSES && (err > primalTarget || errZ > zeroTarget); pass++) {
            double after = refine(dyOut, dxfOut, err);
            if (after >= err) {
                break;
            }
            err = after;
            errZ = zeroEquationError(dyOut);
        }
    }

    /** Passes of iterative refinement of the primal equations A(dX) + B dx_f = rp per direction. */
    private static final int REFINEMENT_PASSES = 3;
    /**
     * Refinement runs only while the error of the primal (or ZERO-block) equations of the
     * direction exceeds this fraction of the feasibility tolerance, in the scaling of the
     * infeasibility measures; a direction already that accurate skips it.
     */
    private static final double REFINEMENT_TOLERANCE_FACTOR = 1e-2;

    /** ||rz - B^T dy||_2, the error of the ZERO-block equations of a direction. */
    private double zeroEquationError(double[] dyIn) {
        double s2 = 0;
        for (int j = 0; j < nZ; j++) {
            double s = rz[j];
            for (int f = d.zeroPtr[j]; f < d.zeroPtr[j + 1]; f++) {
                s -= d.zeroVal[f] * dyIn[d.zeroVar[f]];
            }
            s2 += s * s;
        }
        return Math.sqrt(s2);
    }

    /** dZ = A^T dy + Fd, dX = G - sym(Z^{-1} dZ X) and their NONNEG counterparts. */
    private void recoverBlocks(double[] dyIn) {
        for (int b = 0; b < nP; b++) {
            dz[b].setTo(fd[b]);
            ConeOperator.addAT(d, b, dyIn, 1.0, dz[b]);
            zwx(b, dz[b], dx[b]);
            double[] dv = dx[b].data;
            double[] gv = g[b].data;
            for (int e = 0; e < dv.length; e++) {
                dv[e] = gv[e] - dv[e];
            }
        }
        for (int p = 0; p < nL; p++) {
            double s = fdL[p];
            for (int e = d.linRowPtr[p]; e < d.linRowPtr[p + 1]; e++) {
                s += d.linRowVal[e] * dyIn[d.linRowVar[e]];
            }
            dzL[p] = s;
            dxL[p] = gL[p] - s * ratio[p];
        }
    }

    /**
     * One pass of iterative refinement: with e = rp - A(dX) - B dx_f and
     * e_z = rz - B^T dy, solves the saddle system for (ddy, -ddx_f) with right-hand side
     * (-e, e_z) and updates the direction, which corrects the error of the factorization.
     * Expects refineRhs to hold e (as left by {@link #primalEquationError}) with norm
     * {@code before}; returns the new norm, or {@code before} when the correction was undone.
     */
    private double refine(double[] dyIo, double[] dxfIo, double before) {
        for (int j = 0; j < nZ; j++) {
            double s = rz[j];
            for (int f = d.zeroPtr[j]; f < d.zeroPtr[j + 1]; f++) {
                s -= d.zeroVal[f] * dyIo[d.zeroVar[f]];
            }
            refineZ[j] = s;
        }
        solveSaddle(refineRhs, refineZ, refineDy, refineDxf);
        // keep the unrefined direction to restore it exactly if the correction does not help
        for (int b = 0; b < nP; b++) {
            dxKeep[b].setTo(dx[b]);
            dzKeep[b].setTo(dz[b]);
        }
        System.arraycopy(dxL, 0, dxLKeep, 0, nL);
        System.arraycopy(dzL, 0, dzLKeep, 0, nL);
        for (int i = 0; i < m; i++) {
            dyIo[i] += refineDy[i];
        }
        for (int j = 0; j < nZ; j++) {
            dxfIo[j] += refineDxf[j];
        }
        recoverBlocks(dyIo);
        double after = primalEquationError(dxfIo, refineRhs);
        if (!(after < before)) {
            // the correction did not help (the error is rounding in M itself): undo it
            for (int i = 0; i < m; i++) {
                dyIo[i] -= refineDy[i];
            }
            for (int j = 0; j < nZ; j++) {
                dxfIo[j] -= refineDxf[j];
            }
            for (int b = 0; b < nP; b++) {
                dx[b].setTo(dxKeep[b]);
                dz[b].setTo(dzKeep[b]);
            }
            System.arraycopy(dxLKeep, 0, dxL, 0, nL);
            System.arraycopy(dzLKeep, 0, dzL, 0, nL);
            return before;
        }
        return after;
    }

    /** e = A(dX) + A_L^T dx_L + B dx_f - rp (overwritten); returns ||e||_2. */
    private double primalEquationError(double[] dxfIn, double[] e) {
        for (int i = 0; i < m; i++) {
            e[i] = -rp[i];
        }
        ConeOperator.applyA(d, dx, dxL, 1.0, e);
        for (int j = 0; j < nZ; j++) {
            double v = dxfIn[j];
            for (int f = d.zeroPtr[j]; f < d.zeroPtr[j + 1]; f++) {
                e[d.zeroVar[f]] += d.zeroVal[f] * v;
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += e[i] * e[i];
        }
        return Math.sqrt(s);
    }

    private String step() {
        // predictor
        long t0 = System.nanoTime();
        direction(0.0, false, dyA, dxfA);
        nsDirection += System.nanoTime() - t0;
        // the step length overwrites g: keep dX, dZ of the predictor first
        for (int b = 0; b < nP; b++) {
            dxa[b].setTo(dx[b]);
            dza[b].setTo(dz[b]);
        }
        System.arraycopy(dxL, 0, dxLa, 0, nL);
        System.arraycopy(dzL, 0, dzLa, 0, nL);
        double apA = Math.min(1.0, stepLength.max(lxInv, dx, xL, dxL));
        double adA = Math.min(1.0, stepLength.max(lzInv, dz, zL, dzL));
        if (!Double.isFinite(apA) || !Double.isFinite(adA)) {
            return "non-finite predictor step";
        }
        double sigma;
        if (d.coneDim == 0 || mu <= 0) {
            sigma = 0;
        } else {
            double muA = 0;
            for (int b = 0; b < nP; b++) {
                double[] xv = x[b].data;
                double[] zv = z[b].data;
                double[] dxv = dxa[b].data;
                double[] dzv = dza[b].data;
                for (int e = 0; e < xv.length; e++) {
                    muA += (xv[e] + apA * dxv[e]) * (zv[e] + adA * dzv[e]);
                }
            }
            for (int p = 0; p < nL; p++) {
                muA += (xL[p] + apA * dxLa[p]) * (zL[p] + adA * dzLa[p]);
            }
            muA /= d.coneDim;
            double expo = Math.max(1.0, 3 * Math.min(apA, adA) * Math.min(apA, adA));
            sigma = Math.min(1.0, Math.pow(Math.max(0.0, muA / mu), expo));
        }
        // corrector
        long t1 = System.nanoTime();
        direction(sigma * mu, true, dy, dxf);
        nsDirection += System.nanoTime() - t1;
        double gamma = 0.9 + 0.09 * Math.min(apA, adA);
        double ap = Math.min(1.0, gamma * stepLength.max(lxInv, dx, xL, dxL));
        double ad = Math.min(1.0, gamma * stepLength.max(lzInv, dz, zL, dzL));
        if (!(ap >= 0) || !(ad >= 0)) {
            return "non-finite step length";
        }
        for (int b = 0; b < nP; b++) {
            CommonOps_DDRM.addEquals(x[b], ap, dx[b]);
            CommonOps_DDRM.addEquals(z[b], ad, dz[b]);
        }
        for (int p = 0; p < nL; p++) {
            xL[p] += ap * dxL[p];
            zL[p] += ad * dzL[p];
        }
        for (int j = 0; j < nZ; j++) {
            xf[j] += ap * dxf[j];
        }
        for (int i = 0; i < m; i++) {
            y[i] += ad * dy[i];
        }
        stepP = ap;
        stepD = ad;
        return null;
    }

    // ------------------------------------------------------------------ results

    private double merit() {
        return Math.max(gap / gapTol, Math.max(pinf, dinf) / feasTol);
    }

    private void saveBest(int iter) {
        double mer = merit();
        if (mer < 0.99 * bestMerit || bestBlocks == null) {
            if (mer < bestMerit) {
                bestMerit = mer;
            }
            bestY = y.clone();
            bestBlocks = dualBlocks(1.0);
            bestGap = gap;
            bestPinf = pinf;
            bestDinf = dinf;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
    }

    /** The dual blocks Y_k of the current iterate in the problem's layout, scaled. */
    private double[][] dualBlocks(double scale) {
        double[][] out = new double[problem.numBlocks()][];
        for (int b = 0; b < nP; b++) {
            double[] v = x[b].data.clone();
            for (int e = 0; e < v.length; e++) {
                v[e] *= scale;
            }
            out[d.psdOriginal[b]] = v;
        }
        for (int k = 0; k < problem.numBlocks(); k++) {
            BlockSpec spec = problem.block(k);
            if (spec.kind() == BlockKind.PSD) {
                continue;
            }
            double[] v = new double[spec.size()];
            double[] src = spec.kind() == BlockKind.NONNEG ? xL : xf;
            int off = spec.kind() == BlockKind.NONNEG ? d.linOffset[k] : d.zeroOffset[k];
            for (int e = 0; e < v.length; e++) {
                v[e] = scale * src[off + e];
            }
            out[k] = v;
        }
        return out;
    }

    /**
     * Infeasibility tests. (P) infeasible: Y = X / dobj with &lt;F_0,Y&gt; = 1 and
     * ||A(Y) + B y_f||_2 below the feasibility tolerance while dobj dwarfs |pobj|. (P)
     * unbounded: y / (-pobj) with c.y = -1 and sum_i y_i F_i in K up to the tolerance.
     */
    private SdpSolution certificate(int iter, double setupTime) {
        double denom = 1 + Math.abs(pobj);
        if (dobj > 0 && dobj > 1e3 * denom) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                double v = d.c[i] - rp[i];
                s += v * v;
            }
            double viol = Math.sqrt(s) / dobj;
            if (viol <= feasTol) {
                return finish(SdpStatus.INFEASIBLE, String.format(Locale.ROOT,
                        "primal infeasible: certificate Y with <F_0,Y> = 1, ||(<F_i,Y>)_i|| = %.2e", viol),
                        iter, setupTime, dualBlocks(1.0 / dobj));
            }
        }
        if (pobj < 0 && -pobj > 1e3 * (1 + Math.abs(dobj))) {
            // A^T y - Z = C + Fd, B^T y = f0z - rz
            double s = 0;
            for (int b = 0; b < nP; b++) {
                double[] cc = d.psdC[b].data;
                double[] f = fd[b].data;
                for (int e = 0; e < cc.length; e++) {
                    double v = cc[e] + f[e];
                    s += v * v;
                }
            }
            for (int p = 0; p < nL; p++) {
                double v = d.linC[p] + fdL[p];
                s += v * v;
            }
            for (int j = 0; j < nZ; j++) {
                double v = d.zeroC[j] - rz[j];
                s += v * v;
            }
            double viol = Math.sqrt(s) / -pobj;
            if (viol <= feasTol) {
                double[] ray = y.clone();
                for (int i = 0; i < m; i++) {
                    ray[i] /= -pobj;
                }
                return finishRay(ray, viol, iter, setupTime);
            }
        }
        return null;
    }

    private SdpSolution finishRay(double[] ray, double viol, int iter, double setupTime) {
        bestY = ray;
        bestBlocks = dualBlocks(1.0);
        return finish(SdpStatus.UNBOUNDED, String.format(Locale.ROOT,
                "unbounded: ray y with c.y = -1, cone violation of sum_i y_i F_i %.2e", viol), iter, setupTime, null);
    }

    private SdpSolution finish(SdpStatus status, String reason, int iter, double setupTime, double[][] certificate) {
        double total = elapsed();
        String line = String.format(Locale.ROOT, "%s after %d iterations (%.3fs): %s", status, iter, total, reason);
        if (options.verbose()) {
            log.add(line);
            options.logSink().accept(line);
        }
        SdpSolution.Builder sb = SdpSolution.builder(status)
                .iterations(iter)
                .solver(PureSdpSolver.NAME, PureSdpSolver.VERSION)
                .message(reason)
                .log(log);
        if (status == SdpStatus.INFEASIBLE) {
            sb.y(y.clone()).dualBlocks(certificate)
                    .primalObjective(Double.POSITIVE_INFINITY).dualObjective(Double.POSITIVE_INFINITY);
        } else if (status == SdpStatus.UNBOUNDED) {
            sb.y(bestY).dualBlocks(bestBlocks)
                    .primalObjective(Double.NEGATIVE_INFINITY).dualObjective(Double.NEGATIVE_INFINITY);
        } else if (bestBlocks != null) {
            sb.y(bestY).dualBlocks(bestBlocks).measure(problem);
        }
        sb.timing("setup", setupTime).timing("solve", total - setupTime).timing("total", total);
        if (iter > 0) {
            sb.timing("cones", nsCones * 1e-9).timing("schur", nsSchur * 1e-9).timing("factor", nsFactor * 1e-9)
                    .timing("direction", nsDirection * 1e-9).timing("steplength", stepLength.nanos * 1e-9);
        }
        return sb.build();
    }
}
