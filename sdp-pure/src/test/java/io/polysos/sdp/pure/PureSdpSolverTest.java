package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverContractTest;
import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SdpaFormat;
import io.polysos.sdp.SparseSymMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pure backend: the shared contract, SDPLIB conformance against the reference values of
 * the data set's README (read from the table, not copied), and infeasibility detection.
 */
class PureSdpSolverTest extends SdpSolverContractTest {

    @Override
    protected SdpSolver create() {
        return new PureSdpSolver();
    }

    /** One row of the SDPLIB README table. */
    record Reference(String name, String published, double primal, double dual) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path sdplib() {
        String dir = System.getProperty("polysos.data", "../shared/data");
        return Path.of(dir, "sdplib");
    }

    static List<Reference> references() throws IOException {
        Path readme = sdplib().resolve("README.md");
        List<Reference> out = new ArrayList<>();
        if (!Files.exists(readme)) {
            return out;
        }
        for (String line : Files.readAllLines(readme)) {
            String[] cells = line.split("\\|");
            if (cells.length < 6 || !Files.exists(sdplib().resolve(cells[1].trim() + ".dat-s"))) {
                continue;
            }
            String last = cells[5].trim();
            String[] pd = last.split("/");
            if (pd.length != 2) {
                continue;
            }
            out.add(new Reference(cells[1].trim(), cells[4].trim(), Double.parseDouble(pd[0].trim()),
                    Double.parseDouble(pd[1].trim())));
        }
        return out;
    }

    static List<Reference> optimalReferences() throws IOException {
        List<Reference> refs = references();
        assumeTrue(!refs.isEmpty(), "SDPLIB data not found under " + sdplib());
        return refs;
    }

    private static SdpProblem read(String name) throws IOException {
        Path file = sdplib().resolve(name + ".dat-s");
        assumeTrue(Files.exists(file), "SDPLIB file missing: " + file);
        return SdpaFormat.read(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimalReferences")
    void solvesSdplibProblemToReferenceValue(Reference ref) throws IOException {
        SdpSolution s = new PureSdpSolver().solve(read(ref.name()), SdpOptions.DEFAULTS);
        if (ref.name().startsWith("hinf")) {
            // ill-posed: the published value has few digits, and no solver closes the gap to 1e-8
            assertThat(s.status().hasSolution()).as(s.message()).isTrue();
            double unit = lastDigitUnit(ref.published());
            assertThat(s.primalObjective()).isCloseTo(Double.parseDouble(ref.published()), within(unit));
            assertThat(s.dualObjective()).isCloseTo(Double.parseDouble(ref.published()), within(unit));
            return;
        }
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        double expected = 0.5 * (ref.primal() + ref.dual());
        double tol = 1e-6 * Math.abs(expected);
        assertThat(s.primalObjective()).isCloseTo(expected, within(tol));
        assertThat(s.dualObjective()).isCloseTo(expected, within(tol));
        for (double e : s.dimacs().toArray()) {
            assertThat(Math.abs(e)).isLessThan(1e-7);
        }
    }

    /** The unit of the last printed digit of a value such as "2.0326e+00" (1e-4 here). */
    private static double lastDigitUnit(String published) {
        String mant = published.toLowerCase(Locale.ROOT).split("e")[0];
        int exp = published.toLowerCase(Locale.ROOT).contains("e")
                ? Integer.parseInt(published.toLowerCase(Locale.ROOT).split("e")[1]) : 0;
        int decimals = mant.contains(".") ? mant.length() - mant.indexOf('.') - 1 : 0;
        return Math.pow(10, exp - decimals);
    }

    @Test
    void detectsInfeasibilityOfInfp1() throws IOException {
        SdpProblem p = read("infp1");
        SdpSolution s = new PureSdpSolver().solve(p, SdpOptions.DEFAULTS);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.INFEASIBLE);
        double[][] y = s.dualBlocks();
        assertThat(p.dualObjectiveValue(y)).isCloseTo(1.0, within(1e-9));
        double norm = 0;
        for (double v : p.dualAction(y)) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isLessThan(1e-7);
    }

    @Test
    void detectsUnboundednessOfInfd1() throws IOException {
        SdpProblem p = read("infd1");
        SdpSolution s = new PureSdpSolver().solve(p, SdpOptions.DEFAULTS);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.UNBOUNDED);
        double[] ray = s.y();
        assertThat(p.objectiveValue(ray)).isCloseTo(-1.0, within(1e-9));
        // sum_i y_i F_i = S(ray) + F_0 must lie in the cone up to the tolerance
        double[][] slack = p.slack(ray);
        double[][] withF0 = new double[slack.length][];
        for (int k = 0; k < slack.length; k++) {
            withF0[k] = slack[k].clone();
            p.coefficient(0, k).addTo(p.block(k).kind().isDiagonal(), 1.0, withF0[k], p.block(k).size());
            if (p.block(k).kind().isDiagonal()) {
                for (double v : withF0[k]) {
                    assertThat(v).isGreaterThan(-1e-6);
                }
            } else {
                assertThat(io.polysos.sdp.DimacsErrors.minEigenvalue(withF0[k], p.block(k).size()))
                        .isGreaterThan(-1e-6);
            }
        }
    }

    @Test
    void reportsTimingsAndSolverName() throws IOException {
        SdpSolution s = new PureSdpSolver().solve(read("truss1"), SdpOptions.DEFAULTS);
        assertThat(s.solverName()).isEqualTo("pure");
        assertThat(s.solverVersion()).isEqualTo(PureSdpSolver.VERSION);
        assertThat(s.timings()).containsKeys("setup", "solve", "total");
        assertThat(s.iterations()).isPositive();
    }

    @Test
    void meetsATenTimesTighterFeasibilityToleranceOnControl2ThroughTheEndgameCorrection() throws IOException {
        // the last direction's rounding leaves the primal residual near 1e-8 (a difference of large terms)
        Reference ref = optimalReferences().stream().filter(r -> r.name().equals("control2")).findFirst().orElseThrow();
        SdpOptions tight = SdpOptions.builder().feasibilityTolerance(1e-9).build();
        SdpSolution s = new PureSdpSolver().solve(read("control2"), tight);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        double expected = 0.5 * (ref.primal() + ref.dual());
        assertThat(s.primalObjective()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        assertThat(s.dimacs().err1()).isLessThan(1e-9);
    }

    @Test
    void givesSameAnswerWithOneAndSeveralThreads() throws IOException {
        SdpProblem p = read("theta1");
        SdpSolution one = new PureSdpSolver().solve(p, SdpOptions.builder().threads(1).build());
        SdpSolution two = new PureSdpSolver().solve(p, SdpOptions.builder().threads(3).build());
        assertThat(two.status()).isEqualTo(one.status());
        assertThat(two.primalObjective()).isCloseTo(one.primalObjective(), within(1e-7));
    }

    /** One row of the table of degenerate instances in the test resources' README. */
    record Degenerate(String name, double optimum) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Degenerate> degenerateInstances() throws IOException {
        List<Degenerate> out = new ArrayList<>();
        for (String line : resourceText("README.md").split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 7 || !isNumber(cells[6].trim())) {
                continue;
            }
            out.add(new Degenerate(cells[1].trim(), Double.parseDouble(cells[6].trim())));
        }
        assertThat(out).as("rows of the degenerate instances' README").isNotEmpty();
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(PureSdpSolverTest.class.getResourceAsStream(name), name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            StringBuilder sb = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * The problem with its last block, a NONNEG(2s) block holding F and -F (how SDPA files
     * carry an equality block), turned back into the ZERO(s) block it was written from.
     */
    static SdpProblem withEqualityBlock(SdpProblem p) {
        int m = p.numVariables();
        int last = p.numBlocks() - 1;
        BlockSpec split = p.block(last);
        assertThat(split.kind()).isEqualTo(BlockKind.NONNEG);
        int s = split.size() / 2;
        SdpProblem.Builder b = SdpProblem.builder(m).name(p.name()).objective(p.objective());
        for (int k = 0; k < last; k++) {
            b.addBlock(p.block(k));
        }
        b.addBlock(BlockKind.ZERO, s);
        for (int i = 0; i <= m; i++) {
            for (int k = 0; k <= last; k++) {
                SparseSymMatrix f = p.coefficient(i, k);
                for (int e = 0; e < f.nnz(); e++) {
                    if (k < last) {
                        b.entry(i, k, f.row(e), f.col(e), f.value(e));
                    } else if (f.row(e) < s) {
                        assertThat(f.get(f.row(e) + s, f.row(e) + s)).isEqualTo(-f.value(e));
                        b.entry(i, k, f.row(e), f.row(e), f.value(e));
                    }
                }
            }
        }
        return b.build();
    }

    private static void assertSolvedTo(SdpSolution s, double optimum) {
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        double tol = 1e-6 * Math.max(1, Math.abs(optimum));
        assertThat(s.primalObjective()).isCloseTo(optimum, within(tol));
        assertThat(s.dualObjective()).isCloseTo(optimum, within(tol));
        for (double e : s.dimacs().toArray()) {
            assertThat(Math.abs(e)).isLessThan(1e-7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerateInstances")
    void solvesMomentRelaxationWithEqualityBlockAndNoStrictlyFeasiblePoint(Degenerate inst) throws IOException {
        SdpProblem split = SdpaFormat.parse(resourceText(inst.name() + ".dat-s"), inst.name());
        SdpProblem p = withEqualityBlock(split);
        assertThat(p.block(p.numBlocks() - 1).kind()).isEqualTo(BlockKind.ZERO);
        assertSolvedTo(new PureSdpSolver().solve(p, SdpOptions.DEFAULTS), inst.optimum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerateInstances")
    void solvesMomentRelaxationWithEqualitiesSplitIntoInequalities(Degenerate inst) throws IOException {
        SdpProblem split = SdpaFormat.parse(resourceText(inst.name() + ".dat-s"), inst.name());
        assertSolvedTo(new PureSdpSolver().solve(split, SdpOptions.DEFAULTS), inst.optimum());
    }

    @Test
    void refusesAProblemTooLargeForTheHeapBeforeAllocatingWithAClearMessage() {
        SdpProblem.Builder b = SdpProblem.builder(1).name("huge");
        b.addBlock(BlockKind.PSD, 40_000);
        b.objective(0, 1.0).entry(1, 0, 0, 0, 1.0).entry(0, 0, 1, 1, 1.0);
        SdpProblem p = b.build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PureSdpSolver().solve(p, SdpOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge' is too large for the pure backend")
                .hasMessageMatching("(?s).*needs about [0-9.]+ GiB of heap .*");
        org.assertj.core.api.Assertions.assertThat(new PureSdpSolver().estimateBytes(p))
                .isGreaterThan(16L * 8 * 40_000 * 40_000);
    }
}
