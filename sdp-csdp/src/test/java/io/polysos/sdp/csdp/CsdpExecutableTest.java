package io.polysos.sdp.csdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsdpExecutableTest {

    private CsdpExecutable csdp;
    private Path sdplib;

    @BeforeEach
    void findCsdp() {
        var found = CsdpExecutable.find();
        assumeTrue(found.isPresent(), "csdp is not on the PATH (Debian package coinor-csdp)");
        csdp = found.get();
        sdplib = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib");
    }

    @Test
    void solvesTheta1ToItsPublishedValueInOurSignConvention() throws Exception {
        CsdpExecutable.Result r = csdp.solve(sdplib.resolve("theta1.dat-s"), 60);
        assertThat(r.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(r.primalObjective()).isCloseTo(23.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.iterations()).isPositive();
        assertThat(r.dimacs()[0]).isLessThan(1e-6);
    }

    @Test
    void mapsInfeasibilityAndUnboundednessToOurStatuses() throws Exception {
        assertThat(csdp.solve(sdplib.resolve("infp1.dat-s"), 60).status()).isEqualTo(SdpStatus.INFEASIBLE);
        assertThat(csdp.solve(sdplib.resolve("infd1.dat-s"), 60).status()).isEqualTo(SdpStatus.UNBOUNDED);
    }

    @Test
    void solvesAnInMemoryProblemWithAnEqualityBlock() throws Exception {
        // minimize y1 + y2 s.t. [[y1, 1], [1, y2]] PSD and y1 - y2 = 0: optimum 2 at y = (1, 1)
        SdpProblem.Builder b = SdpProblem.builder(2);
        int psd = b.addBlock(BlockKind.PSD, 2);
        int eq = b.addBlock(BlockKind.ZERO, 1);
        b.objective(new double[] {1, 1});
        b.entry(1, psd, 0, 0, 1).entry(2, psd, 1, 1, 1).entry(0, psd, 0, 1, -1);
        b.entry(1, eq, 0, 0, 1).entry(2, eq, 0, 0, -1);
        CsdpExecutable.Result r = csdp.solve(b.build(), 60);
        assertThat(r.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(r.primalObjective()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void highAccuracyParametersCloseTheGapFurther() throws Exception {
        CsdpExecutable.Result normal = csdp.solve(sdplib.resolve("control1.dat-s"), 60);
        CsdpExecutable.Result high = csdp.withHighAccuracy().solve(sdplib.resolve("control1.dat-s"), 60);
        assertThat(high.status().hasSolution()).as(high.output()).isTrue();
        // DIMACS err5 is the relative duality gap (the objectives are printed with 8 digits only)
        assertThat(Math.abs(high.dimacs()[4])).isLessThan(Math.abs(normal.dimacs()[4]));
        assertThat(high.output()).doesNotContain("param.csdp");
    }
}
