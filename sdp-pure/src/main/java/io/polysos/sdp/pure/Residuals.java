package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;

/**
 * Residuals and measures of an iterate: the dual residual Fd = A^T y - C - Z on the cones,
 * rz = f0z - B^T y on the ZERO part, the primal residual rp = c - A(X) - A_L^T x_L - B x_f,
 * and from them the objectives, mu, the relative gap and the relative infeasibilities (with
 * the true C, never the perturbed one). The residuals and the measures are the fields after
 * {@link #compute}; the Newton system reads the residuals as its right-hand sides, after
 * adding the objective perturbation to fd and fdL. Not thread-safe.
 */
final class Residuals {

    private final ProblemData d;
    /** Fd = A^T y - C - Z on each PSD block. */
    final DMatrixRMaj[] fd;
    /** The NONNEG part of Fd. */
    final double[] fdL;
    /** rz = f0z - B^T y. */
    final double[] rz;
    /** rp = c - A(X) - A_L^T x_L - B x_f. */
    final double[] rp;

    /** Primal objective c.y. */
    double pobj;
    /** Dual objective &lt;C,X&gt; + f0z.x_f. */
    double dobj;
    /** &lt;X,Z&gt; / cone dimension (0 without cones). */
    double mu;
    /** max(|pobj - dobj|, |&lt;X,Z&gt;|) / (1 + |pobj| + |dobj|). */
    double gap;
    /** |&lt;X,Z&gt;| / (1 + |pobj| + |dobj|): the part of {@link #gap} the Newton system drives to 0. */
    double complementarity;
    /** ||rp|| / (1 + ||c||_inf). */
    double pinf;
    /** ||(Fd, rz)|| / (1 + max |F_0|). */
    double dinf;

    Residuals(ProblemData d) {
        this.d = d;
        this.fd = Iterate.blocks(d);
        this.fdL = new double[d.nLin];
        this.rz = new double[d.nZero];
        this.rp = new double[d.m];
    }

    /** Fills fd, fdL, rz, rp and the measures for the iterate. */
    void compute(Iterate it) {
        DMatrixRMaj[] x = it.x;
        DMatrixRMaj[] z = it.z;
        double[] xL = it.xL;
        double[] zL = it.zL;
        double[] xf = it.xf;
        double[] y = it.y;
        // Fd = A^T y - C - Z on each PSD block
        double fdNorm2 = 0;
        double xz = 0;
        double cx = 0;
        for (int b = 0; b < d.nPsd; b++) {
            double[] f = fd[b].data;
            double[] cc = d.psdC[b].data;
            double[] zz = z[b].data;
            for (int e = 0; e < f.length; e++) {
                f[e] = -cc[e] - zz[e];
            }
            ConeOperator.addAT(d, b, y, 1.0, fd[b]);
            for (int e = 0; e < f.length; e++) {
                fdNorm2 += f[e] * f[e];
                xz += x[b].data[e] * zz[e];
                cx += cc[e] * x[b].data[e];
            }
        }
        for (int p = 0; p < d.nLin; p++) {
            double s = -d.linC[p] - zL[p];
            for (int e = d.linRowPtr[p]; e < d.linRowPtr[p + 1]; e++) {
                s += d.linRowVal[e] * y[d.linRowVar[e]];
            }
            fdL[p] = s;
            fdNorm2 += s * s;
            xz += xL[p] * zL[p];
            cx += d.linC[p] * xL[p];
        }
        for (int j = 0; j < d.nZero; j++) {
            double s = d.zeroC[j];
            for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                s -= d.zeroVal[e] * y[d.zeroVar[e]];
            }
            rz[j] = s;
            fdNorm2 += s * s;
            cx += d.zeroC[j] * xf[j];
        }
        // rp = c - A(X) - A_L^T x_L - B x_f
        System.arraycopy(d.c, 0, rp, 0, d.m);
        ConeOperator.applyA(d, x, xL, -1.0, rp);
        for (int j = 0; j < d.nZero; j++) {
            double v = xf[j];
            for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                rp[d.zeroVar[e]] -= d.zeroVal[e] * v;
            }
        }
        double rpn = 0;
        double py = 0;
        for (int i = 0; i < d.m; i++) {
            rpn += rp[i] * rp[i];
            py += d.c[i] * y[i];
        }
        pobj = py;
        dobj = cx;
        mu = d.coneDim == 0 ? 0 : xz / d.coneDim;
        double denom = 1 + Math.abs(pobj) + Math.abs(dobj);
        complementarity = Math.abs(xz) / denom;
        gap = Math.max(Math.abs(pobj - dobj) / denom, complementarity);
        pinf = Math.sqrt(rpn) / (1 + d.cInf);
        dinf = Math.sqrt(fdNorm2) / (1 + d.f0Max);
    }

    /**
     * The merit of the current measures, max(gap / gapTol, max(pinf, dinf) / feasTol): below 1
     * when the iterate meets every tolerance. The best iterate and the endgame compare by it.
     */
    double merit(double gapTol, double feasTol) {
        return Math.max(gap / gapTol, Math.max(pinf, dinf) / feasTol);
    }

    /**
     * The merit of the perturbed problem that the directions aim at: as {@link #merit} with the
     * complementarity in place of the gap. The objective perturbation eps tr(X) shifts the
     * dual objective, so |pobj - dobj| cannot fall below about eps tr(X) while eps is held, but
     * the complementarity, the primal infeasibility and the dual residual (which the
     * perturbation raises to at most 100 times the tolerance) do.
     */
    double perturbedMerit(double gapTol, double feasTol) {
        return Math.max(complementarity / gapTol, Math.max(pinf, dinf) / feasTol);
    }
}
