package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpSolutionTest {

    @Test
    void copiesArraysOnTheWayInAndOut() {
        double[] y = {1, 2};
        double[][] dual = {{1, 0, 0, 1}, {3}};
        SdpSolution s = SdpSolution.builder(SdpStatus.OPTIMAL).y(y).dualBlocks(dual).build();
        y[0] = 9;
        dual[0][0] = 9;
        dual[1] = new double[] {9};
        assertThat(s.y()).containsExactly(1, 2);
        assertThat(s.y(1)).isEqualTo(2);
        assertThat(s.dualBlock(0)).containsExactly(1, 0, 0, 1);
        assertThat(s.dualBlocks()[1]).containsExactly(3);
        s.y()[0] = 7;
        s.dualBlocks()[0][0] = 7;
        s.dualBlock(1)[0] = 7;
        assertThat(s.y()).containsExactly(1, 2);
        assertThat(s.dualBlock(0)[0]).isEqualTo(1);
        assertThat(s.dualBlock(1)[0]).isEqualTo(3);
        assertThat(s.hasIterate()).isTrue();
    }

    @Test
    void hasNoIterateAndUnavailableMeasuresWhenNoneWereGiven() {
        SdpSolution s = SdpSolution.builder(SdpStatus.NUMERICAL_ERROR).message("singular system").build();
        assertThat(s.hasIterate()).isFalse();
        assertThat(s.y()).isEmpty();
        assertThat(s.dualBlocks()).isEmpty();
        assertThat(s.primalObjective()).isNaN();
        assertThat(s.dualObjective()).isNaN();
        assertThat(s.relativeGap()).isNaN();
        assertThat(s.dimacs().toArray()).containsOnly(Double.NaN);
        assertThat(s.message()).isEqualTo("singular system");
        assertThat(s.iterations()).isZero();
        assertThat(s.log()).isEmpty();
        assertThat(s.totalSeconds()).isZero();
    }

    @Test
    void computesTheRelativeGap() {
        SdpSolution s = SdpSolution.builder(SdpStatus.OPTIMAL).primalObjective(-3).dualObjective(-4).build();
        assertThat(s.relativeGap()).isCloseTo(1.0 / 8, within(1e-15));
        assertThat(SdpSolution.builder(SdpStatus.OPTIMAL).primalObjective(2).dualObjective(2).build().relativeGap())
                .isZero();
    }

    @Test
    void measuresObjectivesAndDimacsErrorsFromTheIterate() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.objective(0, 1);
        b.entry(1, 0, 0, 0, 1).entry(1, 0, 1, 1, 1).entry(0, 0, 0, 1, -1);
        SdpProblem p = b.build();
        SdpSolution s = SdpSolution.builder(SdpStatus.OPTIMAL).y(new double[] {1.1})
                .dualBlocks(new double[][] {{0.5, -0.5, -0.5, 0.5}}).measure(p).build();
        assertThat(s.primalObjective()).isCloseTo(1.1, within(1e-15));
        assertThat(s.dualObjective()).isCloseTo(1.0, within(1e-15));
        assertThat(s.dimacs().err5()).isCloseTo(0.1 / 3.1, within(1e-12));
        assertThat(s.dimacs().err1()).isCloseTo(0, within(1e-12));
        // without an iterate, measure() leaves everything as given
        SdpSolution none = SdpSolution.builder(SdpStatus.TIME_LIMIT).primalObjective(5).measure(p).build();
        assertThat(none.primalObjective()).isEqualTo(5);
        assertThat(none.dimacs().err1()).isNaN();
    }

    @Test
    void measureRejectsAnIterateOfTheWrongShape() {
        SdpProblem.Builder b = SdpProblem.builder(2);
        b.addBlock(BlockKind.NONNEG, 1);
        SdpProblem p = b.build();
        SdpSolution.Builder s = SdpSolution.builder(SdpStatus.OPTIMAL).y(new double[] {1}).dualBlocks(new double[][] {{1}});
        assertThatThrownBy(() -> s.measure(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must have length m = 2, got 1");
    }

    @Test
    void keepsTimingsLogSolverAndStatus() {
        SdpSolution s = SdpSolution.builder(SdpStatus.ITERATION_LIMIT).status(SdpStatus.INACCURATE_OPTIMAL)
                .timing("setup", 0.25).timing("solve", 1.0).iterations(12).solver("pure", "0.1")
                .log(List.of("it 1", "it 2")).message(null).build();
        assertThat(s.status()).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
        assertThat(s.timings()).containsOnlyKeys("setup", "solve");
        assertThat(s.totalSeconds()).isEqualTo(1.25);
        assertThat(s.iterations()).isEqualTo(12);
        assertThat(s.solverName()).isEqualTo("pure");
        assertThat(s.solverVersion()).isEqualTo("0.1");
        assertThat(s.log()).containsExactly("it 1", "it 2");
        assertThat(s.message()).isEmpty();
        assertThat(s.toString()).isEqualTo("SdpSolution[INACCURATE_OPTIMAL, pobj=NaN, dobj=NaN, iterations=12, solver=pure]");
        assertThatThrownBy(() -> s.timings().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.log().add("x")).isInstanceOf(UnsupportedOperationException.class);
        SdpSolution withTotal = SdpSolution.builder(SdpStatus.OPTIMAL).timing("setup", 1).timing("total", 3).build();
        assertThat(withTotal.totalSeconds()).isEqualTo(3);
    }

    @Test
    void requiresAStatus() {
        assertThatThrownBy(() -> SdpSolution.builder(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }
}
