package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The variables of the interior-point iteration: X (one dense block per PSD block) and x_L of
 * the NONNEG part, the cone variable of (D); x_f, the free variable of the ZERO part; y and
 * Z = (Z_k, z_L), the variables of (P). The arrays are allocated once and updated in place.
 * Not thread-safe.
 */
final class Iterate {

    /**
     * Scale of CSDP's initial point X = 10 alpha I, Z = 10 beta I (Borchers, CSDP's
     * {@code initsoln.c}).
     */
    static final double INITIAL_POINT_SCALE = 10;

    final DMatrixRMaj[] x;
    final DMatrixRMaj[] z;
    final double[] xL;
    final double[] zL;
    final double[] xf;
    final double[] y;

    Iterate(ProblemData d) {
        x = blocks(d);
        z = blocks(d);
        xL = new double[d.nLin];
        zL = new double[d.nLin];
        xf = new double[d.nZero];
        y = new double[d.m];
    }

    /** Zero n x n blocks, one per PSD block of the problem. */
    static DMatrixRMaj[] blocks(ProblemData d) {
        DMatrixRMaj[] r = new DMatrixRMaj[d.nPsd];
        for (int b = 0; b < d.nPsd; b++) {
            r[b] = new DMatrixRMaj(d.psdSize[b], d.psdSize[b]);
        }
        return r;
    }

    /**
     * CSDP's initial point: X = 10 alpha I, Z = 10 beta I, y = 0, x_f = 0, with
     * alpha = n max_i (1 + |c_i|) / (1 + ||F_i||) and
     * beta = (1 + max(max_i ||F_i||, ||C||)) / sqrt(n), n the cone dimension.
     * Every other entry of the iterate (off-diagonals, y, x_f) is set to zero.
     */
    void setInitialPoint(ProblemData d, double normC) {
        for (int b = 0; b < x.length; b++) {
            Arrays.fill(x[b].data, 0.0);
            Arrays.fill(z[b].data, 0.0);
        }
        Arrays.fill(xf, 0.0);
        Arrays.fill(y, 0.0);
        int n = Math.max(1, d.coneDim);
        double alpha = 0;
        double maxNorm = 0;
        for (int i = 0; i < d.m; i++) {
            double nrm = d.coefficientNorm(i);
            maxNorm = Math.max(maxNorm, nrm);
            alpha = Math.max(alpha, (1 + Math.abs(d.c[i])) / (1 + nrm));
        }
        alpha *= n;
        if (alpha == 0) {
            alpha = n;
        }
        double beta = (1 + Math.max(maxNorm, normC)) / Math.sqrt(n);
        for (int b = 0; b < d.nPsd; b++) {
            int s = d.psdSize[b];
            for (int r = 0; r < s; r++) {
                x[b].data[r * s + r] = INITIAL_POINT_SCALE * alpha;
                z[b].data[r * s + r] = INITIAL_POINT_SCALE * beta;
            }
        }
        Arrays.fill(xL, INITIAL_POINT_SCALE * alpha);
        Arrays.fill(zL, INITIAL_POINT_SCALE * beta);
    }

    /** Copies every variable of {@code other} (of the same problem) into this iterate. */
    void setTo(Iterate other) {
        for (int b = 0; b < x.length; b++) {
            x[b].setTo(other.x[b]);
            z[b].setTo(other.z[b]);
        }
        System.arraycopy(other.xL, 0, xL, 0, xL.length);
        System.arraycopy(other.zL, 0, zL, 0, zL.length);
        System.arraycopy(other.xf, 0, xf, 0, xf.length);
        System.arraycopy(other.y, 0, y, 0, y.length);
    }

    /**
     * The dual blocks Y_k of the iterate (X, x_L, x_f) in the problem's block layout, each
     * entry multiplied by {@code scale}.
     */
    double[][] dualBlocks(SdpProblem problem, ProblemData d, double scale) {
        double[][] out = new double[problem.numBlocks()][];
        for (int b = 0; b < d.nPsd; b++) {
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
}
