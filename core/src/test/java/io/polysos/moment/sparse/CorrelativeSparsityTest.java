package io.polysos.moment.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.pop.ChainedProblems;
import io.polysos.pop.Pop;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorrelativeSparsityTest {

    @Test
    void broydenTridiagonalHasConsecutiveTriplesAndEveryBoxInItsClique() {
        Pop pop = ChainedProblems.broydenTridiagonal(10).problem();
        CorrelativeSparsity cs = CorrelativeSparsity.of(pop, true);
        assertThat(cs.cliques()).hasSize(8).allSatisfy(c -> {
            assertThat(c).hasSize(3);
            assertThat(c[2] - c[0]).isEqualTo(2);
        });
        for (int j = 0; j < pop.inequalities().size(); j++) {
            final int v = j;
            assertThat(cs.cliques().get(cs.inequalityClique(j))).as("box of x%d", j).contains(v);
        }
        assertThat(ChordalGraphs.hasRunningIntersection(cs.cliques())).isTrue();
    }

    @Test
    void withoutCorrelativeSparsityThereIsOneCliqueOfEveryVariable() {
        CorrelativeSparsity cs = CorrelativeSparsity.of(ChainedProblems.rosenbrock(6).problem(), false);
        assertThat(cs.cliques()).hasSize(1);
        assertThat(cs.cliques().get(0)).isEqualTo(new int[] {0, 1, 2, 3, 4, 5});
    }

    @Test
    void aConstraintCouplingDistantVariablesJoinsTheirCliques() {
        Pop chain = ChainedProblems.rosenbrock(6).problem();
        Pop coupled = chain.toBuilder().subjectToNonnegative(
                io.polysos.poly.Polynomial.constant(6, 1).subtract(io.polysos.poly.Polynomial.variable(6, 0)
                        .multiply(io.polysos.poly.Polynomial.variable(6, 5))), "x1 x6 <= 1").build();
        CorrelativeSparsity cs = CorrelativeSparsity.of(coupled, true);
        int[] last = cs.cliques().get(cs.inequalityClique(coupled.inequalities().size() - 1));
        assertThat(Arrays.stream(last).boxed().toList()).contains(0, 5);
        assertThat(ChordalGraphs.hasRunningIntersection(cs.cliques())).isTrue();
    }
}
