package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.pop.PopFile;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared polynomial programs certified through the native backends, where their accuracy
 * allows; each case skips when its backend is not available here. SCS is a first-order
 * method: with tolerance 1e-9 it certifies the four problems listed, while gloptipoly-manual's
 * order-4 relaxation does not reach the needed accuracy in reasonable time, so it is not
 * claimed. MOSEK is expected to certify all five.
 */
class NativeBackendsPopTest {

    private static final Map<String, List<String>> EXPECTED = Map.of(
            "scs", List.of("ball-halfplane", "circle-linear", "four-wells", "six-hump-camel"),
            "mosek", List.of("ball-halfplane", "circle-linear", "four-wells", "six-hump-camel", "gloptipoly-manual"));

    static Stream<Arguments> cases() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().map(p -> Arguments.of(e.getKey(), p)));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("cases")
    void certifiesTheSharedProblemThroughANativeBackend(String backend, String problem) {
        SdpSolvers registry = SdpSolvers.discover();
        SdpSolverProvider p = registry.find(backend).orElse(null);
        assumeTrue(p != null && SdpSolvers.safeAvailability(p).available(),
                () -> backend + " is not available here: "
                        + (p == null ? "not on the class path" : SdpSolvers.safeAvailability(p).reason()));
        PopFile f = TestProblems.read(problem + ".json");
        HierarchyOptions o = HierarchyOptions.builder()
                .sdpOptions(SdpOptions.builder().tolerance(1e-9).maxIterations(200_000).build()).build();
        PopResult r = new MomentSosSolver(registry.get(backend), o).solve(f.problem());
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        double opt = f.knownOptimum().orElseThrow();
        assertThat(Math.abs(r.bound() - opt)).isLessThan(1e-5 * Math.max(1, Math.abs(opt)));
        for (double[] z : f.knownMinimizers()) {
            assertThat(r.minimizers()).anySatisfy(c -> assertThat(TestProblems.distance(c.point(), z)).isLessThan(1e-4));
        }
    }
}
