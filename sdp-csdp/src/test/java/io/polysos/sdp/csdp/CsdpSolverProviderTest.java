package io.polysos.sdp.csdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolvers;
import org.junit.jupiter.api.Test;

class CsdpSolverProviderTest {

    @Test
    void isFoundByTheRegistryButNeverTheImplicitDefault() {
        SdpSolvers registry = SdpSolvers.discover();
        assertThat(registry.providers()).anyMatch(p -> p.name().equals("csdp"));
        assertThat(new CsdpSolverProvider().eligibleAsDefault()).isFalse();
    }

    @Test
    void reportsTheVersionCsdpPrints() {
        CsdpSolverProvider p = new CsdpSolverProvider();
        assumeTrue(p.availability().available(), () -> "skipped: " + p.availability().reason());
        assertThat(p.create().version()).matches("\\d+\\.\\d+(\\.\\d+)?");
    }

    @Test
    void passesTolerancesAndTheIterationLimitAsCsdpParameters() {
        assertThat(CsdpSolver.parameters(SdpOptions.DEFAULTS)).isNull();
        String p = CsdpSolver.parameters(SdpOptions.builder().tolerance(1e-10).maxIterations(50).build());
        assertThat(p).contains("axtol=1.000000e-10", "atytol=1.000000e-10", "objtol=1.000000e-10", "maxiter=50");
        assertThat(p.lines()).hasSize(16).contains("perturbobj=0");
        assertThat(CsdpSolver.parameters(SdpOptions.builder().backendParameter("fastmode", "1").build()))
                .contains("fastmode=1", "perturbobj=1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsdpSolver.parameters(SdpOptions.builder()
                .backendParameter("max_iters", "5").build())).hasMessageContaining("csdp has no parameter 'max_iters'");
    }
}
