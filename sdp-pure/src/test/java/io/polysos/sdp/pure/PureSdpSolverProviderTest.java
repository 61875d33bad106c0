package io.polysos.sdp.pure;

import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class PureSdpSolverProviderTest {

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(SdpSolverProvider.class).stream().map(ServiceLoader.Provider::get))
                .anyMatch(p -> p.name().equals("pure") && p instanceof PureSdpSolverProvider);
        assertThat(SdpSolvers.discover().find("pure")).isPresent();
    }

    @Test
    void isAlwaysAvailableWithLowestPriority() {
        PureSdpSolverProvider p = new PureSdpSolverProvider();
        assertThat(p.availability().available()).isTrue();
        assertThat(p.priority()).isEqualTo(10);
        assertThat(p.create().name()).isEqualTo("pure");
    }
}
