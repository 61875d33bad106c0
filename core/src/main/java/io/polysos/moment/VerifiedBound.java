package io.polysos.moment;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SparseSymMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * A lower bound on the optimal value of a moment relaxation that holds whatever the accuracy
 * of the SDP solver, read from any solver's dual point (the SOS side). For every w feasible
 * in the relaxation, with S_k(w) its moment/localizing matrices (PSD) and the ZERO block's
 * S(w) = 0, and for any symmetric matrices Y_k (the solver's dual blocks, possibly slightly
 * infeasible), with r_a = c_a - sum_k &lt;F_{a,k}, Y_k&gt; the residual of the dual equality of
 * moment a,
 * <pre>
 *   c.w = &lt;F_0, Y&gt; + sum_k &lt;S_k(w), Y_k&gt; + sum_a r_a w_a
 *       &gt;= &lt;F_0, Y&gt; - sum_{k PSD} max(0, -lambda_min(Y_k)) tau_k - sum_a |r_a| mu_a,
 * </pre>
 * since &lt;S, Y&gt; &gt;= lambda_min(Y) trace(S) for S PSD, where tau_k bounds trace S_k(w) and
 * mu_a bounds |w_a| over the feasible set ({@link MomentBounds}; finite only with a quadratic
 * bounding constraint such as the ball). Adding f_0 gives a bound on the POP's minimum. Up
 * to three dual points are tried and the largest bound kept: the solver's Y (blocks
 * symmetrized); the same with the residuals moved into the moment block,
 * Y_0 + sum_a (r_a / N_a) F_{a,0} (N_a = number of entries of M_k holding w_a; this is the
 * orthogonal projection onto the dual equalities within Y_0), kept in double-double so that
 * its residuals are at the level of u^2; and, when these two fall short of the solver's bound
 * by more than {@value #REFINE_BELOW} relative, a refined point that satisfies the equalities
 * while staying on the face of the PSD cone Y_0 lies on (method refine). The spreading
 * puts residuals of size |r| on the near-null space of Y_0 (the range of the optimal moment
 * matrix), whose negative eigenvalues then cost lambda times trace bounds of order R^(2k);
 * the refinement moves them along Y_0's range instead. The same evaluation serves the sparse
 * relaxations ({@link #of(SdpProblem, SdpSolution, Bounds, int[][], int[][], double, double, double)}),
 * whose moment blocks (one or more per clique) share the residuals; the refinement is tried
 * for the dense relaxation only.
 * <p>
 * Rigour: residuals and &lt;F_0, Y&gt; are computed by {@link ExactDot} with its error bound,
 * lambda_min is bounded below by {@link EigenvalueBound} (shifted Cholesky with an a
 * posteriori residual bound), the low part of a double-double block enters as a perturbation
 * of norm at most its Frobenius norm, and the final sums are rounded upward (penalties) and
 * downward (the bound).
 *
 * @param value the verified lower bound on the relaxation's value (with f_0), NaN when
 *        {@code rigorous} is false
 * @param numeric the solver's bound: its dual objective + f_0
 * @param rigorous whether a verified bound could be computed
 * @param eigenvalueTerm sum_k max(0, -lambda_min(Y_k)) tau_k of the dual point used (NaN when not rigorous)
 * @param residualTerm sum_a |r_a| mu_a of the dual point used, with its rounding error (NaN when not rigorous)
 * @param note why no verified bound could be computed ("" when rigorous)
 */
public record VerifiedBound(double value, double numeric, boolean rigorous, double eigenvalueTerm,
        double residualTerm, String note) {

    /** Why the bound is numeric only when the relaxation has no quadratic bounding constraint. */
    public static final String NO_TRACE_BOUND = "numeric only: without a bounding constraint (ball or box) the "
            + "moments are not bounded, so the solver's inexactness cannot be accounted for";

    /**
     * @param rel the relaxation
     * @param solution a solution with a dual point (not modified)
     * @return the verified bound, or a non-rigorous result saying why
     */
    public static VerifiedBound of(MomentRelaxation rel, SdpSolution solution) {
        double numeric = rel.dualBound(solution);
        MomentBounds bounds = MomentBounds.of(rel.pop(), rel.order(), rel.basis());
        int s = rel.momentMatrixSize();
        int[] degrees = rowDegrees(rel);
        int[] ids = new int[s * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                ids[i * s + j] = rel.basis().rankOfSum(i, j);
            }
        }
        int blocks = rel.sdpProblem().numBlocks();
        int[][] rowDegrees = new int[blocks][];
        java.util.Arrays.fill(rowDegrees, degrees);
        int[][] momentIds = new int[blocks][];
        momentIds[0] = ids;
        return compute(rel.sdpProblem(), solution, bounds, rowDegrees, momentIds, 1.0,
                rel.pop().objective().constantTerm(), numeric, rel);
    }

    /**
     * The verified bound of any moment relaxation whose SDP variable i is the moment w_{i+1}
     * (the constant moment w_0 = 1 entering through F_0) and whose SDP minimizes c.w = (f.w - f_0) / scale.
     *
     * @param problem the SDP
     * @param solution a solution with a dual point (not modified)
     * @param bounds bounds on |w_a| and on the traces of the PSD blocks over the feasible set,
     *        null when there are none (then the result is numeric only)
     * @param rowDegrees per SDP block, the degree of the monomial of each row (null for the ZERO block)
     * @param momentIds per SDP block, null unless the block is (a principal submatrix of) a
     *        moment matrix, whose entry (i, j) is w_{id} with coefficient 1: then the id of every
     *        entry, row-major (a diagonal id 0 marks the row of the constant monomial); the
     *        residuals are moved into these blocks, shared equally by every entry holding the moment
     * @param scale the objective's scale (the POP's bound is scale times the SDP's, plus f_0)
     * @param f0 the objective's constant term
     * @param numeric the solver's bound on the POP
     * @return the verified bound, or a non-rigorous result saying why
     */
    public static VerifiedBound of(SdpProblem problem, SdpSolution solution, Bounds bounds, int[][] rowDegrees,
            int[][] momentIds, double scale, double f0, double numeric) {
        return compute(problem, solution, bounds, rowDegrees, momentIds, scale, f0, numeric, null);
    }

    /** The evaluation of both entry points; {@code dense} (nullable) enables the refined dual point. */
    private static VerifiedBound compute(SdpProblem problem, SdpSolution solution, Bounds bounds, int[][] rowDegrees,
            int[][] momentIds, double scale, double f0, double numeric, MomentRelaxation dense) {
        double[][] y = solution.dualBlocks();
        if (y.length != problem.numBlocks()) {
            return numericOnly(numeric, "numeric only: the solver returned no dual point");
        }
        for (int k = 0; k < y.length; k++) {
            if (y[k] == null || y[k].length != problem.block(k).denseLength()) {
                return numericOnly(numeric, "numeric only: the solver's dual block " + k + " has the wrong size");
            }
            if (problem.block(k).kind() == BlockKind.NONNEG) {
                return numericOnly(numeric, "numeric only: unexpected NONNEG block " + k);
            }
        }
        if (bounds == null) {
            return numericOnly(numeric, NO_TRACE_BOUND);
        }
        y = y.clone();
        for (int k = 0; k < y.length; k++) {
            if (problem.block(k).kind() == BlockKind.PSD) {
                y[k] = y[k].clone();
                symmetrize(y[k], problem.block(k).size());
            }
        }
        double[] residual = residuals(problem, y, null);
        Evaluation plain = evaluate(problem, bounds, rowDegrees, y, null);
        // move the residuals into the moment blocks: Y_k + sum_a (r_a / N_a) F_{a,k}, as hi + lo
        int[] count = new int[problem.numVariables() + 1];
        for (int k = 0; k < y.length; k++) {
            if (momentIds[k] != null) {
                for (int id : momentIds[k]) {
                    count[id]++;
                }
            }
        }
        double[][] yc = y.clone();
        double[][] low = new double[y.length][];
        for (int k = 0; k < y.length; k++) {
            int[] ids = momentIds[k];
            if (ids == null) {
                continue;
            }
            int s = problem.block(k).size();
            double[] hi = y[k].clone();
            double[] lo = new double[hi.length];
            int constant = -1;
            for (int i = 0; i < s; i++) {
                if (ids[i * s + i] == 0) {
                    constant = i;
                }
                for (int j = 0; j < s; j++) {
                    int r = ids[i * s + j];
                    if (r == 0) {
                        continue;
                    }
                    double e = residual[r - 1] / count[r];
                    double a = y[k][i * s + j];
                    double sum = a + e;
                    double z = sum - a;
                    hi[i * s + j] = sum;
                    lo[i * s + j] = (a - (sum - z)) + (e - z);
                }
            }
            if (constant >= 0) {
                liftAlongConstant(hi, lo, s, constant);
            }
            yc[k] = hi;
            low[k] = lo;
        }
        Evaluation corrected = evaluate(problem, bounds, rowDegrees, yc, low);
        Evaluation best = plain.bound >= corrected.bound || Double.isNaN(corrected.bound) ? plain : corrected;
        if (dense != null && !(best.bound + f0 >= numeric - REFINE_BELOW * (1 + Math.abs(numeric)))
                && dense.numMoments() - 1 <= MAX_REFINED_MOMENTS && dense.momentMatrixSize() <= MAX_REFINED_SIZE) {
            double[][] yr = y.clone();
            double[][] lr = new double[y.length][];
            if (refine(problem, dense, yr, lr, count)) {
                Evaluation refined = evaluate(problem, bounds, rowDegrees, yr, lr);
                if (refined.bound > best.bound) {
                    best = refined;
                }
            }
        }
        if (Double.isNaN(best.bound)) {
            return numericOnly(numeric, "numeric only: the dual point has non-finite entries");
        }
        double sdp = scale == 1.0 ? best.bound : Math.nextDown(scale * best.bound);
        double value = Math.nextDown(sdp + f0);
        return new VerifiedBound(value, numeric, true, best.eigenTerm, best.residualTerm, "");
    }

    /**
     * Upper bounds valid on every feasible point w of a moment relaxation.
     */
    public interface Bounds {
        /** @return mu_r &gt;= |w_r| for the moment of id r &gt;= 1 (SDP variable r - 1) */
        double moment(int r);

        /**
         * @param block a PSD block of the SDP
         * @param q a scaling exponent
         * @return an upper bound on trace(D S D) for that block's matrix S, where D = diag(2^{-q deg(row)})
         */
        double trace(int block, int q);

        /** @return a power-of-two scaling exponent matching the bounds (0: no scaling tried) */
        int naturalScale();
    }

    /**
     * Adds delta e_c e_c^T to a moment block Y_k = hi + lo (c its row of the constant monomial;
     * lowering the dual objective by delta) while an approximate eigenvector of a negative
     * smallest eigenvalue has a weight on the constant monomial: the first-order effect of the
     * correction along the moment vector v(z) of a minimizer is r . w(z), which only this
     * direction can absorb (v(z)_c = 1). The result is
     * verified afterwards like any dual point.
     */
    private static void liftAlongConstant(double[] hi, double[] lo, int s, int c) {
        for (int iter = 0; iter < 4; iter++) {
            org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(s, s);
            for (int i = 0; i < s * s; i++) {
                m.data[i] = hi[i];
            }
            var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(s, true, true);
            if (!eig.decompose(m)) {
                return;
            }
            int imin = 0;
            for (int i = 1; i < s; i++) {
                if (eig.getEigenvalue(i).getReal() < eig.getEigenvalue(imin).getReal()) {
                    imin = i;
                }
            }
            double lambda = eig.getEigenvalue(imin).getReal();
            double u0 = eig.getEigenVector(imin).get(c, 0);
            if (lambda >= 0 || !(Math.abs(u0) > 1e-3)) {
                return;
            }
            double delta = 2 * -lambda / (u0 * u0);
            double a = hi[c * s + c];
            double sum = a + delta;
            double z = sum - a;
            hi[c * s + c] = sum;
            lo[c * s + c] += (a - (sum - z)) + (delta - z);
        }
    }

    /** Relative distance to the solver's bound below which the refined dual point is tried. */
    static final double REFINE_BELOW = 1e-9;

    /** Largest number of moments for which the refinement's dense m x m system is formed. */
    static final int MAX_REFINED_MOMENTS = 2500;

    /** Largest moment matrix for which the refinement is tried. */
    static final int MAX_REFINED_SIZE = 400;

    /**
     * A dual point whose moment block satisfies the dual equalities without leaving the face of
     * the PSD cone the solver's Y_0 lies on: Y_0 + (Y_0 F(x) + F(x) Y_0), F(x) = sum_a x_a F_{a,0},
     * with x solving (H + mu I) x = r, H_ab = &lt;F_{a,0}, Y_0 F_{b,0} + F_{b,0} Y_0&gt;. Along the
     * near-null space N of Y_0 (the range of the moment matrix at the optimum) the correction
     * vanishes to first order (Y_0 N ~ 0), so the eigenvalues there stay near zero instead of
     * taking the residuals' size times the number of entries, as spreading does. H is singular
     * along the optimal moment vector (complementarity): the small regularization mu leaves
     * that part of the residual, which is then spread and absorbed along the constant monomial
     * like in the plain correction; its cost is about |sum_a r_a w*_a|. Two Newton rounds in
     * double-double (the residuals recomputed exactly). Nothing here needs to be exact: the
     * result is verified like any dual point.
     *
     * @return whether a refined point was written to y[0] (hi) and low[0] (lo)
     */
    private static boolean refine(SdpProblem problem, MomentRelaxation rel, double[][] y, double[][] low,
            int[] count) {
        int s = rel.momentMatrixSize();
        int m = rel.numMoments() - 1;
        int[] cls = new int[s * s];
        int[][] members = new int[m][];
        int[] fill = new int[m];
        for (int a = 0; a < m; a++) {
            members[a] = new int[count[a + 1]];
        }
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                int a = rel.basis().rankOfSum(i, j) - 1;
                cls[i * s + j] = a;
                if (a >= 0) {
                    members[a][fill[a]++] = i * s + j;
                }
            }
        }
        double[] y0 = y[0];
        // H_ab = 2 <F_a, Y F_b>, with (Y F_b)_{ij} = sum_{(k, j) in b} Y_ik
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        double[] t = new double[s * s];
        for (int b = 0; b < m; b++) {
            java.util.Arrays.fill(t, 0);
            for (int e : members[b]) {
                int k = e / s;
                int j = e % s;
                for (int i = 0; i < s; i++) {
                    t[i * s + j] += y0[i * s + k];
                }
            }
            for (int e = 0; e < s * s; e++) {
                if (cls[e] >= 0) {
                    h.data[cls[e] * m + b] += 2 * t[e];
                }
            }
        }
        double dmax = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double v = 0.5 * (h.data[a * m + b] + h.data[b * m + a]);
                h.data[a * m + b] = v;
                h.data[b * m + a] = v;
            }
            dmax = Math.max(dmax, h.data[a * m + a]);
        }
        if (!(dmax > 0) || !Double.isFinite(dmax)) {
            return false;
        }
        DMatrixRMaj factor = null;
        for (double mu = 1e-15; mu <= 1e-9 && factor == null; mu *= 100) {
            DMatrixRMaj hm = h.copy();
            for (int a = 0; a < m; a++) {
                hm.data[a * m + a] += mu * dmax;
            }
            var chol = DecompositionFactory_DDRM.chol(m, true);
            if (chol.decompose(hm)) {
                factor = chol.getT(null);
            }
        }
        if (factor == null) {
            return false;
        }
        double[] hi = y0.clone();
        double[] lo = new double[hi.length];
        y[0] = hi;
        low[0] = lo;
        DMatrixRMaj ym = new DMatrixRMaj(s, s, true, y0);
        DMatrixRMaj f = new DMatrixRMaj(s, s);
        DMatrixRMaj yf = new DMatrixRMaj(s, s);
        for (int round = 0; round < 2; round++) {
            double[] x = residuals(problem, y, low);
            TriangularSolver_DDRM.solveL(factor.data, x, m);
            TriangularSolver_DDRM.solveTranL(factor.data, x, m);
            for (int e = 0; e < s * s; e++) {
                f.data[e] = cls[e] >= 0 ? x[cls[e]] : 0;
            }
            CommonOps_DDRM.mult(ym, f, yf);
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    addTwoSum(hi, lo, i * s + j, yf.data[i * s + j] + yf.data[j * s + i]);
                }
            }
        }
        double[] residual = residuals(problem, y, low);
        for (int e = 0; e < s * s; e++) {
            if (cls[e] >= 0) {
                addTwoSum(hi, lo, e, residual[cls[e]] / count[cls[e] + 1]);
            }
        }
        liftAlongConstant(hi, lo, s, 0);
        return true;
    }

    /** hi[e] + lo[e] += v, the rounding error of hi's sum kept in lo. */
    private static void addTwoSum(double[] hi, double[] lo, int e, double v) {
        double a = hi[e];
        double sum = a + v;
        double z = sum - a;
        hi[e] = sum;
        lo[e] += (a - (sum - z)) + (v - z);
    }

    /** @return the degree of each row monomial of the moment matrix (localizing rows are a prefix) */
    private static int[] rowDegrees(MomentRelaxation rel) {
        int[] d = new int[rel.momentMatrixSize()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rel.basis().degree(i);
        }
        return d;
    }

    private static VerifiedBound numericOnly(double numeric, String why) {
        return new VerifiedBound(Double.NaN, numeric, false, Double.NaN, Double.NaN, why);
    }

    private record Evaluation(double bound, double eigenTerm, double residualTerm) {
    }

    private static void symmetrize(double[] a, int s) {
        for (int i = 0; i < s; i++) {
            for (int j = i + 1; j < s; j++) {
                double v = 0.5 * (a[i * s + j] + a[j * s + i]);
                a[i * s + j] = v;
                a[j * s + i] = v;
            }
        }
    }

    /**
     * @return the residuals r_i = c_i - sum_k &lt;F_{i+1,k}, Y_k + Ylo_k&gt; in double-double,
     *         rounded to double (Ylo may be null or have null blocks)
     */
    private static double[] residuals(SdpProblem p, double[][] y, double[][] ylo) {
        double[] r = new double[p.numVariables()];
        ExactDot acc = new ExactDot();
        for (int i = 0; i < r.length; i++) {
            acc.reset();
            acc.add(p.objective(i));
            accumulate(acc, p, i + 1, y, ylo, -1.0);
            r[i] = acc.value();
        }
        return r;
    }

    /** acc += sign * sum_k &lt;F_{i,k}, Y_k (+ Ylo_k)&gt;, every product exact. */
    private static void accumulate(ExactDot acc, SdpProblem p, int i, double[][] y, double[][] ylo, double sign) {
        for (int k = 0; k < p.numBlocks(); k++) {
            SparseSymMatrix f = p.coefficient(i, k);
            BlockSpec b = p.block(k);
            int s = b.size();
            boolean diag = b.kind().isDiagonal();
            double[] lo = ylo == null ? null : ylo[k];
            for (int e = 0; e < f.nnz(); e++) {
                double v = sign * f.value(e);
                int row = f.row(e);
                int col = f.col(e);
                if (diag) {
                    acc.add(v, y[k][row]);
                    if (lo != null) {
                        acc.add(v, lo[row]);
                    }
                } else {
                    acc.add(v, y[k][row * s + col]);
                    if (lo != null) {
                        acc.add(v, lo[row * s + col]);
                    }
                    if (row != col) {
                        acc.add(v, y[k][col * s + row]);
                        if (lo != null) {
                            acc.add(v, lo[col * s + row]);
                        }
                    }
                }
            }
        }
    }

    /**
     * @return a rigorous lower bound on lambda_min(D (Y + Ylo) D) with D = diag(2^{q deg(row)})
     *         (exact scaling by powers of two; Ylo may be null)
     */
    private static double scaledLambda(double[] y, double[] ylo, int s, int[] degrees, int q) {
        double[] a = y;
        if (q != 0) {
            a = new double[s * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    a[i * s + j] = Math.scalb(y[i * s + j], q * (degrees[i] + degrees[j]));
                }
            }
        }
        double lambda = EigenvalueBound.lowerBound(a, s);
        if (ylo != null) {
            double fro = 0;
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    double v = Math.scalb(ylo[i * s + j], q * (degrees[i] + degrees[j]));
                    fro += v * v;
                }
            }
            lambda = Math.nextDown(lambda - ExactDot.up(Math.sqrt(ExactDot.up(fro, (long) s * s)), 2));
        }
        return lambda;
    }

    private static Evaluation evaluate(SdpProblem p, Bounds bounds, int[][] degrees, double[][] y,
            double[][] ylo) {
        ExactDot acc = new ExactDot();
        accumulate(acc, p, 0, y, ylo, 1.0);
        double objLow = Math.nextDown(acc.value() - acc.errorBound());
        // residual term: sum_a (|r_a| + err_a) mu_a, recomputing each residual with its error bound
        double res = 0;
        for (int i = 0; i < p.numVariables(); i++) {
            acc.reset();
            acc.add(p.objective(i));
            accumulate(acc, p, i + 1, y, ylo, -1.0);
            double ri = ExactDot.up(Math.abs(acc.value()) + acc.errorBound(), 2);
            res += Math.nextUp(ri * bounds.moment(i + 1));
        }
        res = ExactDot.up(res, p.numVariables());
        double eig = 0;
        int natural = bounds.naturalScale();
        int[] scales = natural == 0 ? new int[] {0} : new int[] {0, (natural + 1) / 2, natural};
        for (int k = 0; k < p.numBlocks(); k++) {
            BlockSpec b = p.block(k);
            if (b.kind() != BlockKind.PSD) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int q : scales) {
                double lambda = scaledLambda(y[k], ylo == null ? null : ylo[k], b.size(), degrees[k], q);
                if (Double.isNaN(lambda)) {
                    return new Evaluation(Double.NaN, Double.NaN, Double.NaN);
                }
                best = Math.min(best, lambda >= 0 ? 0.0 : Math.nextUp(-lambda * bounds.trace(k, q)));
                if (best == 0) {
                    break;
                }
            }
            eig += best;
        }
        eig = ExactDot.up(eig, p.numBlocks());
        double bound = Math.nextDown(objLow - ExactDot.up(eig + res, 2));
        return new Evaluation(bound, eig, res);
    }
}
