package io.polysos.poly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonomialBasisTest {

    @Test
    void productIndicesAgreeWithRanks() {
        MonomialBasis b = new MonomialBasis(3, 4);
        for (int r1 = 0; r1 < b.sizeOfDegree(2); r1++) {
            for (int r2 = 0; r2 < b.sizeOfDegree(2); r2++) {
                int[] s = b.exponentVector(r1);
                int[] e2 = b.exponentVector(r2);
                for (int i = 0; i < 3; i++) {
                    s[i] += e2[i];
                }
                assertThat(b.rankOfSum(r1, r2)).isEqualTo(Monomials.rank(s));
                assertThat(b.degree(b.rankOfSum(r1, r2))).isEqualTo(b.degree(r1) + b.degree(r2));
            }
        }
    }

    @Test
    void multipliesByAVariable() {
        MonomialBasis b = new MonomialBasis(2, 3);
        // z1 * z2 = z1 z2, rank 4
        assertThat(b.rankTimesVariable(1, 1)).isEqualTo(4);
        assertThat(b.rankTimesVariable(0, 1)).isEqualTo(2);
        assertThat(b.evaluate(4, new double[] {2, 3})).isEqualTo(6.0);
    }
}
