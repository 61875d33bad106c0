package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.pop.Pop;
import org.junit.jupiter.api.Test;

class CandidatePointTest {

    static final double TOL = 1e-6;

    @Test
    void aFeasiblePointAttainingTheBoundIsAGlobalMinimizer() {
        Pop pop = TestProblems.pop("x,y", "x^2 + y^2", "x + y - 1 >= 0");
        CandidatePoint c = CandidatePoint.check(pop, new double[] {0.5, 0.5}, 0.5, TOL, TOL);
        assertThat(c.objective()).isCloseTo(0.5, within(1e-15));
        assertThat(c.feasible()).isTrue();
        assertThat(c.matchesBound()).isTrue();
        assertThat(c.isGlobalMinimizer()).isTrue();
        assertThat(c.maxInequalityViolation()).isZero();
        assertThat(c.maxEqualityViolation()).isZero();
        assertThat(c.activeBounding()).isFalse();
    }

    @Test
    void rejectsAPointViolatingAnInequality() {
        Pop pop = TestProblems.pop("x,y", "x^2 + y^2", "x + y - 1 >= 0");
        // the unconstrained minimizer attains a value below the bound but is infeasible
        CandidatePoint c = CandidatePoint.check(pop, new double[] {0, 0}, 0.0, TOL, TOL);
        assertThat(c.maxInequalityViolation()).isCloseTo(1.0, within(1e-15));
        assertThat(c.feasible()).isFalse();
        assertThat(c.matchesBound()).isTrue();
        assertThat(c.isGlobalMinimizer()).isFalse();
    }

    @Test
    void rejectsAPointViolatingAnEqualityBeyondTheTolerance() {
        Pop pop = TestProblems.pop("x,y", "x + y", "x^2 + y^2 == 1");
        double s = Math.sqrt(0.5);
        CandidatePoint near = CandidatePoint.check(pop, new double[] {-s, -s + 1e-8}, -Math.sqrt(2), TOL, TOL);
        assertThat(near.feasible()).isTrue();
        assertThat(near.isGlobalMinimizer()).isTrue();
        CandidatePoint off = CandidatePoint.check(pop, new double[] {-0.8, -0.8}, -1.6, TOL, TOL);
        assertThat(off.maxEqualityViolation()).isCloseTo(0.28, within(1e-12));
        assertThat(off.feasible()).isFalse();
        assertThat(off.isGlobalMinimizer()).isFalse();
    }

    @Test
    void aFeasiblePointAboveTheBoundIsNotAMinimizer() {
        Pop pop = TestProblems.pop("x,y", "x^2 + y^2", "x + y - 1 >= 0");
        CandidatePoint c = CandidatePoint.check(pop, new double[] {1, 0}, 0.5, TOL, TOL);
        assertThat(c.feasible()).isTrue();
        assertThat(c.objective()).isEqualTo(1.0);
        assertThat(c.matchesBound()).isFalse();
        assertThat(c.isGlobalMinimizer()).isFalse();
    }

    @Test
    void theObjectiveToleranceIsRelativeToLargeBounds() {
        Pop pop = TestProblems.pop("x", "x");
        assertThat(CandidatePoint.check(pop, new double[] {1000.0005}, 1000, TOL, TOL).matchesBound()).isTrue();
        assertThat(CandidatePoint.check(pop, new double[] {1000.01}, 1000, TOL, TOL).matchesBound()).isFalse();
        assertThat(CandidatePoint.check(pop, new double[] {5e-7}, 0, TOL, TOL).matchesBound()).isTrue();
    }

    @Test
    void flagsAnActiveBoundingConstraintButNotAnActiveOrdinaryOne() {
        Pop pop = TestProblems.pop("x,y", "x", "x + 2 >= 0").withBall(2);
        CandidatePoint onBall = CandidatePoint.check(pop, new double[] {-2, 0}, -2, TOL, TOL);
        assertThat(onBall.activeBounding()).isTrue();
        assertThat(onBall.isGlobalMinimizer()).isTrue();
        Pop noBall = TestProblems.pop("x,y", "x", "x + 2 >= 0");
        assertThat(CandidatePoint.check(noBall, new double[] {-2, 0}, -2, TOL, TOL).activeBounding()).isFalse();
        assertThat(CandidatePoint.check(pop, new double[] {-1, 0}, -1, TOL, TOL).activeBounding()).isFalse();
    }

    @Test
    void keepsACopyOfThePointAndRejectsNonFiniteObjectives() {
        Pop pop = TestProblems.pop("x", "x^2");
        double[] z = {1};
        CandidatePoint c = CandidatePoint.check(pop, z, 1, TOL, TOL);
        z[0] = 7;
        assertThat(c.point()).containsExactly(1.0);
        assertThat(CandidatePoint.check(pop, new double[] {Double.NaN}, 0, TOL, TOL).feasible()).isFalse();
    }
}
