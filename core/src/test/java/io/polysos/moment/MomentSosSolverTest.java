package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.pop.PopFile;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MomentSosSolverTest {

    static Path popDir() {
        return Path.of(System.getProperty("polysos.data", "../../shared/data")).resolve("pop");
    }

    static Stream<Path> popFiles() throws Exception {
        try (Stream<Path> s = Files.list(popDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static SdpSolver solver() {
        return SdpSolvers.discover().get("pure");
    }

    @ParameterizedTest
    @MethodSource("popFiles")
    void certifiesEveryProblemWithItsKnownMinimizers(Path file) {
        PopFile pf = PopReader.read(file);
        PopResult r = new MomentSosSolver(solver()).solve(pf.problem());
        assertThat(r.status()).as(file + ": " + r.message() + "\n" + summaries(r)).isEqualTo(PopStatus.CERTIFIED);
        double opt = pf.knownOptimum().orElseThrow();
        assertThat(r.bound()).isCloseTo(opt, within(1e-6 * Math.max(1, Math.abs(opt))));
        assertThat(r.minimizers()).hasSameSizeAs(pf.knownMinimizers());
        for (double[] known : pf.knownMinimizers()) {
            double best = Double.POSITIVE_INFINITY;
            for (CandidatePoint c : r.minimizers()) {
                best = Math.min(best, distance(known, c.point()));
            }
            assertThat(best).as(file + " minimizer " + java.util.Arrays.toString(known)).isLessThan(1e-5);
        }
    }

    static String summaries(PopResult r) {
        List<String> s = new ArrayList<>();
        for (OrderRecord o : r.orders()) {
            s.add(o.summary() + " " + o.extraction() + " " + o.candidates().stream()
                    .map(c -> java.util.Arrays.toString(c.point()) + " f=" + c.objective() + " feas=" + c.feasible()
                            + " match=" + c.matchesBound()).toList());
        }
        return String.join("\n", s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void reportsTheIncreasingBoundsOfTheGloptiPolyManualBeforeCertifying() {
        PopFile pf = PopReader.read(popDir().resolve("gloptipoly-manual.json"));
        PopResult r = new MomentSosSolver(solver()).solve(pf.problem());
        assertThat(r.orders()).hasSize(4);
        for (int k = 1; k <= 3; k++) {
            OrderRecord o = r.orders().get(k - 1);
            assertThat(o.order()).isEqualTo(k);
            // the published bounds carry four decimals (-5.6922 for -74/13 = -5.69231)
            assertThat(o.bound()).isCloseTo(pf.knownBoundsByOrder().get(k), within(2e-4));
            assertThat(o.certified()).isFalse();
        }
        assertThat(r.orders().get(3).certified()).isTrue();
        assertThat(r.order()).isEqualTo(4);
    }
}
