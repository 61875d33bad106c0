package io.polysos.poly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolynomialTest {

    static final int N = 3;

    /** A random polynomial with small integer coefficients (exact in doubles). */
    static Polynomial random(long seed, int n, int maxDeg, int terms) {
        Random rnd = new Random(seed);
        int[][] e = new int[terms][n];
        double[] c = new double[terms];
        for (int t = 0; t < terms; t++) {
            int budget = rnd.nextInt(maxDeg + 1);
            for (int i = 0; i < n && budget > 0; i++) {
                int v = rnd.nextInt(budget + 1);
                e[t][i] = v;
                budget -= v;
            }
            c[t] = rnd.nextInt(11) - 5;
        }
        return Polynomial.of(n, e, c);
    }

    static double[] point(long seed, int n) {
        Random rnd = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextInt(5) - 2;
        }
        return z;
    }

    @Property(tries = 100)
    void additionAndMultiplicationSatisfyRingLaws(@ForAll long s1, @ForAll long s2, @ForAll long s3) {
        Polynomial a = random(s1, N, 3, 6);
        Polynomial b = random(s2, N, 3, 6);
        Polynomial c = random(s3, N, 2, 5);
        assertThat(a.add(b)).isEqualTo(b.add(a));
        assertThat(a.multiply(b)).isEqualTo(b.multiply(a));
        assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
        assertThat(a.multiply(b).multiply(c)).isEqualTo(a.multiply(b.multiply(c)));
        assertThat(a.multiply(b.add(c))).isEqualTo(a.multiply(b).add(a.multiply(c)));
        assertThat(a.subtract(a).isZero()).isTrue();
        assertThat(a.multiply(Polynomial.constant(N, 1))).isEqualTo(a);
        assertThat(a.add(Polynomial.zero(N))).isEqualTo(a);
    }

    @Property(tries = 100)
    void evaluationAgreesWithArithmetic(@ForAll long s1, @ForAll long s2, @ForAll long sp,
            @ForAll @IntRange(min = 0, max = 4) int e) {
        Polynomial a = random(s1, N, 3, 6);
        Polynomial b = random(s2, N, 3, 6);
        double[] z = point(sp, N);
        double va = a.evaluate(z);
        double vb = b.evaluate(z);
        assertThat(a.add(b).evaluate(z)).isEqualTo(va + vb);
        assertThat(a.subtract(b).evaluate(z)).isEqualTo(va - vb);
        assertThat(a.multiply(b).evaluate(z)).isEqualTo(va * vb);
        assertThat(a.scale(3).evaluate(z)).isEqualTo(3 * va);
        assertThat(b.pow(e).evaluate(z)).isEqualTo(Math.pow(vb, e));
        // substitute z_1 := b, then evaluate = a at (z_0, b(z), z_2)
        double[] w = z.clone();
        w[1] = vb;
        assertThat(a.substitute(1, b).evaluate(z)).isEqualTo(a.evaluate(w));
    }

    @Property(tries = 60)
    void degreeOfProductIsSumOfDegrees(@ForAll long s1, @ForAll long s2) {
        Polynomial a = random(s1, N, 4, 5);
        Polynomial b = random(s2, N, 4, 5);
        if (!a.isZero() && !b.isZero()) {
            assertThat(a.multiply(b).degree()).isEqualTo(a.degree() + b.degree());
        }
    }

    @Property(tries = 60)
    void gradientMatchesFiniteDifferences(@ForAll long s1, @ForAll long sp) {
        Polynomial a = random(s1, N, 4, 6);
        double[] z = point(sp, N);
        Polynomial[] g = a.gradient();
        for (int i = 0; i < N; i++) {
            double h = 1e-5;
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[i] += h;
            zm[i] -= h;
            double fd = (a.evaluate(zp) - a.evaluate(zm)) / (2 * h);
            assertThat(g[i].evaluate(z)).isCloseTo(fd, within(1e-4 * (1 + Math.abs(fd))));
        }
    }

    @Test
    void builderAgreesWithPolynomialArithmeticForManyTerms() {
        int n = 7;
        PolynomialBuilder b = new PolynomialBuilder(n, 12);
        Polynomial sum = Polynomial.zero(n);
        for (int k = 0; k < 50; k++) {
            Polynomial p = random(100 + k, n, 6, 8);
            Polynomial q = random(200 + k, n, 6, 8);
            b.addProduct(p, q, 2.0);
            sum = sum.add(p.multiply(q).scale(2.0));
        }
        assertThat(b.build()).isEqualTo(sum);
        assertThat(b.clear().build().isZero()).isTrue();
    }

    @Test
    void builderGrowsBeyondTheExpectedDegree() {
        PolynomialBuilder b = new PolynomialBuilder(2, 1);
        b.addTerm(new int[] {1, 0}, 1).addTerm(new int[] {3, 4}, 2);
        Polynomial p = b.build();
        assertThat(p.degree()).isEqualTo(7);
        assertThat(p.coefficientOf(new int[] {3, 4})).isEqualTo(2);
    }

    @Test
    void builderHandlesSpacesTooLargeForADenseArray() {
        int n = 30;
        Polynomial x = Polynomial.variable(n, 0).add(Polynomial.variable(n, 29));
        Polynomial p = x.pow(6);
        assertThat(p.numTerms()).isEqualTo(7);
        assertThat(p.coefficientOf(exps(n, 0, 3, 29, 3))).isEqualTo(20);
    }

    private static int[] exps(int n, int i, int ei, int j, int ej) {
        int[] a = new int[n];
        a[i] = ei;
        a[j] = ej;
        return a;
    }

    @Test
    void printsInParserSyntax() {
        Polynomial p = PolynomialParser.parse("3 - x*y + 2.5*y^2", java.util.List.of("x", "y"));
        assertThat(p.toString(java.util.List.of("x", "y"))).isEqualTo("3 - x*y + 2.5*y^2");
    }

    @Test
    void embedsIntoMoreVariables() {
        Polynomial p = Polynomial.variable(2, 0).multiply(Polynomial.variable(2, 1).pow(2));
        Polynomial q = p.embed(4, new int[] {3, 1});
        assertThat(q.evaluate(new double[] {9, 2, 9, 5})).isEqualTo(20.0);
    }

    @Test
    void rejectsMixingNumbersOfVariables() {
        assertThatThrownBy(() -> Polynomial.variable(2, 0).add(Polynomial.variable(3, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3 variables");
    }
}
