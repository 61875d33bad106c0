package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.pop.PopFile;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MomentSosSolverTest {

    static Path popDir() {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("pop");
    }

    static Stream<Path> popFiles() throws Exception {
        try (Stream<Path> s = Files.list(popDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static SdpSolver solver() {
        return SdpSolvers.discover().get("pure");
    }

    @ParameterizedTest
    @MethodSource("popFiles")
    void certifiesEveryProblemWithItsKnownMinimizers(Path file) {
        PopFile pf = PopReader.read(file);
        PopResult r = new MomentSosSolver(solver()).solve(pf.problem());
        assertThat(r.status()).as(file + ": " + r.message() + "\n" + summaries(r)).isEqualTo(PopStatus.CERTIFIED);
        double opt = pf.knownOptimum().orElseThrow();
        assertThat(r.bound()).isCloseTo(opt, within(1e-6 * Math.max(1, Math.abs(opt))));
        assertThat(r.minimizers()).hasSameSizeAs(pf.knownMinimizers());
        for (double[] known : pf.knownMinimizers()) {
            double best = Double.POSITIVE_INFINITY;
            for (CandidatePoint c : r.minimizers()) {
                best = Math.min(best, distance(known, c.point()));
            }
            assertThat(best).as(file + " minimizer " + java.util.Arrays.toString(known)).isLessThan(1e-5);
        }
    }

    static String summaries(PopResult r) {
        List<String> s = new ArrayList<>();
        for (OrderRecord o : r.orders()) {
            s.add(o.summary() + " " + o.extraction() + " " + o.candidates().stream()
                    .map(c -> java.util.Arrays.toString(c.point()) + " f=" + c.objective() + " feas=" + c.feasible()
                            + " match=" + c.matchesBound()).toList());
        }
        return String.join("\n", s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void reportsTheIncreasingBoundsOfTheGloptiPolyManualBeforeCertifying() {
        PopFile pf = PopReader.read(popDir().resolve("gloptipoly-manual.json"));
        PopResult r = new MomentSosSolver(solver()).solve(pf.problem());
        assertThat(r.orders()).hasSize(4);
        for (int k = 1; k <= 3; k++) {
            OrderRecord o = r.orders().get(k - 1);
            assertThat(o.order()).isEqualTo(k);
            // the published bounds carry four decimals (-5.6922 for -74/13 = -5.69231)
            assertThat(o.bounds().best()).isCloseTo(pf.knownBoundsByOrder().get(k), within(2e-4));
            assertThat(o.certified()).isFalse();
        }
        assertThat(r.orders().get(3).certified()).isTrue();
        assertThat(r.order()).isEqualTo(4);
    }

    @Test
    void certifiesANonCompactProblemInsideAnInactiveBall() {
        // f = x^2 + xy + y^2 - 2x + 4y + 5 is strictly convex: grad f = 0 at (8/3, -10/3)
        var pop = TestProblems.pop("x,y", "(x-1)^2 + (y+2)^2 + x*y");
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().ballRadius(10).build()).solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.boundingActive()).isFalse();
        assertThat(r.message()).doesNotContain("bounding constraint is active");
        double[] zStar = {8.0 / 3, -10.0 / 3};
        assertThat(r.bound()).isCloseTo(pop.objective().evaluate(zStar), within(1e-6));
        assertThat(TestProblems.nearest(r, zStar)).isLessThan(1e-4);
    }

    @Test
    void reportsAnActiveBallAndThatTheCertificateHoldsOnlyInsideIt() {
        var pop = TestProblems.pop("x,y", "x");
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().ballRadius(2).build()).solve(pop);
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.bound()).isCloseTo(-2, within(1e-6));
        assertThat(TestProblems.nearest(r, new double[] {-2, 0})).isLessThan(1e-4);
        assertThat(r.boundingActive()).isTrue();
        assertThat(r.minimizers()).allMatch(CandidatePoint::activeBounding);
        assertThat(r.message()).contains("the certificate holds only inside the bound");
    }

    @Test
    void reportsAnActiveBoxAtItsCorner() {
        var pop = TestProblems.pop("x,y", "x + y");
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().boxBound(2).build()).solve(pop);
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.bound()).isCloseTo(-4, within(1e-6));
        assertThat(TestProblems.nearest(r, new double[] {-2, -2})).isLessThan(1e-4);
        assertThat(r.boundingActive()).isTrue();
    }

    @Test
    void neverCertifiesAnUnboundedProblemWithoutABall() {
        var pop = TestProblems.pop("x,y", "x^3 + y^2");
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().maxOrder(3).build()).solve(pop);
        assertThat(r.status()).as(r.message()).isNotEqualTo(PopStatus.CERTIFIED);
    }

    @Test
    void certifiesTheMotzkinPolynomialOnABallWithItsFourZeros() {
        // the Motzkin polynomial is nonnegative but not SOS; on a ball the hierarchy is exact
        var pop = TestProblems.pop("x,y", "x^4*y^2 + x^2*y^4 - 3*x^2*y^2 + 1", "4 - x^2 - y^2 >= 0");
        PopResult r = new MomentSosSolver(solver()).solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.bound()).isCloseTo(0, within(1e-6));
        assertThat(r.minimizers()).hasSize(4);
        for (double[] z : new double[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}}) {
            assertThat(TestProblems.nearest(r, z)).isLessThan(1e-4);
        }
    }

    @Test
    void extractsThreeMinimizersFromARankThreeMomentMatrix() {
        var pop = TestProblems.pop("x,y", "((x-1)^2 + y^2)*((x+1)^2 + y^2)*(x^2 + (y-1)^2)", "9 - x^2 - y^2 >= 0");
        PopResult r = new MomentSosSolver(solver()).solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.orders().get(r.orders().size() - 1).flatRank()).isEqualTo(3);
        assertThat(r.minimizers()).hasSize(3);
        for (double[] z : new double[][] {{1, 0}, {-1, 0}, {0, 1}}) {
            assertThat(TestProblems.nearest(r, z)).isLessThan(1e-4);
        }
    }

    @Test
    void certifiesAFourVariableQuarticWithAtomsThatAttainTheBound() {
        var pop = TestProblems.pop("a,b,c,d", "a^4 + b^4 + c^4 + d^4 - 2*a^2 - 2*b*c + a*d + c^2*d^2",
                "16 - a^2 - b^2 - c^2 - d^2 >= 0");
        PopResult r = new MomentSosSolver(solver()).solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        // f is invariant under z -> -z, so minimizers come in pairs
        assertThat(r.minimizers().size() % 2).isZero();
        for (CandidatePoint c : r.minimizers()) {
            double[] minus = c.point().clone();
            for (int i = 0; i < minus.length; i++) {
                minus[i] = -minus[i];
            }
            assertThat(TestProblems.nearest(r, minus)).isLessThan(1e-4);
            assertThat(c.objective()).isCloseTo(r.bound(), within(1e-5));
        }
    }

    @Test
    void boundsWithSeveralEqualitiesStayBelowTheOptimum() {
        // min y (x + z) on x^2 + y^2 = 1, y^2 + z^2 = 1: optimum -1 at |y| = 1/sqrt 2, x = z = -sign(y)/sqrt 2
        var pop = TestProblems.pop("x,y,z", "x*y + y*z", "x^2 + y^2 == 1", "y^2 + z^2 == 1");
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().maxOrder(3).build()).solve(pop);
        assertThat(r.status()).as(r.message()).isNotEqualTo(PopStatus.FAILED);
        assertThat(r.bound()).isLessThanOrEqualTo(-1 + 1e-7);
        if (r.isCertified()) {
            assertThat(r.bound()).isCloseTo(-1, within(1e-5));
        } else {
            assertThat(r.bestFeasibleObjective()).isGreaterThanOrEqualTo(-1 - 1e-6);
        }
    }

    /**
     * Order-4 relaxations of bivariate octics whose coefficients span 1e-2 to 1e4 (badly scaled
     * SDPs: moment magnitudes from 1 to 2^8 on the ball, Schur complements with a wide range of
     * scales). The reference values are CSDP 6.2's objectives on the same exported relaxations
     * (`polysos pop FILE --min-order 4 --max-order 4 --export-sdpa`, then `csdp`), which print
     * eight significant digits.
     */
    static Stream<org.junit.jupiter.params.provider.Arguments> badlyScaled() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("1e4*x^8 + y^8 - 1e3*x^2*y^2 + 1e2*x*y - x + 10*y^2", true, -1.1212054e+03),
                org.junit.jupiter.params.provider.Arguments.of("x^8 + 1e4*y^8 + 3e3*x^4*y^2 - 2e3*x^3*y + 50*x^2 - 7*x*y + y", true, -8.7898849e+02),
                org.junit.jupiter.params.provider.Arguments.of("1e4*x^4*y^4 + x^8 + y^8 - 1e4*x^2*y^2 + 1e3*x - 1e2*y^3", true, -4.2475864e+03),
                org.junit.jupiter.params.provider.Arguments.of("1e4*x^8 + y^8 - 1e3*x^2*y^2 + 1e2*x*y - x + 10*y^2", false, -1.3594649e+03),
                org.junit.jupiter.params.provider.Arguments.of("x^8 + 1e4*y^8 + 3e3*x^4*y^2 - 2e3*x^3*y + 50*x^2 - 7*x*y + y", false, -8.8172782e+02),
                org.junit.jupiter.params.provider.Arguments.of("1e4*x^4*y^4 + x^8 + y^8 - 1e4*x^2*y^2 + 1e3*x - 1e2*y^3", false, -4.2485562e+03),
                org.junit.jupiter.params.provider.Arguments.of("1e-2*x^8 + 1e2*y^8 + x^2*y^2 - 1e2*x^3 + 1e1*y", false, -8.7165594e+03));
    }

    @ParameterizedTest
    @MethodSource("badlyScaled")
    void solvesBadlyScaledOrderFourRelaxationsToTheReferenceValue(String objective, boolean ball, double reference) {
        var pop = ball ? TestProblems.pop("x,y", objective, "4 - x^2 - y^2 >= 0") : TestProblems.pop("x,y", objective);
        PopResult r = new MomentSosSolver(solver(), HierarchyOptions.builder().minOrder(4).maxOrder(4).build()).solve(pop);
        assertThat(r.orders()).hasSize(1);
        assertThat(r.orders().get(0).bounds().best()).as(r.message() + "\n" + summaries(r))
                .isCloseTo(reference, within(2e-7 * Math.abs(reference)));
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        for (CandidatePoint c : r.minimizers()) {
            assertThat(c.objective()).isCloseTo(reference, within(1e-6 * Math.abs(reference)));
        }
    }

    @Test
    void certifiesABadlyScaledProblemWithFourMinimizers() {
        // four global minimizers (+-1, +-1), so a rank-4 optimal moment matrix; the two terms
        // differ in scale by 1e4
        var pop = TestProblems.pop("x,y", "1e4*(x^2 - 1)^2 + (y^2 - 1)^2", "4 - x^2 - y^2 >= 0");
        PopResult r = new MomentSosSolver(solver()).solve(pop);
        assertThat(r.status()).as(r.message() + "\n" + summaries(r)).isEqualTo(PopStatus.CERTIFIED);
        // a valid lower bound of the optimum 0, as accurate as the SDP tolerance (1e-8 relative
        // to objective values of order 1e4) allows: -2.3e-5 here
        assertThat(r.bound()).isBetween(-1e-3, 0.0);
        assertThat(r.minimizers()).hasSize(4);
        // y is flat to second order with weight 1 against 1e4 in x: it is found to about the
        // square root of the objective's accuracy (1.2e-4 off here)
        for (double[] z : new double[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}}) {
            assertThat(TestProblems.nearest(r, z)).isLessThan(1e-3);
        }
    }
}
