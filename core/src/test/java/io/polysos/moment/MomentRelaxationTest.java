package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialParser;
import io.polysos.pop.Pop;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpShape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentRelaxationTest {

    static final List<String> XY = List.of("z1", "z2");

    static Polynomial p(String s) {
        return PolynomialParser.parse(s, XY);
    }

    /** w_a as an SDP slack: sum_i y_i F_i - F_0 at a given moment vector. */
    static double[][] slack(MomentRelaxation rel, double[] w) {
        double[] y = new double[rel.numMoments() - 1];
        System.arraycopy(w, 1, y, 0, y.length);
        return rel.sdpProblem().slack(y);
    }

    static double[] randomMoments(MomentRelaxation rel, long seed) {
        Random rnd = new Random(seed);
        double[] w = new double[rel.numMoments()];
        w[0] = 1;
        for (int i = 1; i < w.length; i++) {
            w[i] = rnd.nextInt(9) - 4;
        }
        return w;
    }

    static int r(int a, int b) {
        return (int) Monomials.rank(new int[] {a, b});
    }

    @Test
    void buildsTheTwoVariableOrderTwoLocalizingMatrixOfTheUnitBall() {
        Pop pop = Pop.builder(XY).minimize(p("z1 + z2")).subjectToNonnegative(p("1 - z1^2 - z2^2")).build();
        MomentRelaxation rel = MomentRelaxation.build(pop, 2);
        assertThat(rel.localizingSize(0)).isEqualTo(3);
        double[] w = randomMoments(rel, 7);
        double[][] s = slack(rel, w);
        double[] loc = s[rel.localizingBlock(0)];
        // rows/cols 1, z1, z2; entry (b,c) = w_{b+c} - w_{b+c+2e1} - w_{b+c+2e2}
        int[][] rows = {{0, 0}, {1, 0}, {0, 1}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int a1 = rows[i][0] + rows[j][0];
                int a2 = rows[i][1] + rows[j][1];
                double expected = w[r(a1, a2)] - w[r(a1 + 2, a2)] - w[r(a1, a2 + 2)];
                assertThat(loc[i * 3 + j]).as("entry (%d,%d)", i, j).isEqualTo(expected);
            }
        }
        // hand-written corner entries
        assertThat(loc[0]).isEqualTo(1 - w[r(2, 0)] - w[r(0, 2)]);
        assertThat(loc[1 * 3 + 2]).isEqualTo(w[r(1, 1)] - w[r(3, 1)] - w[r(1, 3)]);
    }

    @Test
    void momentMatrixEntriesAreMomentsOfProducts() {
        Pop pop = Pop.builder(XY).minimize(p("z1^4 + z2")).build();
        MomentRelaxation rel = MomentRelaxation.build(pop, 2);
        double[] w = randomMoments(rel, 11);
        double[] m = slack(rel, w)[rel.momentBlock()];
        MonomialBasis b = rel.basis();
        assertThat(rel.momentMatrixSize()).isEqualTo(6);
        assertThat(rel.numMoments()).isEqualTo(15);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(m[i * 6 + j]).isEqualTo(w[b.rankOfSum(i, j)]);
            }
        }
        assertThat(m[0]).isEqualTo(1.0);
        assertThat(rel.momentMatrix(w, 2)[3][5]).isEqualTo(w[r(2, 2)]);
        // objective sum_a f_a w_a over a != 0
        SdpProblem sdp = rel.sdpProblem();
        assertThat(sdp.objective(r(4, 0) - 1)).isEqualTo(1.0);
        assertThat(sdp.objective(r(0, 1) - 1)).isEqualTo(1.0);
    }

    @Test
    void equalitiesBecomeAZeroBlockOfShiftedMoments() {
        Pop pop = Pop.builder(XY).minimize(p("z1 + z2")).subjectToZero(p("z1^2 + z2^2 - 1")).build();
        MomentRelaxation rel = MomentRelaxation.build(pop, 2);
        assertThat(rel.sdpProblem().block(rel.equalityBlock()).kind()).isEqualTo(BlockKind.ZERO);
        assertThat(rel.equalityRowCount(0)).isEqualTo(6); // |a| <= 2
        double[] w = randomMoments(rel, 3);
        double[] z = slack(rel, w)[rel.equalityBlock()];
        MonomialBasis b = rel.basis();
        for (int a = 0; a < 6; a++) {
            int ax = b.exponent(a, 0);
            int ay = b.exponent(a, 1);
            assertThat(z[a]).isEqualTo(w[r(ax + 2, ay)] + w[r(ax, ay + 2)] - w[r(ax, ay)]);
        }
    }

    @Test
    void dropsTheEqualityRowsThatDependOnEarlierOnes() {
        Pop pop = Pop.builder(3).minimize(Polynomial.variable(3, 0))
                .subjectToZero(PolynomialParser.parse("x1^2 + x2^2 - 1", List.of("x1", "x2", "x3")))
                .subjectToZero(PolynomialParser.parse("x2^2 + x3^2 - 1", List.of("x1", "x2", "x3"))).build();
        MomentRelaxation rel = MomentRelaxation.build(pop, 2);
        // rows h_l z^a for |a| <= 2: 10 each; h_2 h_1 = h_1 h_2 makes one row of h_2 redundant
        assertThat(rel.equalityRowCount(0)).isEqualTo(10);
        assertThat(rel.equalityRowCount(1)).isEqualTo(9);
        assertThat(rel.equalityRowStart(1)).isEqualTo(10);
        assertThat(rel.sdpProblem().block(rel.equalityBlock()).size()).isEqualTo(19);
        // the kept rows are the shifts h_l z^a named by equalityRowMonomial
        double[] w = randomMoments(rel, 4);
        double[] z = slack(rel, w)[rel.equalityBlock()];
        MonomialBasis b = rel.basis();
        for (int row = 0; row < 19; row++) {
            int l = row < 10 ? 0 : 1;
            Polynomial h = pop.equalities().get(l);
            int a = rel.equalityRowMonomial(row);
            double expected = 0;
            for (int t = 0; t < h.numTerms(); t++) {
                expected += h.coefficient(t) * w[b.rankOfSum(a, (int) h.rank(t))];
            }
            assertThat(z[row]).as("row %d", row).isCloseTo(expected, within(1e-12));
        }
        // one equality: every row is kept
        Pop one = Pop.builder(3).minimize(Polynomial.variable(3, 0))
                .subjectToZero(PolynomialParser.parse("x1^2 + x2^2 - 1", List.of("x1", "x2", "x3"))).build();
        assertThat(MomentRelaxation.build(one, 3).equalityRowCount(0)).isEqualTo(35);
    }

    @Test
    void theShapeComputedFromTheSizesIsTheShapeOfTheBuiltRelaxation() {
        Pop[] pops = {TestProblems.pop("x,y", "x^4 + y^4 - x^2*y^2 + x", "x^2 + y^2 <= 4", "x^3 - y >= -1"),
            TestProblems.pop("x,y,z", "x*y*z + x^2", "x^2 + y^2 + z^2 == 1"),
            TestProblems.pop("x,y", "x^2 + y^2", "x + y == 1", "x >= 0")};
        for (Pop pop : pops) {
            for (int k = pop.minimumOrder(); k <= pop.minimumOrder() + 2; k++) {
                assertThat(MomentRelaxation.shape(pop, k)).as(pop + " order " + k)
                        .isEqualTo(SdpShape.of(MomentRelaxation.build(pop, k).sdpProblem()));
            }
        }
    }

    @Test
    void theShapeOfAnOrderFarTooLargeToBuildSaturates() {
        SdpShape s = MomentRelaxation.shape(TestProblems.pop("x,y,z", "x^2 + y^2 + z^2"), 2_000_000);
        assertThat(s.numVariables()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.describe()).startsWith(Long.MAX_VALUE + " variables; PSD blocks ");
    }

    @Test
    void rejectsOrdersBelowK0() {
        Pop pop = Pop.builder(XY).minimize(p("z1^6")).build();
        assertThat(pop.minimumOrder()).isEqualTo(3);
        assertThatThrownBy(() -> MomentRelaxation.build(pop, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k0 = 3");
    }

    @Test
    void buildsTenVariablesAtOrderThree() {
        int n = 10;
        Pop.Builder b = Pop.builder(n);
        Polynomial f = Polynomial.zero(n);
        Random rnd = new Random(5);
        for (int i = 0; i < n; i++) {
            f = f.add(Polynomial.variable(n, i).pow(1 + rnd.nextInt(6)).scale(rnd.nextGaussian()));
        }
        Pop pop = b.minimize(f).build().withBall(2);
        MomentRelaxation rel = MomentRelaxation.build(pop, 3);
        assertThat(rel.momentMatrixSize()).isEqualTo(286);
        assertThat(rel.numMoments()).isEqualTo(8008);
        assertThat(rel.sdpProblem().numVariables()).isEqualTo(8007);
    }
}
