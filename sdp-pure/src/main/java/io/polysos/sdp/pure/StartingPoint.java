package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;

/**
 * Mehrotra's starting point heuristic (S. Mehrotra, "On the implementation of a primal-dual
 * interior point method", SIAM J. Optim. 2(4), 1992, section 7) carried over to the cones of
 * this backend: the least-norm solutions of the two sets of equations, shifted into the
 * interior and balanced.
 *
 * <pre>
 *   X~ = A^T (A A^T)^{-1} c              least-norm X with A(X) = c
 *   y~ = (A A^T)^{-1} A(C),  Z~ = A^T y~ - C   least-norm dual residual
 *   dx = max(0, -1.5 lambda_min(X~)),  dz = max(0, -1.5 lambda_min(Z~))
 *   X^ = X~ + dx I,  Z^ = Z~ + dz I
 *   X0 = X~ + (dx + <X^,Z^> / (2 tr Z^)) I,  Z0 = Z~ + (dz + <X^,Z^> / (2 tr X^)) I,  y0 = y~
 * </pre>
 *
 * lambda_min and the traces run over all PSD blocks and NONNEG entries together. A A^T is the
 * Schur complement at X = Z = I, so the heuristic costs one assembly, one factorization and an
 * eigenvalue decomposition of each block. Not applied (the caller keeps CSDP's start) when the
 * problem has ZERO blocks, when A A^T is singular, or when a shift is not finite and positive.
 */
final class StartingPoint {

    /** Which starting point a run takes (the backend parameter {@value PureSdpSolver#START_PARAMETER}). */
    enum Kind {
        /** Mehrotra's for moment relaxations ({@link #looksLikeMomentRelaxation}), CSDP's otherwise. */
        AUTO,
        /** CSDP's: X = 10 alpha I, Z = 10 beta I, y = 0 ({@link Iterate#setInitialPoint}). */
        CSDP,
        /** Mehrotra's (this class), CSDP's where it does not apply. */
        MEHROTRA;

        /** The kind named {@code s} (case-insensitive). */
        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(s.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("pure setting '" + PureSdpSolver.START_PARAMETER + "' must be auto, csdp"
                    + " or mehrotra, not '" + s + "'");
        }
    }

    /** Factor on the most negative eigenvalue in the shift into the interior (Mehrotra's 1.5). */
    static final double SHIFT_FACTOR = 1.5;

    private StartingPoint() {
    }

    /**
     * Sets the iterate to Mehrotra's starting point, using the Newton system's arrays.
     *
     * @return whether it was set; when false the iterate is left for the caller to reset
     */
    static boolean apply(ProblemData d, Iterate it, Residuals res, NewtonSystem ns) {
        if (d.nZero > 0 || d.m == 0 || d.coneDim == 0) {
            return false;
        }
        // X = Z = I, y = 0: the Schur complement is A A^T
        for (int b = 0; b < d.nPsd; b++) {
            CommonOps_DDRM.setIdentity(it.x[b]);
            CommonOps_DDRM.setIdentity(it.z[b]);
        }
        Arrays.fill(it.xL, 1.0);
        Arrays.fill(it.zL, 1.0);
        Arrays.fill(it.y, 0.0);
        res.compute(it);
        if (ns.factor() != null) {
            return false;
        }
        double[] w = new double[d.m];
        double[] none = new double[0];
        // X~ = A^T (A A^T)^{-1} c
        double[] rhs = d.c.clone();
        ns.solveSaddle(rhs, none, w, none);
        for (int b = 0; b < d.nPsd; b++) {
            Arrays.fill(it.x[b].data, 0.0);
            ConeOperator.addAT(d, b, w, 1.0, it.x[b]);
        }
        for (int p = 0; p < d.nLin; p++) {
            double s = 0;
            for (int e = d.linRowPtr[p]; e < d.linRowPtr[p + 1]; e++) {
                s += d.linRowVal[e] * w[d.linRowVar[e]];
            }
            it.xL[p] = s;
        }
        // y~ = (A A^T)^{-1} A(C), Z~ = A^T y~ - C (the residual Fd at Z = 0)
        Arrays.fill(rhs, 0.0);
        ConeOperator.applyA(d, d.psdC, d.linC, 1.0, rhs);
        ns.solveSaddle(rhs, none, it.y, none);
        for (int b = 0; b < d.nPsd; b++) {
            Arrays.fill(it.z[b].data, 0.0);
        }
        Arrays.fill(it.zL, 0.0);
        res.compute(it);
        for (int b = 0; b < d.nPsd; b++) {
            it.z[b].setTo(res.fd[b]);
            NewtonSystem.symmetrize(it.z[b]);
        }
        System.arraycopy(res.fdL, 0, it.zL, 0, d.nLin);

        double dx = Math.max(0, -SHIFT_FACTOR * smallestEigenvalue(d, it.x, it.xL));
        double dz = Math.max(0, -SHIFT_FACTOR * smallestEigenvalue(d, it.z, it.zL));
        // <X^, Z^>, tr X^, tr Z^ with X^ = X~ + dx I, Z^ = Z~ + dz I
        double xz = 0;
        double trX = 0;
        double trZ = 0;
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            double[] xv = it.x[b].data;
            double[] zv = it.z[b].data;
            for (int e = 0; e < xv.length; e++) {
                xz += xv[e] * zv[e];
            }
            for (int r = 0; r < n; r++) {
                double xr = xv[r * n + r];
                double zr = zv[r * n + r];
                xz += dx * zr + dz * xr + dx * dz;
                trX += xr + dx;
                trZ += zr + dz;
            }
        }
        for (int p = 0; p < d.nLin; p++) {
            double xp = it.xL[p] + dx;
            double zp = it.zL[p] + dz;
            xz += xp * zp;
            trX += xp;
            trZ += zp;
        }
        double shiftX = dx + 0.5 * xz / trZ;
        double shiftZ = dz + 0.5 * xz / trX;
        if (!(shiftX > 0) || !(shiftZ > 0) || !Double.isFinite(shiftX) || !Double.isFinite(shiftZ)) {
            return false;
        }
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            for (int r = 0; r < n; r++) {
                it.x[b].data[r * n + r] += shiftX;
                it.z[b].data[r * n + r] += shiftZ;
            }
        }
        for (int p = 0; p < d.nLin; p++) {
            it.xL[p] += shiftX;
            it.zL[p] += shiftZ;
        }
        return true;
    }

    /** Blocks larger than this are not examined by {@link #looksLikeMomentRelaxation}. */
    static final int MAX_EXAMINED_BLOCK = 4096;

    /**
     * {@link Kind#AUTO} takes Mehrotra's point only for relaxations with at least this many
     * variables (moments). On small polynomial programs with several minimizers it ended OPTIMAL
     * but away from the centre of the optimal face, which the extraction and the verified
     * bounds felt: four-wells' minimizers came out 1.4e-5 off instead of within 1e-5, and term
     * sparsity steps lost 1e-6 of bound. The paper's relaxations, where it was measured, have
     * 462 to 1,820 moments at order 3.
     */
    static final int AUTO_MIN_VARIABLES = 400;
    /**
     * ... and at most this many. Measured: t1 at order 4 (3,002 variables) converged in 46
     * iterations instead of 72; at order 5 (8,007) it diverged from iteration 13 on (mu rising
     * from 1.5e-3 to 4.3e-3 by iteration 28, with or without the objective perturbation), where
     * CSDP's point reaches the certified optimum in 80 iterations.
     */
    static final int AUTO_MAX_VARIABLES = 5000;

    /**
     * Whether Mehrotra's point is taken for {@link Kind#AUTO}: {@link #AUTO_MIN_VARIABLES} to
     * {@link #AUTO_MAX_VARIABLES} variables, no ZERO block, and a PSD block laid out like a
     * moment matrix, where position (r, c) holds the moment of b_r + b_c: the variables'
     * positions are disjoint, they cover every position of the upper triangle but at most one
     * (the constant moment's, when y_0 = 1 is part of F_0), and some variable occupies more than
     * one position (a moment along an anti-diagonal). On the paper's order-3 relaxations
     * Mehrotra's point saves 15-28 % of the iterations (t1 41 -> 35, t2 43 -> 31, t5 47 -> 34);
     * on SDPLIB, where no problem has such a block, it costs 10 % more in the geometric mean
     * and four fewer successes of 61 (infp2's infeasibility is no longer detected), so it is
     * not the general default. When such an automatic run ends INACCURATE_OPTIMAL or
     * NUMERICAL_ERROR, or diverges ({@link InteriorPointRun#DIVERGENCE_MU_FACTOR}),
     * {@link InteriorPointRun} runs again, from Mehrotra's point with the objective perturbation
     * when the first run went without it, then from CSDP's point, and keeps the best answer.
     */
    static boolean looksLikeMomentRelaxation(ProblemData d) {
        if (d.nZero > 0 || d.m < AUTO_MIN_VARIABLES || d.m > AUTO_MAX_VARIABLES) {
            return false;
        }
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            if (n >= 2 && n <= MAX_EXAMINED_BLOCK && momentLayout(d, b, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean momentLayout(ProblemData d, int b, int n) {
        java.util.BitSet used = new java.util.BitSet(n * n);
        boolean repeated = false;
        int covered = 0;
        for (int a = 0; a < d.entRow[b].length; a++) {
            int[] er = d.entRow[b][a];
            int[] ec = d.entCol[b][a];
            repeated |= er.length > 1;
            for (int e = 0; e < er.length; e++) {
                int pos = Math.min(er[e], ec[e]) * n + Math.max(er[e], ec[e]);
                if (used.get(pos)) {
                    return false;
                }
                used.set(pos);
                covered++;
            }
        }
        // every position but the constant moment's (y_0 = 1, in F_0) holds a variable
        return repeated && covered >= n * (n + 1) / 2 - 1;
    }

    /** The smallest eigenvalue over the PSD blocks and the NONNEG entries. */
    private static double smallestEigenvalue(ProblemData d, DMatrixRMaj[] blocks, double[] lin) {
        double min = Double.POSITIVE_INFINITY;
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            if (!eig.decompose(blocks[b].copy())) {
                return Double.NaN;
            }
            for (int k = 0; k < n; k++) {
                min = Math.min(min, eig.getEigenvalue(k).getReal());
            }
        }
        for (double v : lin) {
            min = Math.min(min, v);
        }
        return min;
    }
}
