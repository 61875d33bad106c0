package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.sdp.SdpOptions;
import org.junit.jupiter.api.Test;

class MomentSosSolverOptionsTest {

    @Test
    void asksForTightTolerancesWhenTheCallerLeavesThemUnset() {
        SdpOptions o = MomentSosSolver.sdpOptionsFor(SdpOptions.builder().threads(1).build());
        assertThat(o.relativeGapTolerance()).hasValue(HierarchyOptions.DEFAULT_SDP_TOLERANCE);
        assertThat(o.feasibilityTolerance()).hasValue(HierarchyOptions.DEFAULT_SDP_TOLERANCE);
        assertThat(o.threads()).isEqualTo(1);
    }

    @Test
    void keepsTolerancesTheCallerSet() {
        SdpOptions o = MomentSosSolver.sdpOptionsFor(SdpOptions.builder().relativeGapTolerance(1e-6).build());
        assertThat(o.relativeGapTolerance()).hasValue(1e-6);
        assertThat(o.feasibilityTolerance()).hasValue(HierarchyOptions.DEFAULT_SDP_TOLERANCE);
        SdpOptions both = SdpOptions.builder().tolerance(1e-5).build();
        assertThat(MomentSosSolver.sdpOptionsFor(both)).isSameAs(both);
    }
}
