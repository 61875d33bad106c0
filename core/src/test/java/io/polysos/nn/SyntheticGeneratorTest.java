package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {

    private static final List<Activation> QUADQUAD = List.of(Activation.fixed(2, 1.0), Activation.free(2));

    private static NetworkInstance wide(long seed, double sigma) {
        return SyntheticGenerator.generate("g", new int[] {60, 60, 60, 40}, QUADQUAD, 400, sigma, seed);
    }

    @Test
    void sameSeedGivesTheSameInstanceAndAnotherSeedAnotherOne() {
        NetworkInstance a = wide(5, 0.01);
        NetworkInstance b = wide(5, 0.01);
        NetworkInstance c = wide(6, 0.01);
        for (int l = 1; l <= 3; l++) {
            assertThat(a.network().weight(l)).isDeepEqualTo(b.network().weight(l));
        }
        assertThat(a.train().inputs()).isDeepEqualTo(b.train().inputs());
        assertThat(a.train().outputs()).isDeepEqualTo(b.train().outputs());
        assertThat(a.test().outputs()).isDeepEqualTo(b.test().outputs());
        assertThat(a.truth().coefficients()).containsExactly(b.truth().coefficients());
        assertThat(c.truth().coefficients()).isNotEqualTo(a.truth().coefficients());
        assertThat(c.network().weight(1)[0][0]).isNotEqualTo(a.network().weight(1)[0][0]);
    }

    @Test
    void weightsAreCenteredWithVarianceOneOverFanIn() {
        NetworkInstance g = wide(1, 0.01);
        for (int l = 1; l <= 3; l++) {
            double[][] w = g.network().weight(l);
            double s = 0;
            double ss = 0;
            int cnt = 0;
            for (double[] row : w) {
                for (double v : row) {
                    s += v;
                    ss += v * v;
                    cnt++;
                }
            }
            double var = 1.0 / w[0].length;
            // mean of cnt >= 2400 draws: standard error sqrt(var / cnt)
            assertThat(s / cnt).as("layer %d mean", l).isCloseTo(0.0, within(5 * Math.sqrt(var / cnt)));
            assertThat(ss / cnt).as("layer %d variance", l).isCloseTo(var, within(0.15 * var));
        }
    }

    @Test
    void inputsAreStandardNormalAndCoefficientsUniformInTheUnitInterval() {
        NetworkInstance g = wide(2, 0.01);
        double s = 0;
        double ss = 0;
        int cnt = 0;
        for (double[] x : g.train().inputs()) {
            for (double v : x) {
                s += v;
                ss += v * v;
                cnt++;
            }
        }
        assertThat(s / cnt).isCloseTo(0.0, within(5 / Math.sqrt(cnt)));
        assertThat(ss / cnt).isCloseTo(1.0, within(0.05));
        for (double c : g.truth().coefficients()) {
            assertThat(c).isBetween(-1.0, 1.0);
        }
        assertThat(g.network().activation(1).fixedConstant()).isEqualTo(1.0);
    }

    @Test
    void noiseHasTheStatedStandardDeviationAndRms() {
        double sigma = 0.01;
        NetworkInstance g = wide(3, sigma);
        double ss = 0;
        int cnt = 0;
        double[] c = g.truth().coefficients();
        for (int i = 0; i < g.train().size(); i++) {
            double[] f = g.network().forward(g.train().inputs()[i], c);
            for (int j = 0; j < f.length; j++) {
                double e = g.train().outputs()[i][j] - f[j];
                ss += e * e;
                cnt++;
            }
        }
        assertThat(Math.sqrt(ss / cnt)).isCloseTo(sigma, within(0.05 * sigma));
        assertThat(g.truth().noiseRms()).isCloseTo(Math.sqrt(ss / g.train().size()), within(1e-12));
        assertThat(g.truth().noiseSigma()).isEqualTo(sigma);
    }

    @Test
    void paperConfigurationsHaveThePaperShapes() {
        NetworkInstance g = SyntheticGenerator.paper(PaperExperiment.TABLE4, 1, PaperExperiment.SIGMA, 9);
        assertThat(g.network().depth()).isEqualTo(3);
        assertThat(g.train().size()).isEqualTo(PaperExperiment.SIZES[1][0]);
        assertThat(g.network().inputWidth()).isEqualTo(PaperExperiment.SIZES[1][1]);
        assertThat(g.test().size()).isEqualTo(g.train().size());
    }

    @Test
    void rejectsAWidthListOfTheWrongLength() {
        assertThatThrownBy(() -> SyntheticGenerator.generate("g", new int[] {3, 3}, QUADQUAD, 5, 0.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widths");
    }
}
