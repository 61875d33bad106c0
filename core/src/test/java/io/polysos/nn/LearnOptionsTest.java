package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.moment.HierarchyOptions;
import org.junit.jupiter.api.Test;

class LearnOptionsTest {

    @Test
    void defaultsAreTheLearnersHierarchy() {
        LearnOptions o = LearnOptions.DEFAULTS;
        assertThat(o.hierarchy()).isEqualTo(LearnOptions.DEFAULT_HIERARCHY);
        assertThat(o.order()).isZero();
        assertThat(o.maxOrder()).isEqualTo(LearnOptions.DEFAULT_MAX_ORDER);
        assertThat(o.ballRadius()).isEqualTo(LearnOptions.DEFAULT_BALL_RADIUS);
        assertThat(o.tolerance()).isEqualTo(LearnOptions.DEFAULT_TOLERANCE);
        assertThat(o.hierarchy().feasibilityTolerance()).isEqualTo(LearnOptions.DEFAULT_TOLERANCE);
        assertThat(o.gapTolerance()).isEqualTo(HierarchyOptions.DEFAULT_GAP_TOLERANCE);
    }

    @Test
    void aFixedOrderIsMinEqualsMaxAndMaxOrderRunsFromK0() {
        LearnOptions fixed = LearnOptions.builder().order(3).build();
        assertThat(fixed.hierarchy().minOrder()).isEqualTo(3);
        assertThat(fixed.hierarchy().maxOrder()).isEqualTo(3);
        assertThat(fixed.order()).isEqualTo(3);
        LearnOptions up = fixed.toBuilder().maxOrder(4).build();
        assertThat(up.order()).isZero();
        assertThat(up.hierarchy().minOrder()).isZero();
        assertThat(up.maxOrder()).isEqualTo(4);
        assertThat(fixed.toBuilder().order(0).build().order()).isZero();
        // a fixed order below k0 is raised to k0 by the hierarchy's options, nowhere else
        assertThat(LearnOptions.builder().order(1).build().hierarchy().orders(2).first()).isEqualTo(2);
    }

    @Test
    void toBuilderKeepsEveryHierarchyOption() {
        HierarchyOptions h = LearnOptions.DEFAULT_HIERARCHY.toBuilder().seed(7).pivotTolerance(1e-6).build();
        LearnOptions o = LearnOptions.builder().hierarchy(h).ballRadius(3).build();
        assertThat(o.toBuilder().build().hierarchy()).isEqualTo(o.hierarchy());
        assertThat(o.hierarchy().seed()).isEqualTo(7);
        assertThat(o.ballRadius()).isEqualTo(3);
    }

    @Test
    void rejectsBadOrdersAndTolerances() {
        assertThatThrownBy(() -> LearnOptions.builder().order(-1)).hasMessageContaining("order must be >= 1");
        assertThatThrownBy(() -> LearnOptions.builder().maxOrder(0)).hasMessageContaining("maxOrder must be >= 1");
        assertThatThrownBy(() -> LearnOptions.builder().tolerance(2).build()).hasMessageContaining("(0, 1)");
    }
}
