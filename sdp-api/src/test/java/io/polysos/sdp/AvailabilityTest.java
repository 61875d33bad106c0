package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    void carriesAvailabilityAndAReasonNeverNull() {
        assertThat(Availability.yes("embedded")).isEqualTo(new Availability(true, "embedded"));
        assertThat(Availability.no("no licence").available()).isFalse();
        assertThat(Availability.no("no licence").reason()).isEqualTo("no licence");
        assertThat(Availability.no(null).reason()).isEmpty();
        assertThat(Availability.yes(null).reason()).isEmpty();
    }
}
