package io.polysos.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChainedProblemsTest {

    @Test
    void rosenbrockAndChainedWoodVanishAtTheirMinimizerAndArePositiveElsewhere() {
        for (PopFile pf : new PopFile[] {ChainedProblems.rosenbrock(7), ChainedProblems.chainedWood(8)}) {
            Pop pop = pf.problem();
            double[] ones = pf.knownMinimizers().get(0);
            assertThat(pop.objective().evaluate(ones)).isCloseTo(0.0, within(1e-12));
            double[] z = ones.clone();
            z[2] = 0.5;
            assertThat(pop.objective().evaluate(z)).isGreaterThan(0.1);
            assertThat(pop.inequalities()).hasSize(pop.numVariables());
            assertThat(pop.objective().degree()).isEqualTo(4);
        }
    }

    @Test
    void rosenbrockHasTheTextbookTermsForThreeVariables() {
        Pop pop = ChainedProblems.rosenbrock(3).problem();
        double[] z = {0.3, -0.2, 0.7};
        double expected = 100 * Math.pow(z[1] - z[0] * z[0], 2) + Math.pow(1 - z[0], 2)
                + 100 * Math.pow(z[2] - z[1] * z[1], 2) + Math.pow(1 - z[1], 2);
        assertThat(pop.objective().evaluate(z)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void broydenResidualsAreTheTridiagonalSystem() {
        Pop pop = ChainedProblems.broydenTridiagonal(3).problem();
        double[] z = {0.1, -0.4, 0.9};
        double r0 = (3 - 2 * z[0]) * z[0] - 2 * z[1] + 1;
        double r1 = (3 - 2 * z[1]) * z[1] - z[0] - 2 * z[2] + 1;
        double r2 = (3 - 2 * z[2]) * z[2] - z[1] + 1;
        assertThat(pop.objective().evaluate(z)).isCloseTo(r0 * r0 + r1 * r1 + r2 * r2, within(1e-12));
    }

    @Test
    void writtenFilesReadBackToTheSameProblem() {
        PopFile pf = ChainedProblems.chainedWood(6);
        PopFile back = PopReader.parse(PopWriter.toJson(pf));
        assertThat(back.problem().objective()).isEqualTo(pf.problem().objective());
        assertThat(back.problem().inequalities()).isEqualTo(pf.problem().inequalities());
        assertThat(back.knownOptimum()).isEqualTo(pf.knownOptimum());
        assertThat(Arrays.equals(back.knownMinimizers().get(0), pf.knownMinimizers().get(0))).isTrue();
        assertThat(back.problem().name()).isEqualTo("chained-wood-6");
    }

    @Test
    void rejectsAnOddChainedWoodAndUnknownNames() {
        assertThatThrownBy(() -> ChainedProblems.chainedWood(7)).hasMessageContaining("even");
        assertThatThrownBy(() -> ChainedProblems.generate("foo", 5)).hasMessageContaining("unknown chained problem 'foo'");
    }
}
