package io.polysos.moment;

import io.polysos.poly.MonomialBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Extraction of atoms (candidate global minimizers) from a flat moment matrix M_t of rank r.
 * Never sees a solver; "no atoms found" is a result with a reason, not an exception.
 *
 * <ul>
 *   <li>r = 1: z* = (w_{e_1}, ..., w_{e_n}), the first-order moments.
 *   <li>r &gt; 1: the Henrion-Lasserre procedure. Factor M_t = V V^T with V = Q_r Lambda_r^{1/2}
 *       (the r leading eigenpairs); bring V to column echelon form U = V V[B,:]^{-1}, where
 *       the pivot monomials B = (b_1..b_r) are chosen greedily in the monomial order by
 *       Gaussian elimination with partial pivoting (a candidate pivot counts when it exceeds
 *       tol times the largest entry); the multiplication matrix of z_i has rows
 *       N_i[j, :] = U[z_i b_j, :]; with a seeded random convex combination N = sum_i lambda_i N_i,
 *       the eigendecomposition N = P D P^{-1} (equivalently the ordered real Schur form
 *       Q^T N Q = R D R^{-1} with P = Q R) gives the points z_{j,i} = (P^{-1} N_i P)_{jj}.
 * </ul>
 */
public final class AtomExtraction {

    /** Default pivot tolerance of the echelon form, relative to the largest entry of V. */
    public static final double DEFAULT_PIVOT_TOLERANCE = 1e-6;

    private AtomExtraction() {
    }

    /**
     * The outcome of an extraction.
     *
     * @param points the extracted points (empty when none)
     * @param message why extraction failed, or a short summary
     */
    public record Result(List<double[]> points, String message) {
        public boolean found() {
            return !points.isEmpty();
        }
    }

    /**
     * @param basis the basis indexing w (degree at least 2t)
     * @param w the moment vector (not modified)
     * @param t the order of the flat moment matrix
     * @param rank r = rank M_t, at least 1
     * @param pivotTolerance relative pivot tolerance of the echelon form
     * @param seed seed of the random combination
     */
    public static Result extract(MonomialBasis basis, double[] w, int t, int rank, double pivotTolerance, long seed) {
        int n = basis.numVariables();
        if (rank < 1) {
            return new Result(List.of(), "rank 0: no atoms");
        }
        if (rank == 1) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = w[1 + i] / w[0];
            }
            return new Result(List.of(z), "rank 1: first-order moments");
        }
        int s = basis.sizeOfDegree(t);
        if (rank > s) {
            return new Result(List.of(), "rank " + rank + " exceeds the size " + s + " of M_" + t);
        }
        double[][] m = MomentRelaxation.momentMatrix(basis, w, t);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s, true, true);
        if (!eig.decompose(new DMatrixRMaj(m))) {
            return new Result(List.of(), "eigendecomposition of M_" + t + " failed");
        }
        Integer[] idx = new Integer[s];
        for (int i = 0; i < s; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        // A = V^T, r x s
        double[][] a = new double[rank][s];
        for (int j = 0; j < rank; j++) {
            double lam = eig.getEigenvalue(idx[j]).getReal();
            if (!(lam > 0)) {
                return new Result(List.of(), "eigenvalue " + j + " of M_" + t + " is not positive: " + lam);
            }
            DMatrixRMaj v = eig.getEigenVector(idx[j]);
            double sq = Math.sqrt(lam);
            for (int i = 0; i < s; i++) {
                a[j][i] = v.get(i) * sq;
            }
        }
        // reduced row echelon form of A with pivot columns chosen left to right
        double maxAbs = 0;
        for (double[] row : a) {
            for (double x : row) {
                maxAbs = Math.max(maxAbs, Math.abs(x));
            }
        }
        double tol = pivotTolerance * maxAbs;
        int[] pivots = new int[rank];
        int cur = 0;
        for (int col = 0; col < s && cur < rank; col++) {
            int best = -1;
            double bestV = tol;
            for (int row = cur; row < rank; row++) {
                if (Math.abs(a[row][col]) > bestV) {
                    bestV = Math.abs(a[row][col]);
                    best = row;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] tmp = a[cur];
            a[cur] = a[best];
            a[best] = tmp;
            double p = a[cur][col];
            for (int c = 0; c < s; c++) {
                a[cur][c] /= p;
            }
            for (int row = 0; row < rank; row++) {
                if (row != cur && a[row][col] != 0) {
                    double f = a[row][col];
                    for (int c = 0; c < s; c++) {
                        a[row][c] -= f * a[cur][c];
                    }
                }
            }
            pivots[cur++] = col;
        }
        if (cur < rank) {
            return new Result(List.of(), "echelon form found only " + cur + " of " + rank + " pivots");
        }
        // multiplication matrices N_i[j][c] = U[z_i b_j][c] = a[c][rank(z_i b_j)]
        DMatrixRMaj[] mult = new DMatrixRMaj[n];
        for (int i = 0; i < n; i++) {
            mult[i] = new DMatrixRMaj(rank, rank);
            for (int j = 0; j < rank; j++) {
                int r = basis.rankTimesVariable(pivots[j], i);
                if (r >= s) {
                    return new Result(List.of(), "pivot monomial " + pivots[j] + " has degree " + t
                            + ": M_" + t + " is not flat enough to extract");
                }
                for (int c = 0; c < rank; c++) {
                    mult[i].set(j, c, a[c][r]);
                }
            }
        }
        Random rnd = new Random(seed);
        double[] lambda = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            lambda[i] = 0.1 + rnd.nextDouble();
            sum += lambda[i];
        }
        DMatrixRMaj comb = new DMatrixRMaj(rank, rank);
        for (int i = 0; i < n; i++) {
            CommonOps_DDRM.addEquals(comb, lambda[i] / sum, mult[i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> ge = DecompositionFactory_DDRM.eig(rank, true, false);
        if (!ge.decompose(comb.copy())) {
            return new Result(List.of(), "eigendecomposition of the random combination failed");
        }
        double scale = CommonOps_DDRM.elementMaxAbs(comb) + 1e-300;
        DMatrixRMaj pm = new DMatrixRMaj(rank, rank);
        for (int j = 0; j < rank; j++) {
            Complex_F64 ev = ge.getEigenvalue(j);
            DMatrixRMaj v = ge.getEigenVector(j);
            if (Math.abs(ev.getImaginary()) > 1e-8 * scale || v == null) {
                return new Result(List.of(), "the random combination has a complex eigenvalue " + ev
                        + ": no real atoms");
            }
            for (int i = 0; i < rank; i++) {
                pm.set(i, j, v.get(i));
            }
        }
        DMatrixRMaj pinv = new DMatrixRMaj(rank, rank);
        if (!CommonOps_DDRM.invert(pm, pinv)) {
            return new Result(List.of(), "eigenvectors of the random combination are singular (repeated atoms)");
        }
        List<double[]> points = new ArrayList<>();
        DMatrixRMaj tmp = new DMatrixRMaj(rank, rank);
        DMatrixRMaj d = new DMatrixRMaj(rank, rank);
        double[][] coords = new double[rank][n];
        for (int i = 0; i < n; i++) {
            CommonOps_DDRM.mult(pinv, mult[i], tmp);
            CommonOps_DDRM.mult(tmp, pm, d);
            for (int j = 0; j < rank; j++) {
                coords[j][i] = d.get(j, j);
            }
        }
        for (int j = 0; j < rank; j++) {
            points.add(coords[j]);
        }
        return new Result(points, "rank " + rank + ": " + rank + " atoms from the echelon form");
    }
}
