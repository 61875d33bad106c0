package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/**
 * The HKM Newton system of one iteration and the predictor-corrector step taken with it.
 * With the cone factorizations ({@link #factorCones}: X = L_X L_X^T, Z = L_Z L_Z^T, Z^{-1},
 * x_L / z_L and Q = sym(Z^{-1} Fd X)), the Schur complement M_ij = &lt;A_i, Z^{-1} A_j X&gt;
 * ({@link SchurAssembler}) and its factorization ({@link SchurFactorization}), a direction for
 * a target mu solves
 *
 * <pre>
 *   dX = mu Z^{-1} - X - sym(Z^{-1} dZ X),   dZ = A^T dy + Fd,   A(dX) + B dx_f = rp,
 * </pre>
 *
 * followed by at most {@link #REFINEMENT_PASSES} passes of iterative refinement. The step
 * ({@link #step}) is Mehrotra's predictor (mu = 0) and corrector (mu = sigma mu, second-order
 * term Z^{-1} dZ_aff dX_aff), with step lengths from {@link StepLength}, damped as in SDPT3.
 *
 * <p>Owns the work arrays of the iteration. The endgame ({@link Endgame}) borrows the
 * direction and the scratch arrays between iterations (their contents are not kept from one
 * iteration to the next): the solver's memory estimate counts
 * {@link PureSdpSolver#DENSE_COPIES_PER_BLOCK} dense copies of each PSD block, the 16 here and
 * in {@link Iterate} and {@link Residuals}. Not thread-safe.
 */
final class NewtonSystem {

    /** Passes of iterative refinement of the primal equations A(dX) + B dx_f = rp per direction. */
    static final int REFINEMENT_PASSES = 3;
    /**
     * Refinement runs only while the error of the primal (or ZERO-block) equations of the
     * direction exceeds this fraction of the feasibility tolerance, in the scaling of the
     * infeasibility measures; a direction already that accurate skips it.
     */
    static final double REFINEMENT_TOLERANCE_FACTOR = 1e-2;
    /**
     * Step damping gamma = GAMMA_BASE + GAMMA_SLOPE min(affine steps): the step is this
     * fraction of the largest one keeping X and Z positive definite (SDPT3's default,
     * {@code gam = 0} in {@code sqlpmain.m}, Toh, Todd and Tütüncü).
     */
    static final double GAMMA_BASE = 0.9;
    /** See {@link #GAMMA_BASE}. */
    static final double GAMMA_SLOPE = 0.09;
    /**
     * Exponent of Mehrotra's centering sigma = (mu_aff / mu)^e with
     * e = max(1, SIGMA_EXPONENT_FACTOR min(affine steps)^2) (SDPT3's {@code expon_used} with
     * {@code expon = 1}; Mehrotra's original exponent is 3).
     */
    static final double SIGMA_EXPONENT_FACTOR = 3;

    private final ProblemData d;
    private final Kernels kernels;
    private final Iterate it;
    private final Residuals res;
    private final double feasTol;
    private final SchurAssembler assembler;
    private final SchurFactorization factorization;
    private final StepLength stepLength;
    private final CholeskyDecompositionInner_DDRM[] chol;

    // cone factorizations (factorCones)
    /** Z^{-1} per PSD block. */
    final DMatrixRMaj[] zinv;
    /** L^{-1} of X = L L^T per PSD block. */
    final DMatrixRMaj[] lxInv;
    /** L^{-1} of Z = L L^T per PSD block. */
    final DMatrixRMaj[] lzInv;
    /** x_L / z_L. */
    final double[] ratio;
    private final DMatrixRMaj[] q;

    // the direction (outputs of direction and step)
    final DMatrixRMaj[] dx;
    final DMatrixRMaj[] dz;
    final double[] dxL;
    final double[] dzL;
    /** dy of the corrector (also the endgame's scratch). */
    final double[] dy;
    /** dx_f of the corrector (also the endgame's scratch). */
    final double[] dxf;
    private final double[] dyA;
    private final double[] dxfA;
    private final DMatrixRMaj[] dxa;
    private final DMatrixRMaj[] dza;
    private final double[] dxLa;
    private final double[] dzLa;

    // work arrays
    private final DMatrixRMaj[] g;
    private final double[] gL;
    private final DMatrixRMaj[] t1;
    private final DMatrixRMaj[] t2;
    /** Right-hand side of the saddle system (also the endgame's scratch). */
    final double[] rhs;
    /** Copies of dX, dZ blocks kept to undo a refinement (also the endgame's scratch). */
    final DMatrixRMaj[] dxKeep;
    /** See {@link #dxKeep}. */
    final DMatrixRMaj[] dzKeep;
    /** See {@link #dxKeep}. */
    final double[] dxLKeep;
    /** See {@link #dxKeep}. */
    final double[] dzLKeep;
    /** Second right-hand side of a refinement solve (also the endgame's scratch). */
    final double[] refineZ;
    private final double[] refineRhs;
    private final double[] refineDy;
    private final double[] refineDxf;
    /** The Schur complement M, dense (null on the sparse path, which keeps M on its pattern). */
    final DMatrixRMaj schur;
    /** The sparse path of M's assembly and factorization, or null for the dense one. */
    private final SparseSchur sparse;

    /** Primal and dual step lengths of the last {@link #step}. */
    double stepP;
    /** See {@link #stepP}. */
    double stepD;
    /** Centering sigma of the last {@link #step} (the corrector aims at sigma mu). */
    double sigmaUsed;
    /** Primal step length of the last predictor (affine) direction, before damping. */
    double affineP;
    /** See {@link #affineP}. */
    double affineD;

    // per-phase wall time, nanoseconds (reported in the timings)
    /** Cholesky factors and inverses of X and Z, Z^{-1}, the NONNEG ratios. */
    long nsCones;
    /** Schur complement assembly. */
    long nsSchur;
    /** Factorization of the Schur complement (and of the equality system). */
    long nsFactor;
    /** Predictor and corrector directions: right-hand sides, solves, dX and dZ, refinement. */
    long nsDirection;

    /**
     * @param sparse the sparse path of M (from {@link SparseSchur#choose}), or null for the dense one
     * @param pool threads for the Schur complement and its factorization, or null for the
     *        calling thread only
     * @param threads threads that may work at once, including the caller
     */
    NewtonSystem(ProblemData d, Kernels kernels, NativeLapack lapack, SparseSchur sparse, Iterate it, Residuals res,
                 double feasTol, ExecutorService pool, int threads) {
        this.d = d;
        this.kernels = kernels;
        this.it = it;
        this.res = res;
        this.feasTol = feasTol;
        int m = d.m;
        int nL = d.nLin;
        int nZ = d.nZero;
        zinv = Iterate.blocks(d);
        lxInv = Iterate.blocks(d);
        lzInv = Iterate.blocks(d);
        q = Iterate.blocks(d);
        dx = Iterate.blocks(d);
        dz = Iterate.blocks(d);
        dxa = Iterate.blocks(d);
        dza = Iterate.blocks(d);
        g = Iterate.blocks(d);
        dxKeep = Iterate.blocks(d);
        dzKeep = Iterate.blocks(d);
        t1 = Iterate.blocks(d);
        t2 = Iterate.blocks(d);
        stepLength = new StepLength(d, kernels, t1, g);
        chol = new CholeskyDecompositionInner_DDRM[d.nPsd];
        for (int b = 0; b < d.nPsd; b++) {
            chol[b] = new CholeskyDecompositionInner_DDRM(true);
        }
        gL = new double[nL];
        dxL = new double[nL];
        dzL = new double[nL];
        dxLa = new double[nL];
        dzLa = new double[nL];
        dxLKeep = new double[nL];
        dzLKeep = new double[nL];
        ratio = new double[nL];
        rhs = new double[m];
        dy = new double[m];
        dyA = new double[m];
        dxf = new double[nZ];
        dxfA = new double[nZ];
        refineRhs = new double[m];
        refineZ = new double[nZ];
        refineDy = new double[m];
        refineDxf = new double[nZ];
        this.sparse = sparse;
        schur = sparse == null ? new DMatrixRMaj(m, m) : null;
        assembler = new SchurAssembler(d, pool, threads);
        factorization = new SchurFactorization(d, pool, threads, kernels, lapack, sparse);
    }

    /** Time spent in step lengths, nanoseconds. */
    long stepLengthNanos() {
        return stepLength.nanos;
    }

    /**
     * Factorizations and Schur complement at the current iterate (after the residuals, with
     * the perturbation added), timed per phase.
     *
     * @return null, or the failure
     */
    IterationFailure factor() {
        long t0 = System.nanoTime();
        IterationFailure failure = factorCones();
        long t1 = System.nanoTime();
        nsCones += t1 - t0;
        if (failure == null) {
            assembleSchur();
            long t2 = System.nanoTime();
            nsSchur += t2 - t1;
            failure = factorSchur();
            nsFactor += System.nanoTime() - t2;
        }
        return failure;
    }

    /** Cholesky factors of X and Z, their inverses, Z^{-1}, x_L / z_L, and Q = sym(Z^{-1} Fd X). */
    IterationFailure factorCones() {
        for (int b = 0; b < d.nPsd; b++) {
            if (!lowerInverse(b, it.x[b], lxInv[b])) {
                return new IterationFailure(IterationFailure.Kind.X_NOT_POSITIVE_DEFINITE, d.psdOriginal[b]);
            }
            if (!lowerInverse(b, it.z[b], lzInv[b])) {
                return new IterationFailure(IterationFailure.Kind.Z_NOT_POSITIVE_DEFINITE, d.psdOriginal[b]);
            }
            CommonOps_DDRM.multTransA(lzInv[b], lzInv[b], zinv[b]);
            zwx(b, res.fd[b], q[b]);
        }
        for (int p = 0; p < d.nLin; p++) {
            if (!(it.xL[p] > 0) || !(it.zL[p] > 0)) {
                return new IterationFailure(IterationFailure.Kind.NONNEG_NOT_POSITIVE, p);
            }
            ratio[p] = it.xL[p] / it.zL[p];
        }
        return null;
    }

    /** M at the current iterate, after {@link #factorCones}. */
    void assembleSchur() {
        if (sparse != null) {
            sparse.assemble(assembler, zinv, it.x, ratio);
        } else {
            assembler.assemble(zinv, it.x, ratio, schur);
        }
    }

    /** M at the current iterate as a dense symmetric matrix, on either path (benchmarks). */
    DMatrixRMaj assembleDense() {
        DMatrixRMaj out = schur != null ? schur : new DMatrixRMaj(d.m, d.m);
        assembler.assemble(zinv, it.x, ratio, out);
        return out;
    }

    /** Factors M (and the equality system), after {@link #assembleSchur}. */
    IterationFailure factorSchur() {
        return factorization.factor(schur);
    }

    /** Solves the saddle system for dy and dx_f given the first block row r (modified). */
    void solveSaddle(double[] r, double[] rzIn, double[] dyOut, double[] dxfOut) {
        factorization.solve(r, rzIn, dyOut, dxfOut);
    }

    /** linv = L^{-1} with a = L L^T; false when a is not positive definite. */
    boolean lowerInverse(int b, DMatrixRMaj a, DMatrixRMaj linv) {
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

    /** out = sym(Z^{-1} w X), after {@link #factorCones}. */
    void zwx(int b, DMatrixRMaj w, DMatrixRMaj out) {
        mult(zinv[b], w, t1[b]);
        mult(t1[b], it.x[b], out);
        symmetrize(out);
    }

    /** c = a b for square blocks, with the dense kernels. */
    private void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        kernels.multiply(a.data, b.data, c.data, a.numRows);
    }

    /** a = (a + a^T) / 2 in place. */
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

    // ------------------------------------------------------------------ the step

    /**
     * Mehrotra's predictor-corrector step from the current iterate (after {@link #factor}):
     * predictor direction, its step lengths and the centering sigma, corrector direction,
     * damped step lengths {@link #stepP} and {@link #stepD}, and the update of the iterate.
     *
     * @param mu the current mu
     * @return null, or the failure
     */
    IterationFailure step(double mu) {
        DMatrixRMaj[] x = it.x;
        DMatrixRMaj[] z = it.z;
        double[] xL = it.xL;
        double[] zL = it.zL;
        int nP = d.nPsd;
        int nL = d.nLin;
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
        double apA = Math.min(1.0, stepLength.max(x, lxInv, dx, xL, dxL));
        double adA = Math.min(1.0, stepLength.max(z, lzInv, dz, zL, dzL));
        if (!Double.isFinite(apA) || !Double.isFinite(adA)) {
            return IterationFailure.of(IterationFailure.Kind.NONFINITE_PREDICTOR_STEP);
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
            double expo = Math.max(1.0, SIGMA_EXPONENT_FACTOR * Math.min(apA, adA) * Math.min(apA, adA));
            sigma = Math.min(1.0, Math.pow(Math.max(0.0, muA / mu), expo));
        }
        sigmaUsed = sigma;
        affineP = apA;
        affineD = adA;
        // corrector
        long t1 = System.nanoTime();
        direction(sigma * mu, true, dy, dxf);
        nsDirection += System.nanoTime() - t1;
        double gamma = GAMMA_BASE + GAMMA_SLOPE * Math.min(apA, adA);
        double ap = Math.min(1.0, gamma * stepLength.max(x, lxInv, dx, xL, dxL));
        double ad = Math.min(1.0, gamma * stepLength.max(z, lzInv, dz, zL, dzL));
        if (!(ap >= 0) || !(ad >= 0)) {
            return IterationFailure.of(IterationFailure.Kind.NONFINITE_STEP_LENGTH);
        }
        for (int b = 0; b < nP; b++) {
            CommonOps_DDRM.addEquals(x[b], ap, dx[b]);
            CommonOps_DDRM.addEquals(z[b], ad, dz[b]);
        }
        for (int p = 0; p < nL; p++) {
            xL[p] += ap * dxL[p];
            zL[p] += ad * dzL[p];
        }
        for (int j = 0; j < d.nZero; j++) {
            it.xf[j] += ap * dxf[j];
        }
        for (int i = 0; i < d.m; i++) {
            it.y[i] += ad * dy[i];
        }
        stepP = ap;
        stepD = ad;
        return null;
    }

    /**
     * Computes a direction for target muT with optional second-order term.
     * Fills dx, dz, dxL, dzL, dyOut, dxfOut.
     */
    private void direction(double muT, boolean corrector, double[] dyOut, double[] dxfOut) {
        DMatrixRMaj[] x = it.x;
        double[] xL = it.xL;
        double[] zL = it.zL;
        double[] fdL = res.fdL;
        double[] rp = res.rp;
        Arrays.fill(rhs, 0.0);
        for (int b = 0; b < d.nPsd; b++) {
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
        for (int p = 0; p < d.nLin; p++) {
            double gp = corrector ? (muT - dzLa[p] * dxLa[p]) / zL[p] - xL[p] : muT / zL[p] - xL[p];
            gL[p] = gp;
            dxL[p] = gp - fdL[p] * ratio[p]; // hL, temporarily
        }
        ConeOperator.applyA(d, t2, dxL, 1.0, rhs);
        for (int i = 0; i < d.m; i++) {
            rhs[i] -= rp[i];
        }
        solveSaddle(rhs, res.rz, dyOut, dxfOut);
        recoverBlocks(dyOut);
        if (d.m == 0) {
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

    /** ||rz - B^T dy||_2, the error of the ZERO-block equations of a direction. */
    private double zeroEquationError(double[] dyIn) {
        double[] rz = res.rz;
        double s2 = 0;
        for (int j = 0; j < d.nZero; j++) {
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
        for (int b = 0; b < d.nPsd; b++) {
            dz[b].setTo(res.fd[b]);
            ConeOperator.addAT(d, b, dyIn, 1.0, dz[b]);
            zwx(b, dz[b], dx[b]);
            double[] dv = dx[b].data;
            double[] gv = g[b].data;
            for (int e = 0; e < dv.length; e++) {
                dv[e] = gv[e] - dv[e];
            }
        }
        double[] fdL = res.fdL;
        for (int p = 0; p < d.nLin; p++) {
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
        int m = d.m;
        int nL = d.nLin;
        int nZ = d.nZero;
        double[] rz = res.rz;
        for (int j = 0; j < nZ; j++) {
            double s = rz[j];
            for (int f = d.zeroPtr[j]; f < d.zeroPtr[j + 1]; f++) {
                s -= d.zeroVal[f] * dyIo[d.zeroVar[f]];
            }
            refineZ[j] = s;
        }
        solveSaddle(refineRhs, refineZ, refineDy, refineDxf);
        // keep the unrefined direction to restore it exactly if the correction does not help
        for (int b = 0; b < d.nPsd; b++) {
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
            for (int b = 0; b < d.nPsd; b++) {
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
        int m = d.m;
        double[] rp = res.rp;
        for (int i = 0; i < m; i++) {
            e[i] = -rp[i];
        }
        ConeOperator.applyA(d, dx, dxL, 1.0, e);
        for (int j = 0; j < d.nZero; j++) {
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
}
