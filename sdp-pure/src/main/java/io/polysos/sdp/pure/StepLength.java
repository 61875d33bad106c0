package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Step lengths of the interior-point iteration: the largest alpha keeping V + alpha D in the
 * cone, from the smallest eigenvalue of G = L^{-1} D L^{-T} (V = L L^T) on each PSD block and
 * the ratio test on the NONNEG part.
 *
 * <p>Small blocks (below {@value #LANCZOS_MIN_BLOCK}) form G and take all its eigenvalues.
 * Larger ones estimate lambda_min(G) by Lanczos iterations on products with L^{-T}, D and
 * L^{-1} (O(n^2) each, G is never formed), as CSDP and SDPA do, and take the lower end of the
 * Ritz value's residual interval. A Lanczos estimate can miss an eigenvalue below it, so it is
 * checked: V + t D must have a Cholesky factor at t = (1 - {@value #CHECK_MARGIN})
 * min(alpha, 1 / 0.99), beyond the longest step the iteration takes from alpha (its damping is
 * at most 0.99 and steps are at most 1); V + t D is then positive definite on the whole segment
 * [0, t] (a convex combination of two positive definite matrices), so the true largest step is
 * at least t and the iteration keeps (nearly) the exact path's distance to the boundary. When the check fails, the exact path runs. So the step
 * the iteration takes stays strictly inside the cone either way, and the Lanczos path changes
 * only the rounding of alpha. Uses the caller's work blocks {@code t1} and {@code g} (both
 * overwritten). Accumulates its own time. Not thread-safe.
 */
final class StepLength {

    /**
     * Smallest PSD block whose step length comes from Lanczos iterations: below it the
     * exact eigenvalues of the formed G cost little (O(n^3) with a small constant), above it
     * they dominated whole iterations (SDPLIB mcp250-1: 56 % of the solve in the
     * tridiagonalization and the two products forming G).
     */
    static final int LANCZOS_MIN_BLOCK = 64;
    /** Most Lanczos steps (then the exact path runs). */
    static final int LANCZOS_MAX_STEPS = 60;
    /** Relative accuracy of the Ritz value asked of the Lanczos iteration. */
    static final double LANCZOS_TOLERANCE = 1e-6;
    /**
     * Fraction of alpha at which V + t D is checked by a Cholesky factorization: the
     * iteration's largest damping (NewtonSystem.GAMMA_BASE + GAMMA_SLOPE = 0.99).
     */
    static final double CHECKED_FRACTION = NewtonSystem.GAMMA_BASE + NewtonSystem.GAMMA_SLOPE;
    /** Relative distance below the estimated alpha at which positive definiteness is checked. */
    static final double CHECK_MARGIN = 1e-3;

    private final ProblemData d;
    private final Kernels kernels;
    private final DMatrixRMaj[] t1;
    private final DMatrixRMaj[] g;
    private final EigenDecomposition_F64<DMatrixRMaj>[] eig;
    private final CholeskyDecompositionInner_DDRM check = new CholeskyDecompositionInner_DDRM(true);
    /** Lanczos basis (row j = q_j), diagonal and off-diagonal of the tridiagonal matrix. */
    private double[][] basis = new double[0][];
    private final double[] alphas = new double[LANCZOS_MAX_STEPS];
    private final double[] betas = new double[LANCZOS_MAX_STEPS];
    private double[] w = new double[0];
    private double[] u = new double[0];
    /** Time spent here, in nanoseconds. */
    long nanos;
    /** Blocks whose Lanczos estimate was checked and used, and those that fell back to the exact path. */
    long lanczosUsed;
    long lanczosFallbacks;

    @SuppressWarnings("unchecked")
    StepLength(ProblemData d, Kernels kernels, DMatrixRMaj[] t1, DMatrixRMaj[] g) {
        this.d = d;
        this.kernels = kernels;
        this.t1 = t1;
        this.g = g;
        this.eig = new EigenDecomposition_F64[d.nPsd];
        int big = 0;
        for (int b = 0; b < d.nPsd; b++) {
            eig[b] = DecompositionFactory_DDRM.eig(d.psdSize[b], false, true);
            if (d.psdSize[b] >= LANCZOS_MIN_BLOCK) {
                big = Math.max(big, d.psdSize[b]);
            }
        }
        if (big > 0) {
            basis = new double[LANCZOS_MAX_STEPS + 1][big];
            w = new double[big];
            u = new double[big];
        }
    }

    /**
     * Largest alpha with (V_b + alpha D_b) PSD on every block and v + alpha dv &gt;= 0, the
     * blocks V_b = L L^T given with {@code linv[b]} = L^{-1}; +infinity when no direction
     * leaves the cone, 0 when an eigen-decomposition fails.
     */
    double max(DMatrixRMaj[] vBlocks, DMatrixRMaj[] linv, DMatrixRMaj[] dir, double[] v, double[] dv) {
        long t0 = System.nanoTime();
        double a = Double.POSITIVE_INFINITY;
        for (int b = 0; b < d.nPsd; b++) {
            double ab = Double.NaN;
            if (d.psdSize[b] >= LANCZOS_MIN_BLOCK) {
                ab = lanczos(b, vBlocks[b], linv[b], dir[b]);
                if (Double.isNaN(ab)) {
                    lanczosFallbacks++;
                } else {
                    lanczosUsed++;
                }
            }
            if (Double.isNaN(ab)) {
                ab = exact(b, linv[b], dir[b]);
            }
            a = Math.min(a, ab);
        }
        for (int p = 0; p < d.nLin; p++) {
            if (dv[p] < 0) {
                a = Math.min(a, -v[p] / dv[p]);
            }
        }
        nanos += System.nanoTime() - t0;
        return a;
    }

    /** Largest alpha with V + alpha D in the cone, from all eigenvalues of the formed G. */
    private double exact(int b, DMatrixRMaj linv, DMatrixRMaj dir) {
        // G = L^{-1} D L^{-T} = L^{-1} (L^{-1} D)^T, both products with the dense kernels
        kernels.multiply(linv.data, dir.data, t1[b].data, linv.numRows);
        CommonOps_DDRM.transpose(t1[b], g[b]);
        kernels.multiply(linv.data, g[b].data, t1[b].data, linv.numRows);
        NewtonSystem.symmetrize(t1[b]);
        if (!eig[b].decompose(t1[b])) {
            return 0.0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.psdSize[b]; i++) {
            min = Math.min(min, eig[b].getEigenvalue(i).getReal());
        }
        return min >= 0 ? Double.POSITIVE_INFINITY : -1.0 / min;
    }

    /**
     * Largest alpha from a Lanczos estimate of lambda_min(G), checked by a Cholesky
     * factorization of V + t D; NaN when the estimate is not accurate enough within
     * {@value #LANCZOS_MAX_STEPS} steps or the check fails (the caller then takes the exact path).
     */
    private double lanczos(int b, DMatrixRMaj vBlock, DMatrixRMaj linv, DMatrixRMaj dir) {
        int n = d.psdSize[b];
        double[] l = linv.data;
        double[] dd = dir.data;
        // a fixed start vector (reproducible runs): all ones with a deterministic ripple
        double[] q0 = basis[0];
        double s = 0;
        for (int i = 0; i < n; i++) {
            q0[i] = 1.0 + 0.5 * Math.sin(1.0 + 7.0 * i);
            s += q0[i] * q0[i];
        }
        scale(q0, n, 1.0 / Math.sqrt(s));
        int steps = Math.min(n, LANCZOS_MAX_STEPS);
        double estimate = Double.NaN;
        double normEstimate = 0;
        for (int k = 0; k < steps; k++) {
            double[] q = basis[k];
            applyG(l, dd, n, q, w);
            double ak = kernels.dot(n, q, 0, w, 0);
            alphas[k] = ak;
            // full reorthogonalization against every earlier vector (twice is enough)
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double c = kernels.dot(n, basis[j], 0, w, 0);
                    kernels.axpy(n, -c, basis[j], 0, w, 0);
                }
            }
            double bk = Math.sqrt(kernels.dot(n, w, 0, w, 0));
            betas[k] = bk;
            normEstimate = Math.max(normEstimate, Math.abs(ak) + bk + (k > 0 ? betas[k - 1] : 0));
            boolean last = k == steps - 1 || bk <= 1e-12 * Math.max(normEstimate, Double.MIN_NORMAL);
            if (last || (k >= 4 && k % 5 == 4)) {
                double[] ritz = smallestRitz(k + 1);
                double residual = bk * Math.abs(ritz[1]);
                double theta = ritz[0];
                if (!Double.isFinite(theta) || !Double.isFinite(residual)) {
                    return Double.NaN;
                }
                if (residual <= LANCZOS_TOLERANCE * Math.max(Math.abs(theta), 1e-12 * normEstimate)
                        || bk <= 1e-12 * Math.max(normEstimate, Double.MIN_NORMAL)) {
                    estimate = theta - residual;
                    break;
                }
            }
            if (last) {
                break;
            }
            double[] next = basis[k + 1];
            for (int i = 0; i < n; i++) {
                next[i] = w[i] / bk;
            }
        }
        if (Double.isNaN(estimate)) {
            return Double.NaN;
        }
        double alpha = estimate >= 0 ? Double.POSITIVE_INFINITY : -1.0 / estimate;
        // the iteration steps at most min(1, 0.99 alpha); checking near alpha itself (and past
        // 1 when alpha is larger) keeps the margin of the exact path: alpha is then within
        // CHECK_MARGIN of the largest step or below it
        double t = Math.min(alpha, 1.0 / CHECKED_FRACTION) * (1 - CHECK_MARGIN);
        // check: V + t D positive definite (then so is every point of the segment [0, t])
        DMatrixRMaj work = t1[b];
        double[] wv = work.data;
        double[] vv = vBlock.data;
        for (int e = 0; e < n * n; e++) {
            wv[e] = vv[e] + t * dd[e];
        }
        if (!check.decompose(work)) {
            return Double.NaN;
        }
        double[] f = work.data;
        for (int i = 0; i < n; i++) {
            double p = f[i * n + i];
            if (!(p > 0) || !Double.isFinite(p)) {
                return Double.NaN;
            }
        }
        return alpha;
    }

    /** out = G q = L^{-1} (D (L^{-T} q)), with L^{-1} lower triangular (row-major). */
    private void applyG(double[] l, double[] dd, int n, double[] q, double[] out) {
        // u = L^{-T} q: u_j = sum_{i >= j} l[i][j] q_i
        java.util.Arrays.fill(u, 0, n, 0.0);
        for (int i = 0; i < n; i++) {
            kernels.axpy(i + 1, q[i], l, i * n, u, 0);
        }
        // out = D u
        for (int i = 0; i < n; i++) {
            out[i] = kernels.dot(n, dd, i * n, u, 0);
        }
        // out = L^{-1} out: row i of L^{-1} has entries 0..i
        for (int i = n - 1; i >= 0; i--) {
            out[i] = kernels.dot(i + 1, l, i * n, out, 0);
        }
    }

    /**
     * @return {theta, s}: the smallest eigenvalue of the k x k tridiagonal matrix of the
     *         Lanczos steps and the last component of its unit eigenvector
     */
    private double[] smallestRitz(int k) {
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.unsafe_set(i, i, alphas[i]);
            if (i + 1 < k) {
                t.unsafe_set(i, i + 1, betas[i]);
                t.unsafe_set(i + 1, i, betas[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(k, true, true);
        if (!e.decompose(t)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (e.getEigenvalue(i).getReal() < e.getEigenvalue(best).getReal()) {
                best = i;
            }
        }
        DMatrixRMaj vec = e.getEigenVector(best);
        double norm2 = 0;
        for (int i = 0; i < k; i++) {
            norm2 += vec.get(i) * vec.get(i);
        }
        return new double[] {e.getEigenvalue(best).getReal(), norm2 > 0 ? vec.get(k - 1) / Math.sqrt(norm2) : 1.0};
    }

    private static void scale(double[] v, int n, double c) {
        for (int i = 0; i < n; i++) {
            v[i] *= c;
        }
    }
}
