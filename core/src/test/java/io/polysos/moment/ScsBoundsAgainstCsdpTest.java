package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.pop.Pop;
import io.polysos.pop.PopFile;
import io.polysos.sdp.csdp.CsdpExecutable;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lower bounds reported through SCS, a first-order backend, must be lower bounds: none may
 * exceed the optimal value of the same relaxation as computed by CSDP (an outside
 * interior-point solver, at high accuracy), beyond CSDP's own accuracy. Skips when SCS or CSDP
 * is not available here.
 */
class ScsBoundsAgainstCsdpTest {

    /** Allowed excess, relative to 1 + |value|: CSDP's high-accuracy setting reaches about 1e-9. */
    private static final double SLACK = 1e-7;

    @ParameterizedTest
    @ValueSource(strings = {"ball-halfplane", "circle-linear", "four-wells", "six-hump-camel"})
    void noLowerBoundThroughScsExceedsCsdpsValueOfTheSameRelaxation(String problem) throws Exception {
        SdpSolvers registry = SdpSolvers.discover();
        SdpSolverProvider scs = registry.find("scs").orElse(null);
        assumeTrue(scs != null && SdpSolvers.safeAvailability(scs).available(),
                () -> "scs is not available here: " + (scs == null ? "not on the class path"
                        : SdpSolvers.safeAvailability(scs).reason()));
        Optional<CsdpExecutable> csdp = CsdpExecutable.find();
        assumeTrue(csdp.isPresent(), "csdp not found ($POLYSOS_CSDP or PATH; Debian package coinor-csdp)");
        PopFile f = TestProblems.read(problem + ".json");
        MomentSosSolver driver = new MomentSosSolver(registry.get("scs"), HierarchyOptions.builder()
                .sdpOptions(SdpOptions.builder().tolerance(1e-9).maxIterations(200_000).build()).build());
        PopResult r = driver.solve(f.problem());
        Pop bounded = driver.bounded(f.problem());
        double f0 = bounded.objective().constantTerm();
        double best = Double.NEGATIVE_INFINITY;
        for (OrderRecord rec : r.orders()) {
            if (!rec.sdpStatus().hasSolution()) {
                continue;
            }
            CsdpExecutable.Result ref = csdp.get().withHighAccuracy()
                    .solve(MomentRelaxation.build(bounded, rec.order()).sdpProblem(), 120);
            assertThat(ref.status().hasSolution()).as(ref.output()).isTrue();
            double value = Math.max(ref.primalObjective(), ref.dualObjective()) + f0;
            double reported = rec.bounds().verified() ? rec.lowerBound() : rec.sdpStatus().isOptimal()
                    ? rec.lowerBoundNumeric() : Math.min(rec.lowerBoundNumeric(), rec.bounds().momentObjective());
            assertThat(reported).as(problem + " order " + rec.order() + " (" + rec.sdpStatus() + ") against CSDP "
                    + value).isLessThanOrEqualTo(value + SLACK * (1 + Math.abs(value)));
            best = Math.max(best, value);
        }
        assertThat(best).as(problem + ": no order solved").isGreaterThan(Double.NEGATIVE_INFINITY);
        assertThat(r.bound()).as(r.message()).isLessThanOrEqualTo(best + SLACK * (1 + Math.abs(best)));
    }
}
