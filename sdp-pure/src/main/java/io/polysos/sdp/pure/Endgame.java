package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Arrays;

/**
 * Endgame correction of an iterate whose gap is within tolerance but whose primal or dual
 * infeasibility is slightly above it (by at most {@link #POLISH_LIMIT}), typically from the
 * rounding of the last direction (whose X part is a difference of large terms). Primal: the
 * least-change correction dX = -sym(Z^{-1} A^T(w) X), dx_L = -(x_L / z_L) A_L^T w, dx_f from
 * the saddle system with right-hand side (-rp, 0), so that A(dX) + B dx_f = rp; being of the
 * size of rp it is computed accurately. Dual: Z = A^T y - C. Each is kept only when the
 * corrected cone variable stays positive definite and the merit
 * max(gap / gapTol, max(pinf, dinf) / feasTol) decreases. After it the residuals and measures
 * are those of the current iterate. Works in the Newton system's arrays (between iterations).
 * Not thread-safe.
 */
final class Endgame {

    /**
     * The endgame correction is tried when the gap is met and the larger infeasibility is
     * above the tolerance by at most this factor (this backend's choice).
     */
    static final double POLISH_LIMIT = 1e3;

    private final ProblemData d;
    private final Iterate it;
    private final Residuals res;
    private final NewtonSystem ns;
    private final double gapTol;
    private final double feasTol;

    Endgame(ProblemData d, Iterate it, Residuals res, NewtonSystem ns, double gapTol, double feasTol) {
        this.d = d;
        this.it = it;
        this.res = res;
        this.ns = ns;
        this.gapTol = gapTol;
        this.feasTol = feasTol;
    }

    /** Whether the current measures call for the correction. */
    boolean applies() {
        return res.gap <= gapTol && Math.max(res.pinf, res.dinf) > feasTol
                && Math.max(res.pinf, res.dinf) <= POLISH_LIMIT * feasTol;
    }

    /**
     * Tries the dual, then the primal correction.
     *
     * @return what was corrected, or null
     */
    String polish() {
        String done = null;
        if (res.dinf > feasTol && res.pinf <= POLISH_LIMIT * feasTol && polishDual()) {
            done = "dual correction Z = A^T y - C";
        }
        if (res.pinf > feasTol && d.m > 0 && polishPrimal()) {
            done = done == null ? "primal correction A(dX) + B dx_f = rp" : done + ", primal correction";
        }
        return done;
    }

    private double merit() {
        return res.merit(gapTol, feasTol);
    }

    private boolean polishDual() {
        DMatrixRMaj[] z = it.z;
        double[] zL = it.zL;
        DMatrixRMaj[] keep = ns.dzKeep;
        double[] keepL = ns.dzLKeep;
        double before = merit();
        for (int b = 0; b < d.nPsd; b++) {
            keep[b].setTo(z[b]);
            CommonOps_DDRM.addEquals(z[b], res.fd[b]);
            NewtonSystem.symmetrize(z[b]);
        }
        System.arraycopy(zL, 0, keepL, 0, d.nLin);
        boolean ok = true;
        for (int p = 0; p < d.nLin; p++) {
            zL[p] += res.fdL[p];
            ok &= zL[p] > 0;
        }
        for (int b = 0; b < d.nPsd && ok; b++) {
            ok = ns.lowerInverse(b, z[b], ns.lzInv[b]);
        }
        if (ok) {
            res.compute(it);
            ok = merit() < before;
        }
        if (!ok) {
            for (int b = 0; b < d.nPsd; b++) {
                z[b].setTo(keep[b]);
            }
            System.arraycopy(keepL, 0, zL, 0, d.nLin);
            res.compute(it);
        }
        return ok;
    }

    private boolean polishPrimal() {
        DMatrixRMaj[] x = it.x;
        double[] xL = it.xL;
        double[] xf = it.xf;
        double[] rhs = ns.rhs;
        double[] dy = ns.dy;
        double[] dxf = ns.dxf;
        DMatrixRMaj[] dx = ns.dx;
        DMatrixRMaj[] dz = ns.dz;
        DMatrixRMaj[] keep = ns.dxKeep;
        double[] keepL = ns.dxLKeep;
        double before = merit();
        if (ns.factorCones() != null) {
            return false;
        }
        ns.assembleSchur();
        if (ns.factorSchur() != null) {
            return false;
        }
        for (int i = 0; i < d.m; i++) {
            rhs[i] = -res.rp[i];
        }
        Arrays.fill(ns.refineZ, 0.0);
        ns.solveSaddle(rhs, ns.refineZ, dy, dxf);
        for (int b = 0; b < d.nPsd; b++) {
            dz[b].zero();
            ConeOperator.addAT(d, b, dy, 1.0, dz[b]);
            ns.zwx(b, dz[b], dx[b]);
            keep[b].setTo(x[b]);
            CommonOps_DDRM.addEquals(x[b], -1.0, dx[b]);
        }
        System.arraycopy(xL, 0, keepL, 0, d.nLin);
        boolean ok = true;
        for (int p = 0; p < d.nLin; p++) {
            double s = 0;
            for (int e = d.linRowPtr[p]; e < d.linRowPtr[p + 1]; e++) {
                s += d.linRowVal[e] * dy[d.linRowVar[e]];
            }
            xL[p] -= ns.ratio[p] * s;
            ok &= xL[p] > 0;
        }
        for (int j = 0; j < d.nZero; j++) {
            xf[j] += dxf[j];
        }
        for (int b = 0; b < d.nPsd && ok; b++) {
            ok = ns.lowerInverse(b, x[b], ns.lxInv[b]);
        }
        if (ok) {
            res.compute(it);
            ok = merit() < before;
        }
        if (!ok) {
            for (int b = 0; b < d.nPsd; b++) {
                x[b].setTo(keep[b]);
            }
            System.arraycopy(keepL, 0, xL, 0, d.nLin);
            for (int j = 0; j < d.nZero; j++) {
                xf[j] -= dxf[j];
            }
            res.compute(it);
        }
        return ok;
    }
}
