package io.polysos.poly;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MonomialsTest {

    @Property(tries = 300)
    void unrankInvertsRank(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 0, max = 5000) int r) {
        int[] a = Monomials.unrank(n, r);
        assertThat(Monomials.rank(a)).isEqualTo(r);
    }

    @Property(tries = 200)
    void rankIsOrderPreserving(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 2000) int r) {
        int[] a = Monomials.unrank(n, r);
        int[] b = Monomials.unrank(n, r + 1);
        assertThat(Monomials.compare(a, b)).isNegative();
        assertThat(Monomials.degree(a)).isLessThanOrEqualTo(Monomials.degree(b));
    }

    @Property(tries = 100)
    void countIsBinomialAndMatchesEnumeration(@ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll @IntRange(min = 0, max = 6) int d) {
        MonomialBasis basis = new MonomialBasis(n, d);
        long expected = 1;
        for (int i = 1; i <= d; i++) {
            expected = expected * (n + i) / i;
        }
        assertThat(Monomials.count(n, d)).isEqualTo(expected);
        assertThat(basis.size()).isEqualTo((int) expected);
        for (int r = 0; r < basis.size(); r++) {
            assertThat(Monomials.rank(basis.exponentVector(r))).isEqualTo(r);
            assertThat(Monomials.degree(basis.exponentVector(r))).isLessThanOrEqualTo(d);
        }
    }

    @Property(tries = 200)
    void rankOfSumEqualsRankOfTheSum(@ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @IntRange(min = 0, max = 3000) int r1, @ForAll @IntRange(min = 0, max = 3000) int r2) {
        int[] a = Monomials.unrank(n, r1);
        int[] b = Monomials.unrank(n, r2);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = a[i] + b[i];
        }
        assertThat(Monomials.rankOfSum(a, b)).isEqualTo(Monomials.rank(s));
    }

    @Test
    void ordersTwoVariablesLikeGloptiPoly() {
        int[][] expected = {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}, {3, 0}, {2, 1}, {1, 2}, {0, 3}};
        for (int r = 0; r < expected.length; r++) {
            assertThat(Monomials.unrank(2, r)).containsExactly(expected[r]);
        }
    }

    @Test
    void countsMonomialsOfExactDegree() {
        assertThat(Monomials.countOfDegree(3, 2)).isEqualTo(6);
        assertThat(Monomials.count(10, 6)).isEqualTo(8008);
    }
}
