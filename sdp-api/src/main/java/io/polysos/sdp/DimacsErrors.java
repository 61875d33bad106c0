package io.polysos.sdp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The six DIMACS error measures (Mittelmann, "An independent benchmarking of SDP and SOCP
 * solvers", 2003), computed by one routine for every backend so that all are measured
 * alike. The DIMACS standard primal is our dual (D) with X = Y, C = -F_0, A_i = F_i, b = c;
 * its dual slack Z is our slack S(y). With pobj = c.y and dobj = sum_k &lt;F_0k, Y_k&gt;:
 *
 * <pre>
 *   err1 = ||(&lt;F_i, Y&gt; - c_i)_i||_2 / (1 + ||c||_inf)          dual equality residual
 *   err2 = max(0, -lambda_min(Y)) / (1 + ||c||_inf)              dual cone violation
 *   err3 = ||S - (sum_i y_i F_i - F_0)||_F / (1 + ||F_0||_max)   0 when S is computed from y
 *   err4 = max(0, -lambda_min(S), ||S_ZERO||_inf) / (1 + ||F_0||_max)  primal cone violation
 *   err5 = (pobj - dobj) / (1 + |pobj| + |dobj|)                 duality gap
 *   err6 = &lt;S, Y&gt; / (1 + |pobj| + |dobj|)                       complementarity
 * </pre>
 *
 * lambda_min is over all PSD blocks (eigenvalues) and NONNEG blocks (entries); ZERO blocks
 * enter err4 through the size of their slack, their dual being free.
 */
public record DimacsErrors(double err1, double err2, double err3, double err4, double err5, double err6) {

    /** @return the six values as an array, err1 first */
    public double[] toArray() {
        return new double[] {err1, err2, err3, err4, err5, err6};
    }

    /** @return the largest of the absolute values of the six measures */
    public double max() {
        double m = 0;
        for (double v : toArray()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** @return measures that are all NaN (nothing to measure) */
    public static DimacsErrors unavailable() {
        return new DimacsErrors(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Computes the measures for y and dense dual blocks, with S computed from y (err3 = 0).
     *
     * @param problem the problem
     * @param y the primal vector, length m, not modified
     * @param dualBlocks Y_k dense (row-major s*s for PSD, length s otherwise), not modified
     */
    public static DimacsErrors compute(SdpProblem problem, double[] y, double[][] dualBlocks) {
        return compute(problem, y, dualBlocks, null);
    }

    /**
     * Computes the measures for y, the dual blocks and the backend's own slack blocks.
     *
     * @param slack the backend's S_k (same layout as the dual blocks), or null to use S(y);
     *              not modified
     */
    public static DimacsErrors compute(SdpProblem problem, double[] y, double[][] dualBlocks, double[][] slack) {
        if (slack != null && slack.length != problem.numBlocks()) {
            throw new IllegalArgumentException("expected " + problem.numBlocks() + " slack blocks, got " + slack.length);
        }
        double[][] sy = problem.slack(y);
        double[][] s = slack == null ? sy : slack;
        double cInf = 0;
        for (int i = 0; i < problem.numVariables(); i++) {
            cInf = Math.max(cInf, Math.abs(problem.objective(i)));
        }
        double f0Max = 0;
        for (int k = 0; k < problem.numBlocks(); k++) {
            f0Max = Math.max(f0Max, problem.coefficient(0, k).maxAbs());
        }
        double pobj = problem.objectiveValue(y);
        double dobj = problem.dualObjectiveValue(dualBlocks);
        double[] action = problem.dualAction(dualBlocks);
        double r1 = 0;
        for (int i = 0; i < action.length; i++) {
            double d = action[i] - problem.objective(i);
            r1 += d * d;
        }
        double err1 = Math.sqrt(r1) / (1 + cInf);

        double minY = Double.POSITIVE_INFINITY;
        double minS = Double.POSITIVE_INFINITY;
        double zeroViolation = 0;
        double r3 = 0;
        double sy_dot = 0;
        for (int k = 0; k < problem.numBlocks(); k++) {
            BlockSpec b = problem.block(k);
            double[] yk = dualBlocks[k];
            double[] sk = s[k];
            if (slack != null) {
                if (sk == null || sk.length != b.denseLength()) {
                    throw new IllegalArgumentException("slack block " + k + " (" + b + ") must have length "
                            + b.denseLength() + ", got " + (sk == null ? "null" : String.valueOf(sk.length)));
                }
                for (int e = 0; e < sk.length; e++) {
                    double d = sk[e] - sy[k][e];
                    r3 += d * d;
                }
            }
            for (int e = 0; e < sk.length; e++) {
                sy_dot += sk[e] * yk[e];
            }
            switch (b.kind()) {
                case PSD -> {
                    minY = Math.min(minY, minEigenvalue(yk, b.size()));
                    minS = Math.min(minS, minEigenvalue(sk, b.size()));
                }
                case NONNEG -> {
                    for (int e = 0; e < b.size(); e++) {
                        minY = Math.min(minY, yk[e]);
                        minS = Math.min(minS, sk[e]);
                    }
                }
                case ZERO -> {
                    for (int e = 0; e < b.size(); e++) {
                        zeroViolation = Math.max(zeroViolation, Math.abs(sk[e]));
                    }
                }
            }
        }
        double err2 = minY == Double.POSITIVE_INFINITY ? 0 : Math.max(0, -minY) / (1 + cInf);
        double err3 = Math.sqrt(r3) / (1 + f0Max);
        double viol = Math.max(zeroViolation, minS == Double.POSITIVE_INFINITY ? 0 : -minS);
        double err4 = Math.max(0, viol) / (1 + f0Max);
        double denom = 1 + Math.abs(pobj) + Math.abs(dobj);
        double err5 = (pobj - dobj) / denom;
        double err6 = sy_dot / denom;
        return new DimacsErrors(err1, err2, err3, err4, err5, err6);
    }

    /**
     * @param a a symmetric matrix, row-major n*n, not modified
     * @return its smallest eigenvalue (NaN when the decomposition fails)
     */
    public static double minEigenvalue(double[] a, int n) {
        double[] ev = eigenvalues(a, n);
        double min = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            min = Math.min(min, v);
        }
        return ev.length == 0 ? Double.NaN : min;
    }

    /**
     * @param a a symmetric matrix, row-major n*n, not modified
     * @return its eigenvalues in ascending order (empty when the decomposition fails)
     */
    public static double[] eigenvalues(double[] a, int n) {
        DMatrixRMaj m = DMatrixRMaj.wrap(n, n, a.clone());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            return new double[0];
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(ev);
        return ev;
    }
}
