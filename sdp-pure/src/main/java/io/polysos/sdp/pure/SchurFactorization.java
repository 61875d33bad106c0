package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.concurrent.ExecutorService;

/**
 * The factorization of the reduced Newton system and the solves with it: the saddle-point
 * system
 *
 * <pre>
 *   [ M    B ] [ dy ]      [ r  ]
 *   [ B^T  0 ] [ -dx_f ] = [ rz ]
 * </pre>
 *
 * with M the Schur complement and B the m x nZero matrix of the ZERO part. M (M + rho B B^T
 * when some variable appears only in ZERO blocks, which leaves the solution unchanged since
 * B^T dy is prescribed) is factored by {@link #factorM}, the only place where a factorization
 * of M is computed (dense Cholesky, {@link DenseCholesky}, with the native one when given; or,
 * when M is sparse, the sparse Cholesky of {@link SparseSchur} on M's pattern); then
 * the small Schur complement K = B^T M^{-1} B is formed and factored. A failed factorization is
 * retried with a growing diagonal shift. Owns its work arrays; not thread-safe.
 */
final class SchurFactorization {

    /**
     * First diagonal shift of M, relative to its largest diagonal entry, when M does not
     * factor (this backend's choice: a few hundred ulps of the diagonal).
     */
    static final double SHIFT_START = 1e-14;
    /** Growth of the shift between attempts (this backend's choice). */
    static final double SHIFT_GROWTH = 100;
    /** Largest relative shift of M tried before the Schur complement counts as singular. */
    static final double SHIFT_MAX = 1e-8;
    /** Largest relative shift of K tried before the equality system counts as singular. */
    static final double ZERO_SHIFT_MAX = 1e-6;
    /** Floor of the largest diagonal entry when it scales a shift (keeps the shift positive). */
    static final double TINY = 1e-300;

    private final ProblemData d;
    private final int m;
    private final int nZ;
    private final DMatrixRMaj schurWork;
    private final DenseCholesky schurChol;
    /** The sparse path (M on its pattern), or null for the dense one. */
    private final SparseSchur sparse;
    private final double[] colWork;
    private final DMatrixRMaj bDense;
    private final DMatrixRMaj mInvB;
    private final DMatrixRMaj kMat;
    private final LinearSolverDense<DMatrixRMaj> kSolver;
    private final DMatrixRMaj vecM2;
    private final DMatrixRMaj vecZ;
    private final DMatrixRMaj vecZ2;
    /** The weight of B B^T added to M (0: none). */
    private double rho;

    /**
     * @param d the problem
     * @param pool threads for the factorization of M, or null for the calling thread only
     * @param threads threads that may work at once, including the caller
     * @param kernels the dense kernels
     * @param lapack the native factorization of M, or null for the Java one
     * @param sparse the sparse path, or null for the dense one
     */
    SchurFactorization(ProblemData d, ExecutorService pool, int threads, Kernels kernels, NativeLapack lapack,
                       SparseSchur sparse) {
        this.d = d;
        this.m = d.m;
        this.nZ = d.nZero;
        this.sparse = sparse;
        // the sparse path needs no m x m array
        schurWork = sparse == null ? new DMatrixRMaj(m, m) : null;
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
        } else {
            bDense = null;
            mInvB = null;
            kMat = null;
            kSolver = null;
            vecZ = null;
            vecZ2 = null;
        }
        schurChol = sparse == null ? new DenseCholesky(m, pool, threads, kernels, lapack) : null;
        colWork = new double[m];
    }

    /**
     * Factors the Schur complement {@code schur} (not modified; possibly augmented) and, with
     * ZERO blocks, K = B^T M^{-1} B. On the sparse path M is the one last assembled on its
     * pattern and {@code schur} is not used (null).
     *
     * @return null, or the failure
     */
    IterationFailure factor(DMatrixRMaj schur) {
        rho = 0;
        if (m == 0) {
            return null;
        }
        double maxDiag = 0;
        if (sparse != null) {
            maxDiag = sparse.maxDiagonal();
        } else {
            for (int i = 0; i < m; i++) {
                maxDiag = Math.max(maxDiag, schur.data[i * m + i]);
            }
        }
        if (nZ > 0 && d.needsAugmentation) {
            augment(maxDiag);
        }
        boolean ok = factorM(schur, 0);
        if (!ok && nZ > 0 && rho == 0) {
            augment(maxDiag);
            ok = factorM(schur, 0);
        }
        double reg = SHIFT_START;
        while (!ok && reg <= SHIFT_MAX) {
            ok = factorM(schur, reg * Math.max(maxDiag, TINY));
            reg *= SHIFT_GROWTH;
        }
        if (!ok) {
            return IterationFailure.of(IterationFailure.Kind.SCHUR_SINGULAR);
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
            double kreg = SHIFT_START;
            while (!kok && kreg <= ZERO_SHIFT_MAX) {
                kCopy.setTo(kMat);
                for (int j = 0; j < nZ; j++) {
                    kCopy.data[j * nZ + j] += kreg * Math.max(kMax, TINY);
                }
                kok = kSolver.setA(kCopy);
                kreg *= SHIFT_GROWTH;
            }
            if (!kok) {
                return IterationFailure.of(IterationFailure.Kind.ZERO_SYSTEM_SINGULAR);
            }
        }
        return null;
    }

    /** rho = max(max diag M, 1) / max_i ||row i of B||^2, so that rho B B^T is of the size of M. */
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

    /**
     * The factorization of M: Cholesky of M + rho B B^T + shift I (a variable in no block at
     * all, a zero diagonal entry, is kept fixed with diagonal 1) into {@link #schurChol}.
     *
     * @return false when the matrix is not (numerically) positive definite
     */
    private boolean factorM(DMatrixRMaj schur, double shift) {
        if (sparse != null) {
            return sparse.factor(rho, shift);
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
        if (sparse != null) {
            sparse.solve(b);
        } else {
            schurChol.solve(b);
        }
    }

    /**
     * Solves the saddle system for dy and dx_f, after {@link #factor}, given the first block
     * row {@code r} (modified) and the second {@code rzIn}.
     */
    void solve(double[] r, double[] rzIn, double[] dyOut, double[] dxfOut) {
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
}
