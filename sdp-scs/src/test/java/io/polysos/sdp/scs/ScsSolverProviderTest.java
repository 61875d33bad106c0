package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SolverUnavailableException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ScsSolverProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(SdpSolverProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof ScsSolverProvider)).hasSize(1);
        ScsSolverProvider p = new ScsSolverProvider();
        assertThat(p.name()).isEqualTo("scs");
        assertThat(p.priority()).isEqualTo(20);
        assertThat(p.description()).contains("SCS");
    }

    @Test
    void isNeverTheImplicitDefaultOnlyUsedWhenNamed() {
        ScsSolverProvider p = new ScsSolverProvider();
        assertThat(p.eligibleAsDefault()).isFalse();
        assertThat(SdpSolvers.of(List.of(p)).defaultReason()).startsWith("no default available")
                .contains("scs").contains("first-order method, used only when named (--solver scs or POLYSOS_SOLVER=scs)");
    }

    @Test
    void reportsAvailabilityWithoutThrowingAndSaysWhatToDoWhenUnavailable() {
        Availability a = new ScsSolverProvider().availability();
        if (a.available()) {
            assertThat(a.reason()).startsWith("SCS 3.");
            assertThat(new ScsSolverProvider().create().version()).matches("3\\.\\d+\\.\\d+.*");
        } else {
            assertThat(a.reason()).contains("SCS_HOME").contains("CTRLC=0").contains("-Pscs");
            assertThatThrownBy(() -> new ScsSolverProvider().create()).isInstanceOf(SolverUnavailableException.class)
                    .hasMessageContaining("SCS_HOME");
        }
    }
}
