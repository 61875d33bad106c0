package io.polysos.moment;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SparseSymMatrix;

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
 * bounding constraint such as the ball). Adding f_0 gives a bound on the POP's minimum. Two
 * dual points are tried and the larger bound kept: the solver's Y (blocks symmetrized), and
 * the same with the residuals moved into the moment block, Y_0 + sum_a (r_a / N_a) F_{a,0}
 * (N_a = number of entries of M_k holding w_a; this is the orthogonal projection onto
 * the dual equalities within Y_0), kept in double-double so that its residuals are at the
 * level of u^2. The same evaluation serves the sparse relaxations
 * ({@link #of(SdpProblem, SdpSolution, Bounds, int[][], int[][], double, double, double)}),
 * whose moment blocks (one or more per clique) share the residuals.
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
        return of(rel.sdpProblem(), solution, bounds, rowDegrees, momentIds, 1.0,
                rel.pop().objective().constantTerm(), numeric);
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
