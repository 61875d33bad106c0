package io.polysos.sdp.mosek;

import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SparseSymMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Fusion model of a problem and reads its solution back.
 *
 * <p>MOSEK is given the dual (D) of our standard form, written as a minimization:
 *
 * <pre>
 *   (M)  minimize  - sum_k &lt;F_{0,k}, Y_k&gt;
 *        subject to sum_k A_k vec(Y_k) = c            (one m-row constraint)
 *                   Y_k in PSD(s) | R^s_+ (NONNEG) | R^s (ZERO, free)
 * </pre>
 *
 * where row i-1 of A_k holds F_{i,k}: for a PSD block, column r*s+c of the row-major
 * flattening of Y_k, the lower triangle only (r &gt;= c), off-diagonal values doubled, since
 * Fusion's PSD variable is symmetric; for a vector block, column r. The PSD cone is
 * then a variable domain (MOSEK's native "bar" variables) and the m equalities are one
 * sparse {@code Expr.mul(Matrix, Expression)} per block, which scales to thousands of
 * variables; the primal form would need an affine PSD constraint per block that MOSEK
 * turns into this form anyway.
 *
 * <p>MOSEK's dual of (M) is our (P): with MOSEK's convention for a minimization
 * (A^T u + s = objective, s in K*), u = -y. So y = -dual(constraint), Y_k = level(Y_k);
 * MOSEK's primal infeasibility is our unboundedness and its dual infeasibility our
 * infeasibility.
 */
final class FusionTranslation {

    /** Largest PSD block whose flattening Fusion can index with an int. */
    static final int MAX_PSD_SIZE = 46_340;

    private final SdpProblem problem;
    private final List<Object> blockVariables;
    private final Object constraint;

    private FusionTranslation(SdpProblem problem, List<Object> blockVariables, Object constraint) {
        this.problem = problem;
        this.blockVariables = blockVariables;
        this.constraint = constraint;
    }

    /** Adds the variables, the constraint and the objective of (M) to an empty model. */
    static FusionTranslation build(FusionApi api, Object model, SdpProblem p) {
        int m = p.numVariables();
        List<Object> vars = new ArrayList<>(p.numBlocks());
        List<Object> rowTerms = new ArrayList<>();
        List<Object> objectiveTerms = new ArrayList<>();
        for (int k = 0; k < p.numBlocks(); k++) {
            BlockSpec b = p.block(k);
            int s = b.size();
            Object var;
            switch (b.kind()) {
                case PSD -> {
                    if (s > MAX_PSD_SIZE) {
                        throw new IllegalArgumentException("block " + k + " (" + b + ") is larger than " + MAX_PSD_SIZE
                                + ", the largest PSD block MOSEK Fusion can index");
                    }
                    var = api.variable(model, api.inPsdCone(s));
                }
                case NONNEG -> var = api.variable(model, s, api.greaterThan(0.0));
                case ZERO -> var = api.variable(model, s, api.unbounded());
                default -> throw new IllegalStateException("unknown block kind " + b.kind());
            }
            vars.add(var);
            boolean psd = !b.kind().isDiagonal();
            Object flat = psd ? api.flatten(var) : var;
            if (m > 0) {
                Object a = blockMatrix(api, p, k);
                if (a != null) {
                    rowTerms.add(api.mul(a, flat));
                }
            }
            SparseSymMatrix f0 = p.coefficient(0, k);
            if (!f0.isEmpty()) {
                if (psd) {
                    int n = f0.nnz();
                    int[] ri = new int[n];
                    int[] ci = new int[n];
                    double[] v = new double[n];
                    for (int e = 0; e < n; e++) {
                        ri[e] = f0.col(e);
                        ci[e] = f0.row(e);
                        v[e] = f0.row(e) == f0.col(e) ? -f0.value(e) : -2 * f0.value(e);
                    }
                    objectiveTerms.add(api.dot(api.sparse(s, s, ri, ci, v), var));
                } else {
                    double[] d = new double[s];
                    for (int e = 0; e < f0.nnz(); e++) {
                        d[f0.row(e)] = -f0.value(e);
                    }
                    objectiveTerms.add(api.dot(d, var));
                }
            }
        }
        Object con = null;
        if (m > 0) {
            Object lhs = rowTerms.isEmpty() ? api.constTerm(m, 0.0) : sum(api, rowTerms);
            con = api.constraint(model, lhs, api.equalsTo(p.objective()));
        }
        if (!objectiveTerms.isEmpty()) {
            api.minimize(model, sum(api, objectiveTerms));
        }
        return new FusionTranslation(p, vars, con);
    }

    /** @return A_k as a Fusion m x (s*s or s) sparse matrix, or null when block k has no F_i entries */
    private static Object blockMatrix(FusionApi api, SdpProblem p, int k) {
        BlockSpec b = p.block(k);
        int s = b.size();
        boolean psd = !b.kind().isDiagonal();
        int m = p.numVariables();
        long total = 0;
        for (int i = 1; i <= m; i++) {
            total += p.coefficient(i, k).nnz();
        }
        if (total == 0) {
            return null;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("block " + k + " has " + total + " coefficient entries, too many for Fusion");
        }
        int n = (int) total;
        int[] subi = new int[n];
        int[] subj = new int[n];
        double[] val = new double[n];
        int t = 0;
        for (int i = 1; i <= m; i++) {
            SparseSymMatrix f = p.coefficient(i, k);
            for (int e = 0; e < f.nnz(); e++) {
                int r = f.row(e);
                int c = f.col(e);
                subi[t] = i - 1;
                if (psd) {
                    subj[t] = c * s + r;
                    val[t] = r == c ? f.value(e) : 2 * f.value(e);
                } else {
                    subj[t] = r;
                    val[t] = f.value(e);
                }
                t++;
            }
        }
        return api.sparse(m, psd ? s * s : s, subi, subj, val);
    }

    /** Sums expressions as a balanced tree of binary Expr.add calls (depth log2 of the count). */
    private static Object sum(FusionApi api, List<Object> terms) {
        List<Object> level = terms;
        while (level.size() > 1) {
            List<Object> next = new ArrayList<>((level.size() + 1) / 2);
            for (int j = 0; j + 1 < level.size(); j += 2) {
                next.add(api.add(level.get(j), level.get(j + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** @return y = -dual of the equality constraint (length m; empty when m = 0) */
    double[] y(FusionApi api) {
        int m = problem.numVariables();
        if (constraint == null) {
            return new double[m];
        }
        double[] u = api.dual(constraint);
        if (u.length != m) {
            throw new FusionException("the constraint dual has length " + u.length + ", expected m = " + m);
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = -u[i];
        }
        return y;
    }

    /** @return the dual blocks Y_k (row-major s*s, symmetrized, for PSD; length s otherwise) */
    double[][] dualBlocks(FusionApi api) {
        double[][] yb = new double[blockVariables.size()][];
        for (int k = 0; k < yb.length; k++) {
            BlockSpec b = problem.block(k);
            double[] v = api.level(blockVariables.get(k)).clone();
            if (v.length != b.denseLength()) {
                throw new FusionException("level of block " + k + " has length " + v.length + ", expected " + b.denseLength());
            }
            if (!b.kind().isDiagonal()) {
                int s = b.size();
                for (int r = 0; r < s; r++) {
                    for (int c = r + 1; c < s; c++) {
                        double avg = 0.5 * (v[r * s + c] + v[c * s + r]);
                        v[r * s + c] = avg;
                        v[c * s + r] = avg;
                    }
                }
            }
            yb[k] = v;
        }
        return yb;
    }
}
