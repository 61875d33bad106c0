package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Step lengths of the interior-point iteration: the largest alpha keeping V + alpha D in the
 * cone, from the smallest eigenvalue of L^{-1} D L^{-T} (V = L L^T) on each PSD block and the
 * ratio test on the NONNEG part. Uses the caller's work blocks {@code t1} and {@code g} (both
 * overwritten) and owns one eigen-decomposition per PSD block. Accumulates its own time.
 * Not thread-safe.
 */
final class StepLength {

    private final ProblemData d;
    private final Kernels kernels;
    private final DMatrixRMaj[] t1;
    private final DMatrixRMaj[] g;
    private final EigenDecomposition_F64<DMatrixRMaj>[] eig;
    /** Time spent here, in nanoseconds. */
    long nanos;

    @SuppressWarnings("unchecked")
    StepLength(ProblemData d, Kernels kernels, DMatrixRMaj[] t1, DMatrixRMaj[] g) {
        this.d = d;
        this.kernels = kernels;
        this.t1 = t1;
        this.g = g;
        this.eig = new EigenDecomposition_F64[d.nPsd];
        for (int b = 0; b < d.nPsd; b++) {
            eig[b] = DecompositionFactory_DDRM.eig(d.psdSize[b], false, true);
        }
    }

    /**
     * Largest alpha with (V_b + alpha D_b) PSD on every block and v + alpha dv &gt;= 0, the
     * blocks V_b = L L^T given by {@code linv[b]} = L^{-1}; +infinity when no direction leaves
     * the cone, 0 when an eigen-decomposition fails.
     */
    double max(DMatrixRMaj[] linv, DMatrixRMaj[] dir, double[] v, double[] dv) {
        long t0 = System.nanoTime();
        double a = Double.POSITIVE_INFINITY;
        for (int b = 0; b < d.nPsd; b++) {
            a = Math.min(a, block(b, linv[b], dir[b]));
        }
        for (int p = 0; p < d.nLin; p++) {
            if (dv[p] < 0) {
                a = Math.min(a, -v[p] / dv[p]);
            }
        }
        nanos += System.nanoTime() - t0;
        return a;
    }

    /** Largest alpha with V + alpha D in the cone, V = L L^T given by linv = L^{-1}. */
    private double block(int b, DMatrixRMaj linv, DMatrixRMaj dir) {
        kernels.multiply(linv.data, dir.data, t1[b].data, linv.numRows);
        CommonOps_DDRM.multTransB(t1[b], linv, g[b]);
        NewtonSystem.symmetrize(g[b]);
        if (!eig[b].decompose(g[b])) {
            return 0.0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.psdSize[b]; i++) {
            min = Math.min(min, eig[b].getEigenvalue(i).getReal());
        }
        return min >= 0 ? Double.POSITIVE_INFINITY : -1.0 / min;
    }
}
