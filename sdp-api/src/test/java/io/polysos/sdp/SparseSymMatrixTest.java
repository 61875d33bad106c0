package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparseSymMatrixTest {

    /** [[1, 2, 0], [2, 0, -3], [0, -3, 4]] stored as its upper triangle. */
    private static SparseSymMatrix a() {
        return SparseSymMatrix.ofNormalized(new int[] {0, 0, 1, 2}, new int[] {0, 1, 2, 2}, new double[] {1, 2, -3, 4});
    }

    @Test
    void readsEntriesInEitherTriangle() {
        SparseSymMatrix a = a();
        assertThat(a.nnz()).isEqualTo(4);
        assertThat(a.isEmpty()).isFalse();
        assertThat(a.get(0, 1)).isEqualTo(2);
        assertThat(a.get(1, 0)).isEqualTo(2);
        assertThat(a.get(2, 1)).isEqualTo(-3);
        assertThat(a.get(2, 2)).isEqualTo(4);
        assertThat(a.get(0, 0)).isEqualTo(1);
        assertThat(a.get(0, 2)).isZero();
        assertThat(a.get(1, 1)).isZero();
        assertThat(SparseSymMatrix.empty().get(0, 0)).isZero();
        assertThat(a.row(2)).isEqualTo(1);
        assertThat(a.col(2)).isEqualTo(2);
        assertThat(a.value(2)).isEqualTo(-3);
    }

    @Test
    void dotsWithADenseSymmetricMatrixCountingBothTriangles() {
        double[] x = {1, 1, 2, 1, 5, 1, 2, 1, 3};
        // sum_ij A_ij X_ij = 1*1 + 2*(2*1) + 2*(-3*1) + 4*3 = 1 + 4 - 6 + 12
        assertThat(a().dot(false, x, 3)).isEqualTo(11);
        assertThat(SparseSymMatrix.empty().dot(false, x, 3)).isZero();
    }

    @Test
    void dotsADiagonalBlockWithAVector() {
        SparseSymMatrix d = SparseSymMatrix.ofNormalized(new int[] {0, 2}, new int[] {0, 2}, new double[] {2, -1});
        assertThat(d.dot(true, new double[] {3, 100, 4}, 3)).isEqualTo(2);
    }

    @Test
    void addsAScaledCopyToADenseBlock() {
        double[] x = new double[9];
        x[4] = 1;
        a().addTo(false, -2, x, 3);
        assertThat(x).containsExactly(-2, -4, 0, -4, 1, 6, 0, 6, -8);
        double[] v = {1, 1, 1};
        SparseSymMatrix.ofNormalized(new int[] {1}, new int[] {1}, new double[] {3}).addTo(true, 0.5, v, 3);
        assertThat(v).containsExactly(1, 2.5, 1);
    }

    @Test
    void measuresTheLargestEntryAndTheFrobeniusNorm() {
        assertThat(a().maxAbs()).isEqualTo(4);
        assertThat(SparseSymMatrix.empty().maxAbs()).isZero();
        // 1 + 2*4 + 2*9 + 16
        assertThat(a().frobeniusSquared(false)).isEqualTo(43);
        SparseSymMatrix d = SparseSymMatrix.ofNormalized(new int[] {0, 2}, new int[] {0, 2}, new double[] {2, -1});
        assertThat(d.frobeniusSquared(true)).isEqualTo(5);
    }

    @Test
    void handsOutCopiesAndComparesByValue() {
        SparseSymMatrix a = a();
        a.values()[0] = 9;
        a.rows()[1] = 2;
        a.cols()[1] = 2;
        assertThat(a).isEqualTo(a()).hasSameHashCodeAs(a());
        assertThat(a).isNotEqualTo(SparseSymMatrix.empty());
        assertThat(SparseSymMatrix.ofNormalized(new int[0], new int[0], new double[0])).isSameAs(SparseSymMatrix.empty());
        assertThat(a.toString()).isEqualTo("SparseSymMatrix[(0,0)=1.0, (0,1)=2.0, (1,2)=-3.0, (2,2)=4.0]");
    }

    @Test
    void abbreviatesLongMatricesInToString() {
        int n = 25;
        int[] idx = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            v[i] = 1;
        }
        assertThat(SparseSymMatrix.ofNormalized(idx, idx.clone(), v).toString()).endsWith(", ... 5 more]");
    }
}
