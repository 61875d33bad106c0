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
}
