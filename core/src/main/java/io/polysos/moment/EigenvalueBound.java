package io.polysos.moment;

/**
 * A rigorous lower bound on the smallest eigenvalue of a symmetric matrix stored in double,
 * by a shifted Cholesky factorization checked a posteriori (in the spirit of Rump,
 * <i>Verification of positive definiteness</i>, BIT 46 (2006), with a directly proved bound):
 * <ol>
 *   <li>B = fl(A - sigma I) for a trial shift sigma; the exact A - sigma I differs from B only
 *       on the diagonal, by at most u |B_ii| each;
 *   <li>a Cholesky factor L of B is computed in floating point (any rounding; if a pivot is
 *       not positive the shift is lowered and the test repeated);
 *   <li>each entry of D = B - L L^T is computed by {@link ExactDot} (twice the working
 *       precision) together with its error bound e_ij, so |D_ij| &lt;= |d_ij| + e_ij =: d'_ij;
 *   <li>then A - sigma I = L L^T + Delta with ||Delta||_2 &lt;= max_i u|B_ii| + ||d'||_F (the
 *       Frobenius norm summed in double and rounded up by {@link ExactDot#up}), and since
 *       L L^T is positive semidefinite, Weyl's inequality gives
 *       lambda_min(A) &gt;= sigma - ||Delta||_2, evaluated with downward rounding.
 * </ol>
 * The shift starts just below an approximate smallest eigenvalue (EJML's symmetric
 * eigensolver), 2u max|A_ij| below it, and moves down by factors of 4 while the factorization
 * fails; when every trial fails, Gershgorin's bound min_i (A_ii - sum_{j != i} |A_ij|),
 * rounded down, is returned, which holds for any symmetric matrix.
 */
final class EigenvalueBound {

    private static final double U = ExactDot.U;

    private EigenvalueBound() {
    }

    /**
     * @param a a symmetric matrix, row-major s*s (not modified; only the lower triangle is read
     *          except by the symmetric eigen-solver, which gets the symmetrized copy)
     * @param s its size
     * @return a number no larger than the smallest eigenvalue of a (NaN when a has a NaN)
     */
    static double lowerBound(double[] a, int s) {
        if (s == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] m = new double[s][s];
        double norm = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                double v = a[Math.max(i, j) * s + Math.min(i, j)];
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                m[i][j] = v;
                norm = Math.max(norm, Math.abs(v));
            }
        }
        double[] ev = RankDecision.eigenvaluesDescending(m);
        double approx = ev[s - 1];
        double best = gershgorin(m);
        if (!Double.isFinite(approx) || norm == 0) {
            return norm == 0 ? 0.0 : best;
        }
        // the verification costs about s * u * |A| (rounding of the factorization); start a few
        // times that below the approximate eigenvalue and back off by factors of 10 on failure
        double delta = Math.max(1e-9 * Math.abs(approx), 2 * U * norm);
        for (int attempt = 0; attempt < 24; attempt++) {
            double sigma = approx - delta;
            double bound = shiftedCholesky(m, sigma);
            if (!Double.isNaN(bound)) {
                best = Math.max(best, bound);
                break;
            }
            delta *= 4;
        }
        return best;
    }

    /** @return a rigorous lower bound sigma - ||Delta|| when the Cholesky of A - sigma I succeeds, else NaN */
    private static double shiftedCholesky(double[][] a, double sigma) {
        int s = a.length;
        double[][] l = new double[s][];
        double diagErr = 0;
        for (int i = 0; i < s; i++) {
            l[i] = new double[i + 1];
        }
        for (int j = 0; j < s; j++) {
            double bjj = a[j][j] - sigma;
            diagErr = Math.max(diagErr, Math.abs(bjj));
            double d = bjj;
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0)) {
                return Double.NaN;
            }
            double ljj = Math.sqrt(d);
            lj[j] = ljj;
            for (int i = j + 1; i < s; i++) {
                double v = a[i][j];
                double[] li = l[i];
                for (int k = 0; k < j; k++) {
                    v -= li[k] * lj[k];
                }
                li[j] = v / ljj;
            }
        }
        // residual D = B - L L^T, each entry by ExactDot with its own error bound (lower triangle)
        ExactDot acc = new ExactDot();
        double dF = 0;
        for (int i = 0; i < s; i++) {
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                acc.reset();
                acc.add(i == j ? a[i][i] - sigma : a[i][j]);
                for (int k = 0; k <= j; k++) {
                    acc.add(-li[k], lj[k]);
                }
                double d = ExactDot.up(Math.abs(acc.value()) + acc.errorBound(), 2);
                dF += (i == j ? 1 : 2) * Math.nextUp(d * d);
            }
        }
        double normD = ExactDot.up(Math.sqrt(ExactDot.up(dF, (long) s * s)), 2);
        double delta = ExactDot.up(ExactDot.up(U * diagErr, 1) + normD, 2);
        return Math.nextDown(sigma - delta);
    }

    /** Gershgorin's lower bound min_i (a_ii - sum_{j != i} |a_ij|), rounded down. */
    private static double gershgorin(double[][] a) {
        int s = a.length;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            double r = 0;
            for (int j = 0; j < s; j++) {
                if (j != i) {
                    r += Math.abs(a[i][j]);
                }
            }
            double rUp = ExactDot.up(r, s);
            best = Math.min(best, Math.nextDown(a[i][i] - rUp));
        }
        return best;
    }
}
