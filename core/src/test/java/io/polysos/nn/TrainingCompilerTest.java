package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.poly.Polynomial;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingCompilerTest {

    private static final double REL = 1e-9;

    private static double[] randomCoefficients(int n, Random rnd) {
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = 2 * rnd.nextDouble() - 1;
        }
        return c;
    }

    private static void assertClose(double actual, double expected, double scale) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(REL * Math.max(1.0, scale));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper-example-3.4.json", "exact-quadquad-N30-m8.json", "t2-quadcubic-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json", "t3-linlinlin-N50-m20.json"})
    void meanOutputPolynomialsAgreeWithTheNumericNetwork(String file) {
        NetworkInstance inst = TestData.network(file);
        PolynomialNetwork net = inst.network();
        List<Polynomial> fbar = TrainingCompiler.meanOutputs(net, inst.train().inputs());
        TrainingProblem tp = TrainingCompiler.compile(net, inst.train());
        Random rnd = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            double[] c = randomCoefficients(net.numLearned(), rnd);
            double[] numeric = net.meanOutput(inst.train().inputs(), c);
            double[] z = java.util.Arrays.copyOf(c, c.length + 1);
            double[] ybar = inst.train().meanOutput();
            for (int j = 0; j < numeric.length; j++) {
                assertClose(fbar.get(j).evaluate(c), numeric[j], Math.abs(numeric[j]));
                // the paper loss's constraints at theta = 0 are +-(fbar_j - ybar_j)
                double r = numeric[j] - ybar[j];
                assertClose(tp.inequalities().get(2 * j).evaluate(z), r, Math.abs(numeric[j]));
                assertClose(tp.inequalities().get(2 * j + 1).evaluate(z), -r, Math.abs(numeric[j]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper-example-3.4.json", "exact-quadquad-N30-m8.json", "t4-quadlinlin-N50-m20.json",
            "t5-cubicquad-N50-m20.json"})
    void perSampleOutputPolynomialsAgreeWithTheNumericNetworkOnEverySample(String file) {
        NetworkInstance inst = TestData.network(file);
        PolynomialNetwork net = inst.network();
        Polynomial[][] f = TrainingCompiler.sampleOutputs(net, inst.train().inputs());
        double[] c = randomCoefficients(net.numLearned(), new Random(11));
        for (int i = 0; i < inst.train().size(); i++) {
            double[] y = net.forward(inst.train().inputs()[i], c);
            for (int j = 0; j < y.length; j++) {
                assertClose(f[i][j].evaluate(c), y[j], Math.abs(y[j]));
            }
        }
    }

    @Test
    void paperLossIsTheEpigraphOfTheMeanResidual() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        TrainingProblem tp = TrainingCompiler.compile(inst.network(), inst.train(), Loss.PAPER);
        assertThat(tp.variableNames()).containsExactly("c1_1", "c1_2", "c2_0", "c2_1", "theta");
        assertThat(tp.inequalities()).hasSize(2 * 4);
        double[] z = tp.pointOf(inst.truth().coefficients());
        assertThat(z[4]).isLessThan(1e-12);
        for (Polynomial g : tp.inequalities()) {
            assertThat(g.evaluate(z)).isGreaterThanOrEqualTo(-1e-9);
        }
        assertThat(tp.objective().evaluate(z)).isEqualTo(z[4]);
        // degree: c2_1 * (linear in c1)^1 -> 2; constraints degree 2
        assertThat(tp.degree()).isEqualTo(2);
    }

    @Test
    void leastSquaresObjectiveEqualsTheNumericMeanSquaredResidual() {
        NetworkInstance inst = TestData.network("t5-cubicquad-N50-m20.json");
        TrainingProblem tp = TrainingCompiler.compile(inst.network(), inst.train(), Loss.LSQ);
        assertThat(tp.inequalities()).isEmpty();
        assertThat(tp.numVariables()).isEqualTo(inst.network().numLearned());
        Random rnd = new Random(3);
        for (int trial = 0; trial < 3; trial++) {
            double[] c = randomCoefficients(tp.numLearned(), rnd);
            double numeric = Loss.LSQ.evaluate(inst.network(), inst.train(), c);
            assertClose(tp.objective().evaluate(c), numeric, numeric);
        }
    }

    @Test
    void maxLossHasTwoConstraintsPerSampleAndOutputTightAtTheLoss() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        TrainingProblem tp = TrainingCompiler.compile(inst.network(), inst.train(), Loss.MAX);
        assertThat(tp.inequalities()).hasSize(2 * 2 * 4);
        double[] c = randomCoefficients(4, new Random(5));
        double[] z = tp.pointOf(c);
        double min = Double.POSITIVE_INFINITY;
        for (Polynomial g : tp.inequalities()) {
            min = Math.min(min, g.evaluate(z));
        }
        assertThat(Math.abs(min)).isLessThan(1e-9 * Math.max(1, z[4]));
    }

    @Test
    void fixedConstantsOfEveryLayerEnterTheExpansion() {
        Random rnd = new Random(9);
        double[][][] w = new double[4][][];
        int[] widths = {3, 4, 2, 3, 2};
        for (int l = 0; l < 4; l++) {
            w[l] = new double[widths[l + 1]][widths[l]];
            for (double[] row : w[l]) {
                for (int s = 0; s < row.length; s++) {
                    row[s] = rnd.nextGaussian();
                }
            }
        }
        PolynomialNetwork net = new PolynomialNetwork(w, List.of(Activation.free(2), Activation.fixed(2, 0.5),
                Activation.fixed(1, -2.0)));
        double[][] x = new double[6][3];
        for (double[] row : x) {
            for (int s = 0; s < 3; s++) {
                row[s] = rnd.nextGaussian();
            }
        }
        List<Polynomial> fbar = TrainingCompiler.meanOutputs(net, x);
        double[] c = randomCoefficients(net.numLearned(), rnd);
        double[] numeric = net.meanOutput(x, c);
        for (int j = 0; j < numeric.length; j++) {
            assertClose(fbar.get(j).evaluate(c), numeric[j], Math.abs(numeric[j]));
        }
    }
}
