package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import io.polysos.pop.PopFile;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolution;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SosCertificateTest {

    static java.util.stream.Stream<Path> popFiles() throws Exception {
        return TestProblems.popFiles();
    }

    /** Solves the order at which the hierarchy certifies the problem and reads its certificate. */
    static SosCertificate certificateAtCertifiedOrder(Pop pop, MomentRelaxation[] relOut, SdpSolution[] solOut) {
        PopResult r = new MomentSosSolver(TestProblems.solver()).solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        MomentRelaxation rel = MomentRelaxation.build(pop, r.order());
        SdpSolution sol = TestProblems.solver().solve(rel.sdpProblem(), SdpOptions.DEFAULTS);
        relOut[0] = rel;
        solOut[0] = sol;
        return SosCertificate.of(rel, sol);
    }

    /** v^T Y v with v the monomials of degree &lt;= d at z. */
    static double quadraticForm(MonomialBasis b, double[][] y, double[] z) {
        double[] v = new double[y.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.evaluate(i, z);
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * y[i][j] * v[j];
            }
        }
        return s;
    }

    static double maxAbsEntry(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double x : row) {
                s = Math.max(s, Math.abs(x));
            }
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("popFiles")
    void identityHoldsWithPsdGramMatricesOnEveryCertifiedProblem(Path file) {
        PopFile pf = PopReader.read(file);
        Pop pop = pf.problem();
        MomentRelaxation[] rel = new MomentRelaxation[1];
        SdpSolution[] sol = new SdpSolution[1];
        SosCertificate cert = certificateAtCertifiedOrder(pop, rel, sol);
        double fScale = Math.max(1, pop.objective().maxAbsCoefficient());
        assertThat(cert.residual() / fScale).as(file.toString()).isLessThan(1e-6);
        assertThat(cert.gamma()).isCloseTo(pf.knownOptimum().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(pf.knownOptimum().getAsDouble()))));

        double gramScale = maxAbsEntry(cert.gram0());
        for (double[][] y : cert.gramInequalities()) {
            gramScale = Math.max(gramScale, maxAbsEntry(y));
        }
        assertThat(cert.minGramEigenvalue()).isGreaterThan(-1e-6 * Math.max(1, gramScale));
        for (double[][] y : cert.gramInequalities()) {
            double[] ev = RankDecision.eigenvaluesDescending(y);
            assertThat(ev[ev.length - 1]).isGreaterThanOrEqualTo(cert.minGramEigenvalue());
        }
        assertThat(cert.gramInequalities()).hasSize(pop.inequalities().size());
        assertThat(cert.equalityMultipliers()).hasSize(pop.equalities().size());

        // f(z) - gamma = sigma_0(z) + sum_j sigma_j(z) g_j(z) + sum_l p_l(z) h_l(z) at random points
        MonomialBasis b = rel[0].basis();
        Random rnd = new Random(17);
        for (int trial = 0; trial < 5; trial++) {
            double[] z = new double[pop.numVariables()];
            for (int i = 0; i < z.length; i++) {
                z[i] = 2 * rnd.nextDouble() - 1;
            }
            double lhs = pop.objective().evaluate(z) - cert.gamma();
            double rhs = quadraticForm(b, cert.gram0(), z);
            double mag = Math.abs(lhs) + Math.abs(rhs);
            for (int j = 0; j < pop.inequalities().size(); j++) {
                double t = quadraticForm(b, cert.gramInequalities().get(j), z) * pop.inequalities().get(j).evaluate(z);
                rhs += t;
                mag += Math.abs(t);
            }
            for (int l = 0; l < pop.equalities().size(); l++) {
                double t = cert.equalityMultipliers().get(l).evaluate(z) * pop.equalities().get(l).evaluate(z);
                rhs += t;
                mag += Math.abs(t);
            }
            assertThat(Math.abs(lhs - rhs)).as(file + " at trial " + trial).isLessThan(1e-6 * Math.max(1, mag));
        }
    }

    @Test
    void aWrongBoundLeavesALargeResidual() {
        Pop pop = TestProblems.read("four-wells.json").problem();
        MomentRelaxation[] rel = new MomentRelaxation[1];
        SdpSolution[] sol = new SdpSolution[1];
        SosCertificate good = certificateAtCertifiedOrder(pop, rel, sol);
        SdpSolution s = sol[0];
        SdpSolution wrong = SdpSolution.builder(s.status()).y(s.y()).dualBlocks(s.dualBlocks())
                .primalObjective(s.primalObjective()).dualObjective(s.dualObjective() + 0.25).build();
        SosCertificate bad = SosCertificate.of(rel[0], wrong);
        assertThat(bad.gamma()).isCloseTo(good.gamma() + 0.25, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(good.residual()).isLessThan(1e-6);
        assertThat(bad.residual()).isGreaterThan(0.2);
    }

    @Test
    void equalityMultipliersCloseTheIdentityOfTheCircleProblem() {
        Pop pop = TestProblems.read("circle-linear.json").problem();
        MomentRelaxation[] rel = new MomentRelaxation[1];
        SdpSolution[] sol = new SdpSolution[1];
        SosCertificate cert = certificateAtCertifiedOrder(pop, rel, sol);
        Polynomial p = cert.equalityMultipliers().get(0);
        assertThat(p.maxAbsCoefficient()).isGreaterThan(0.1); // x1 + x2 + sqrt 2 is not SOS without h
        assertThat(cert.residual()).isLessThan(1e-6);
    }
}
