package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.sdp.SdpStatus;
import org.junit.jupiter.api.Test;

class ScsExitFlagTest {

    @Test
    void mapsEveryScsExitFlagToAStatusOfTheStandardForm() {
        assertThat(ScsExitFlag.of(1).toStatus(false)).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(ScsExitFlag.of(2).toStatus(false)).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
        assertThat(ScsExitFlag.of(2).toStatus(true)).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
        assertThat(ScsExitFlag.of(-1).toStatus(false)).isEqualTo(SdpStatus.UNBOUNDED);
        assertThat(ScsExitFlag.of(-2).toStatus(false)).isEqualTo(SdpStatus.INFEASIBLE);
        assertThat(ScsExitFlag.of(-3).toStatus(false)).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(ScsExitFlag.of(-4).toStatus(false)).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(ScsExitFlag.of(-5).toStatus(false)).isEqualTo(SdpStatus.INTERRUPTED);
    }

    @Test
    void reportsInaccurateCertificatesAsTheLimitThatStoppedTheSolve() {
        assertThat(ScsExitFlag.of(-6).toStatus(false)).isEqualTo(SdpStatus.ITERATION_LIMIT);
        assertThat(ScsExitFlag.of(-7).toStatus(false)).isEqualTo(SdpStatus.ITERATION_LIMIT);
        assertThat(ScsExitFlag.of(-6).toStatus(true)).isEqualTo(SdpStatus.TIME_LIMIT);
        assertThat(ScsExitFlag.of(-7).toStatus(true)).isEqualTo(SdpStatus.TIME_LIMIT);
    }

    @Test
    void codesRoundTrip() {
        for (ScsExitFlag f : ScsExitFlag.values()) {
            assertThat(ScsExitFlag.of(f.code())).isSameAs(f);
        }
    }

    @Test
    void rejectsUnknownCodesIncludingThePlaceholderUnfinished() {
        for (long code : new long[] {0, 3, -8, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> ScsExitFlag.of(code)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unknown SCS exit flag " + code);
        }
    }

    @Test
    void onlySolvedFlagsCarryAnIterate() {
        assertThat(ScsExitFlag.SOLVED.hasIterate()).isTrue();
        assertThat(ScsExitFlag.SOLVED_INACCURATE.hasIterate()).isTrue();
        assertThat(ScsExitFlag.INFEASIBLE.hasIterate()).isFalse();
        assertThat(ScsExitFlag.FAILED.hasIterate()).isFalse();
    }
}
