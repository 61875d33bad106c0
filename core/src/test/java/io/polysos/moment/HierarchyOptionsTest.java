package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.sdp.SdpOptions;
import org.junit.jupiter.api.Test;

class HierarchyOptionsTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        HierarchyOptions o = HierarchyOptions.DEFAULTS;
        assertThat(o.minOrder()).isZero();
        assertThat(o.maxOrder()).isZero();
        assertThat(o.maxMemoryBytes()).isZero();
        assertThat(o.rankStrategy().describe()).isEqualTo(RankStrategy.defaultStrategy().describe());
        assertThat(o.pivotTolerance()).isEqualTo(AtomExtraction.DEFAULT_PIVOT_TOLERANCE);
        assertThat(o.feasibilityTolerance()).isEqualTo(HierarchyOptions.DEFAULT_FEASIBILITY_TOLERANCE);
        assertThat(o.objectiveTolerance()).isEqualTo(HierarchyOptions.DEFAULT_OBJECTIVE_TOLERANCE);
        assertThat(o.ballRadius()).isZero();
        assertThat(o.boxBound()).isZero();
        assertThat(o.seed()).isEqualTo(HierarchyOptions.DEFAULT_SEED);
        assertThat(o.sdpOptions()).isSameAs(SdpOptions.DEFAULTS);
        assertThat(o.computeCertificate()).isTrue();
    }

    @Test
    void builderSetsEveryFieldAndToBuilderRoundTrips() {
        HierarchyOptions o = HierarchyOptions.builder().minOrder(2).maxOrder(5).maxMemoryBytes(50)
                .rankStrategy(RankStrategy.largestGap(1e4)).pivotTolerance(1e-7).feasibilityTolerance(1e-6)
                .objectiveTolerance(1e-4).ballRadius(3).boxBound(2).seed(9).computeCertificate(false).build();
        assertThat(o.minOrder()).isEqualTo(2);
        assertThat(o.maxOrder()).isEqualTo(5);
        assertThat(o.maxMemoryBytes()).isEqualTo(50);
        assertThat(o.rankStrategy().describe()).isEqualTo("largestGap(10000.0)");
        assertThat(o.pivotTolerance()).isEqualTo(1e-7);
        assertThat(o.feasibilityTolerance()).isEqualTo(1e-6);
        assertThat(o.objectiveTolerance()).isEqualTo(1e-4);
        assertThat(o.ballRadius()).isEqualTo(3);
        assertThat(o.boxBound()).isEqualTo(2);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.computeCertificate()).isFalse();
        assertThat(o.toBuilder().build()).isEqualTo(o);
        HierarchyOptions fixed = o.toBuilder().order(4).build();
        assertThat(fixed.minOrder()).isEqualTo(4);
        assertThat(fixed.maxOrder()).isEqualTo(4);
    }

    @Test
    void ordersAreClampedToK0AndTheLastToTheFirst() {
        assertThat(HierarchyOptions.DEFAULTS.orders(2)).isEqualTo(new HierarchyOptions.Orders(2,
                2 + HierarchyOptions.DEFAULT_EXTRA_ORDERS));
        assertThat(HierarchyOptions.builder().order(1).build().orders(2)).isEqualTo(new HierarchyOptions.Orders(2, 2));
        assertThat(HierarchyOptions.builder().maxOrder(1).build().orders(3)).isEqualTo(new HierarchyOptions.Orders(3, 3));
        assertThat(HierarchyOptions.builder().minOrder(2).maxOrder(5).build().orders(1))
                .isEqualTo(new HierarchyOptions.Orders(2, 5));
    }

    @Test
    void rejectsAMinimumOrderAboveTheMaximum() {
        assertThatThrownBy(() -> HierarchyOptions.builder().minOrder(4).maxOrder(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 and 3");
        assertThatThrownBy(() -> HierarchyOptions.builder().minOrder(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minOrder");
    }

    @Test
    void rejectsANegativeMemoryBudget() {
        assertThatThrownBy(() -> HierarchyOptions.builder().maxMemoryBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMemoryBytes must be >= 0");
    }

    @Test
    void rejectsNonPositiveOrNonFiniteTolerancesByName() {
        assertThatThrownBy(() -> HierarchyOptions.builder().pivotTolerance(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pivotTolerance");
        assertThatThrownBy(() -> HierarchyOptions.builder().feasibilityTolerance(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feasibilityTolerance");
        assertThatThrownBy(() -> HierarchyOptions.builder().objectiveTolerance(Double.POSITIVE_INFINITY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objectiveTolerance");
    }

    @Test
    void rejectsNegativeOrNonFiniteBoundingConstraints() {
        assertThatThrownBy(() -> HierarchyOptions.builder().ballRadius(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ballRadius");
        assertThatThrownBy(() -> HierarchyOptions.builder().boxBound(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boxBound");
    }

    @Test
    void rejectsMissingStrategyOrOptions() {
        assertThatThrownBy(() -> HierarchyOptions.builder().rankStrategy(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("rankStrategy");
        assertThatThrownBy(() -> HierarchyOptions.builder().sdpOptions(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sdpOptions");
    }
}
