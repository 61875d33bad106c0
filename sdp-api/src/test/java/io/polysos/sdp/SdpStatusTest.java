package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SdpStatusTest {

    @Test
    void classifiesEveryStatusByItsPredicates() {
        for (SdpStatus s : SdpStatus.values()) {
            assertThat(s.isOptimal()).as("isOptimal %s", s).isEqualTo(s == SdpStatus.OPTIMAL);
            assertThat(s.hasSolution()).as("hasSolution %s", s)
                    .isEqualTo(EnumSet.of(SdpStatus.OPTIMAL, SdpStatus.INACCURATE_OPTIMAL).contains(s));
            assertThat(s.isInaccurate()).as("isInaccurate %s", s).isEqualTo(s == SdpStatus.INACCURATE_OPTIMAL);
            assertThat(s.isInfeasibleOrUnbounded()).as("isInfeasibleOrUnbounded %s", s)
                    .isEqualTo(EnumSet.of(SdpStatus.INFEASIBLE, SdpStatus.UNBOUNDED).contains(s));
            assertThat(s.isFailure()).as("isFailure %s", s).isEqualTo(EnumSet.of(SdpStatus.ITERATION_LIMIT,
                    SdpStatus.TIME_LIMIT, SdpStatus.NUMERICAL_ERROR, SdpStatus.INTERRUPTED).contains(s));
        }
    }

    @Test
    void putsEveryStatusInExactlyOneOutcomeClass() {
        for (SdpStatus s : SdpStatus.values()) {
            int classes = (s.hasSolution() ? 1 : 0) + (s.isInfeasibleOrUnbounded() ? 1 : 0) + (s.isFailure() ? 1 : 0);
            assertThat(classes).as("outcome classes of %s", s).isEqualTo(1);
        }
    }
}
