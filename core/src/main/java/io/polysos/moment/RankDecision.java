package io.polysos.moment;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The numerical rank of one moment matrix M_t with the data behind it.
 *
 * @param order t
 * @param size the matrix size C(n + t, t)
 * @param rank the rank chosen by the configured strategy
 * @param relativeRank the rank by {@link RankStrategy#relative} with its default tolerance
 * @param gapRank the rank by {@link RankStrategy#largestGap} with its default ratio
 * @param spectrum the eigenvalues, largest first
 */
public record RankDecision(int order, int size, int rank, int relativeRank, int gapRank, double[] spectrum) {

    private static final RankStrategy RELATIVE = RankStrategy.defaultStrategy();
    private static final RankStrategy GAP = RankStrategy.largestGap(RankStrategy.DEFAULT_MIN_GAP_RATIO);

    /**
     * @param order t
     * @param matrix a symmetric matrix (not modified)
     * @param strategy the deciding strategy
     */
    public static RankDecision of(int order, double[][] matrix, RankStrategy strategy) {
        double[] ev = eigenvaluesDescending(matrix);
        return new RankDecision(order, matrix.length, strategy.rank(ev), RELATIVE.rank(ev), GAP.rank(ev), ev);
    }

    /** @return the eigenvalues of a symmetric matrix (not modified), largest first */
    public static double[] eigenvaluesDescending(double[][] a) {
        int s = a.length;
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s, false, true);
        if (!eig.decompose(m)) {
            double[] nan = new double[s];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double[] ev = new double[s];
        for (int i = 0; i < s; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(ev);
        for (int i = 0; i < s / 2; i++) {
            double t = ev[i];
            ev[i] = ev[s - 1 - i];
            ev[s - 1 - i] = t;
        }
        return ev;
    }

    @Override
    public String toString() {
        return "M_" + order + ": size " + size + ", rank " + rank + " (relative " + relativeRank + ", gap " + gapRank + ")";
    }

}
