package io.polysos.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.poly.Polynomial;
import org.junit.jupiter.api.Test;

class PopTest {

    @Test
    void computesK0AndTheHalfDegrees() {
        Polynomial x = Polynomial.variable(2, 0);
        Polynomial y = Polynomial.variable(2, 1);
        Pop p = Pop.builder(2).minimize(x.pow(4).add(y)).subjectToNonnegative(x.pow(5)).subjectToZero(y.pow(2)).build();
        assertThat(p.halfDegreeObjective()).isEqualTo(2);
        assertThat(p.halfDegreeConstraints()).isEqualTo(3);
        assertThat(p.minimumOrder()).isEqualTo(3);
        Pop linear = Pop.builder(2).minimize(x).build();
        assertThat(linear.minimumOrder()).isEqualTo(1);
    }

    @Test
    void addsFlaggedBallAndBoxConstraints() {
        Pop p = Pop.builder(2).minimize(Polynomial.variable(2, 0)).build().withBall(3).withBox(2);
        assertThat(p.inequalities()).hasSize(3);
        assertThat(p.isBounding(0)).isTrue();
        assertThat(p.inequalities().get(0).evaluate(new double[] {1, 2})).isEqualTo(4.0);
        assertThat(p.inequalities().get(2).evaluate(new double[] {1, 2})).isEqualTo(0.0);
    }

    @Test
    void rejectsPolynomialsInOtherVariableCounts() {
        assertThatThrownBy(() -> Pop.builder(2).minimize(Polynomial.variable(3, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objective");
        assertThatThrownBy(() -> Pop.builder(2).build()).hasMessageContaining("no objective");
    }
}
