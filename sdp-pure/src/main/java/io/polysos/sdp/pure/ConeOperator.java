package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;

/**
 * The constraint map of the cones and its adjoint, from the sparse entries of
 * {@link ProblemData}: A(W) + A_L^T w_L (one value per variable) and A^T v on one PSD block.
 * Stateless.
 */
final class ConeOperator {

    private ConeOperator() {
    }

    /** out += alpha * sum_i v_i A_{i,b} (dense, both triangles). */
    static void addAT(ProblemData d, int b, double[] v, double alpha, DMatrixRMaj out) {
        int n = d.psdSize[b];
        double[] o = out.data;
        int[] vars = d.blockVars[b];
        for (int a = 0; a < vars.length; a++) {
            double s = alpha * v[vars[a]];
            if (s == 0.0) {
                continue;
            }
            int[] er = d.entRow[b][a];
            int[] ec = d.entCol[b][a];
            double[] ev = d.entVal[b][a];
            for (int e = 0; e < ev.length; e++) {
                int r = er[e];
                int c = ec[e];
                o[r * n + c] += s * ev[e];
                if (r != c) {
                    o[c * n + r] += s * ev[e];
                }
            }
        }
    }

    /** out_i += alpha * (&lt;A_i, W&gt; + A_L,i . wL) over the cones. */
    static void applyA(ProblemData d, DMatrixRMaj[] w, double[] wL, double alpha, double[] out) {
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            double[] ww = w[b].data;
            int[] vars = d.blockVars[b];
            for (int a = 0; a < vars.length; a++) {
                int[] er = d.entRow[b][a];
                int[] ec = d.entCol[b][a];
                double[] ev = d.entVal[b][a];
                double s = 0;
                for (int e = 0; e < ev.length; e++) {
                    int r = er[e];
                    int c = ec[e];
                    s += r == c ? ev[e] * ww[r * n + r] : ev[e] * (ww[r * n + c] + ww[c * n + r]);
                }
                out[vars[a]] += alpha * s;
            }
        }
        for (int i = 0; i < d.m; i++) {
            double s = 0;
            for (int e = d.linColPtr[i]; e < d.linColPtr[i + 1]; e++) {
                s += d.linColVal[e] * wL[d.linColRow[e]];
            }
            out[i] += alpha * s;
        }
    }
}
