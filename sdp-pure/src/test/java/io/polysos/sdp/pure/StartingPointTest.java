package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpaFormat;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Mehrotra's starting point, its automatic choice and the backend parameter that sets it. */
class StartingPointTest {

    private static SdpProblem sdplib(String name) throws IOException {
        Path file = PureSdpSolverTest.sdplib().resolve(name + ".dat-s");
        assumeTrue(Files.exists(file), "SDPLIB file missing: " + file);
        return SdpaFormat.read(file);
    }

    /**
     * The point is X~ + sx I, y~, Z~ + sz I with A(X~) = c and Z~ = A^T y~ - C: so
     * c - A(X0) = -sx A(I) and A^T y0 - C - Z0 = -sz I on every block, with sx, sz > 0, and
     * both X0 and Z0 are positive definite.
     */
    private static void assertMehrotraPoint(SdpProblem p) {
        Kernels k = Kernels.forProblem(p);
        ProblemData d = new ProblemData(p, k);
        Iterate it = new Iterate(d);
        Residuals res = new Residuals(d);
        NewtonSystem ns = new NewtonSystem(d, k, null, null, it, res, 1e-8, null, 1);
        assertThat(StartingPoint.apply(d, it, res, ns)).isTrue();
        res.compute(it);
        // A(I) per variable
        DMatrixRMaj[] id = Iterate.blocks(d);
        for (int b = 0; b < d.nPsd; b++) {
            for (int r = 0; r < d.psdSize[b]; r++) {
                id[b].set(r, r, 1.0);
            }
        }
        double[] ones = new double[d.nLin];
        java.util.Arrays.fill(ones, 1.0);
        double[] ai = new double[d.m];
        ConeOperator.applyA(d, id, ones, 1.0, ai);
        int ref = 0;
        for (int i = 1; i < d.m; i++) {
            if (Math.abs(ai[i]) > Math.abs(ai[ref])) {
                ref = i;
            }
        }
        double sx = -res.rp[ref] / ai[ref];
        assertThat(sx).as("primal shift").isPositive();
        double scale = 1 + maxAbs(d.c) + sx * maxAbs(ai);
        for (int i = 0; i < d.m; i++) {
            assertThat(res.rp[i]).as("c - A(X0) at variable %d", i).isCloseTo(-sx * ai[i], within(1e-9 * scale));
        }
        double sz = -res.fd[0].get(0, 0);
        assertThat(sz).as("dual shift").isPositive();
        for (int b = 0; b < d.nPsd; b++) {
            int n = d.psdSize[b];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    assertThat(res.fd[b].get(r, c)).as("A^T y0 - C - Z0 in block %d at (%d, %d)", b, r, c)
                            .isCloseTo(r == c ? -sz : 0.0, within(1e-9 * (1 + sz)));
                }
            }
            assertThat(DecompositionFactory_DDRM.chol(n, true).decompose(it.x[b].copy())).as("X0 block %d", b).isTrue();
            assertThat(DecompositionFactory_DDRM.chol(n, true).decompose(it.z[b].copy())).as("Z0 block %d", b).isTrue();
        }
        for (int q = 0; q < d.nLin; q++) {
            assertThat(it.xL[q]).isPositive();
            assertThat(it.zL[q]).isPositive();
            assertThat(res.fdL[q]).isCloseTo(-sz, within(1e-9 * (1 + sz)));
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void mehrotraPointSolvesTheEquationsUpToItsShifts() throws IOException {
        assertMehrotraPoint(KernelsTest.hankel(5));
        assertMehrotraPoint(sdplib("truss1"));   // PSD blocks only
        assertMehrotraPoint(sdplib("control1")); // two PSD blocks of different sizes
        assertMehrotraPoint(sdplib("mcp100"));
    }

    @Test
    void autoTakesMehrotrasPointForMomentRelaxationsOnly() throws IOException {
        // hankel(d) has (2d + 1)(2d + 2) / 2 moments: 66 at d = 5, 435 at d = 14
        SdpProblem small = KernelsTest.hankel(5);
        SdpProblem large = KernelsTest.hankel(14);
        assertThat(StartingPoint.looksLikeMomentRelaxation(new ProblemData(large, Kernels.forProblem(large)))).isTrue();
        assertThat(StartingPoint.looksLikeMomentRelaxation(new ProblemData(small, Kernels.forProblem(small))))
                .as("fewer moments than AUTO_MIN_VARIABLES").isFalse();
        for (String name : List.of("truss1", "theta1", "mcp100", "control2", "qap5", "arch0")) {
            SdpProblem p = sdplib(name);
            assertThat(StartingPoint.looksLikeMomentRelaxation(new ProblemData(p, Kernels.forProblem(p))))
                    .as(name).isFalse();
        }
    }

    @Test
    void verboseLogNamesTheStartingPoint() throws IOException {
        List<String> lines = new ArrayList<>();
        SdpOptions o = SdpOptions.builder().verbose(true).logSink(lines::add).build();
        new PureSdpSolver().solve(sdplib("truss1"), o);
        assertThat(lines).contains("starting point: CSDP's; objective perturbation on");
        lines.clear();
        new PureSdpSolver().solve(sdplib("truss1"), o.toBuilder().backendParameter("start", "mehrotra").build());
        assertThat(lines).contains("starting point: Mehrotra's; objective perturbation on");
        lines.clear();
        new PureSdpSolver().solve(sdplib("truss1"), o.toBuilder().backendParameter("start", "mehrotra")
                .backendParameter("perturbation", "off").build());
        assertThat(lines).contains("starting point: Mehrotra's; objective perturbation off");
        lines.clear();
        new PureSdpSolver().solve(StartingPointTest.lineRelaxation(14), o.toBuilder().backendParameter("perturbation", "on")
                .build());
        assertThat(lines).contains("starting point: Mehrotra's; objective perturbation on");
    }

    @Test
    void unknownOrMalformedSettingsAreRefused() throws IOException {
        SdpProblem p = sdplib("truss1");
        assertThatThrownBy(() -> new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("strat", "auto").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown pure setting 'strat'")
                .hasMessageContaining("start");
        assertThatThrownBy(() -> new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("start", "best").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, csdp or mehrotra")
                .hasMessageContaining("'best'");
        assertThatThrownBy(() -> new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("perturbation", "maybe")
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, on or off");
        assertThat(new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("start", " CSDP ")
                .backendParameter("perturbation", "On").build()).status().hasSolution()).isTrue();
    }

    static List<PureSdpSolverTest.Reference> references() throws IOException {
        return PureSdpSolverTest.optimalReferences();
    }

    /** Forced on every shared SDPLIB problem, Mehrotra's point reaches the status and value of CSDP's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void mehrotraStartReachesTheSameAnswers(PureSdpSolverTest.Reference ref) throws IOException {
        SdpProblem p = sdplib(ref.name());
        SdpSolution csdp = new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("start", "csdp").build());
        SdpSolution meh = new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("start", "mehrotra").build());
        assertThat(meh.status()).as(meh.message()).isEqualTo(csdp.status());
        if (csdp.status().hasSolution()) {
            double tol = ref.name().startsWith("hinf") ? 1e-4 : 1e-7;
            assertThat(meh.primalObjective()).isCloseTo(csdp.primalObjective(),
                    within(tol * (1 + Math.abs(csdp.primalObjective()))));
        }
    }

    /**
     * The bivariate monomials up to degree 2d, graded, as the index of x1^i x2^j under the key
     * (i << 32) | j; index 0, the constant, is F_0 of a moment relaxation.
     */
    private static java.util.Map<Long, Integer> bivariateMoments(int d) {
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (int deg = 0; deg <= 2 * d; deg++) {
            for (int i = deg; i >= 0; i--) {
                index.put(((long) i << 32) | (deg - i), index.size());
            }
        }
        return index;
    }

    /**
     * The order-d moment relaxation of min x2^2 - x2 on the unit disc with x1 >= 0 and
     * -x1 >= 0 (so x1 = 0; optimum -1/4 at x2 = 1/2), bivariate, graded basis, y_0 = 1 in F_0.
     * The two localizing matrices of +-x1 force L(x1 b_r b_c) = 0, so y has no interior
     * point: the case the objective perturbation is for. At d = 14 it has 434 moments.
     */
    static SdpProblem lineRelaxation(int d) {
        java.util.Map<Long, Integer> index = bivariateMoments(d);
        SdpProblem.Builder b = SdpProblem.builder(index.size() - 1);
        b.objective(index.get(2L) - 1, 1.0);   // y_(0,2)
        b.objective(index.get(1L) - 1, -1.0);  // -y_(0,1)
        localizing(b, index, d, new int[][] {{0, 0}}, new double[] {1});
        localizing(b, index, d - 1, new int[][] {{1, 0}}, new double[] {1});
        localizing(b, index, d - 1, new int[][] {{1, 0}}, new double[] {-1});
        localizing(b, index, d - 1, new int[][] {{0, 0}, {2, 0}, {0, 2}}, new double[] {1, -1, -1});
        return b.build();
    }

    /** The localizing block of g = sum gc_t x^gm_t on the basis of degree d (g = 1: the moment matrix). */
    private static void localizing(SdpProblem.Builder b, java.util.Map<Long, Integer> index, int d, int[][] gm,
            double[] gc) {
        List<int[]> basis = new ArrayList<>();
        for (int deg = 0; deg <= d; deg++) {
            for (int i = deg; i >= 0; i--) {
                basis.add(new int[] {i, deg - i});
            }
        }
        int n = basis.size();
        int blk = b.addBlock(io.polysos.sdp.BlockKind.PSD, n);
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                for (int t = 0; t < gm.length; t++) {
                    int e0 = basis.get(r)[0] + basis.get(c)[0] + gm[t][0];
                    int e1 = basis.get(r)[1] + basis.get(c)[1] + gm[t][1];
                    int q = index.get(((long) e0 << 32) | e1);
                    // the constant moment y_0 = 1 enters through F_0 (the matrix is sum y_i F_i - F_0)
                    b.addEntry(q, blk, r, c, q == 0 ? -gc[t] : gc[t]);
                }
            }
        }
    }

    @Test
    void automaticRunSolvesAMomentRelaxationWithoutInteriorPoints() {
        SdpProblem p = lineRelaxation(14);
        ProblemData d = new ProblemData(p, Kernels.forProblem(p));
        assertThat(StartingPoint.looksLikeMomentRelaxation(d)).isTrue();
        List<String> lines = new ArrayList<>();
        SdpSolution auto = new PureSdpSolver().solve(p, SdpOptions.builder().verbose(true).logSink(lines::add).build());
        assertThat(lines).as("perturbation=auto leaves the automatic run unperturbed")
                .contains("starting point: Mehrotra's; objective perturbation off");
        assertThat(auto.status()).as(auto.message()).isEqualTo(io.polysos.sdp.SdpStatus.OPTIMAL);
        assertThat(auto.primalObjective()).isCloseTo(-0.25, within(1e-7));
        SdpSolution csdp = new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("start", "csdp").build());
        assertThat(csdp.primalObjective()).isCloseTo(auto.primalObjective(), within(1e-7));
    }

    /**
     * An automatic run that ends short of the tolerances (here unreachable ones) runs again
     * from Mehrotra's point with the objective perturbation, then from CSDP's point; the
     * iterations of all passes are reported.
     */
    @Test
    void automaticRunThatEndsInaccurateIsRestartedWithThePerturbationThenFromCsdpsPoint() {
        SdpProblem p = lineRelaxation(14);
        List<String> lines = new ArrayList<>();
        SdpSolution s = new PureSdpSolver().solve(p, SdpOptions.builder().tolerance(1e-15).verbose(true)
                .logSink(lines::add).build());
        List<String> restarts = lines.stream().filter(l -> l.startsWith("restarting from")).toList();
        assertThat(restarts).hasSize(2);
        assertThat(restarts.get(0)).startsWith("restarting from Mehrotra's starting point with the objective perturbation")
                .contains("from Mehrotra's starting point without the objective perturbation")
                .endsWith("objective perturbation on");
        assertThat(restarts.get(1)).startsWith("restarting from CSDP's starting point")
                .endsWith("objective perturbation on");
        long iterationLines = lines.stream().filter(l -> l.matches("\\s*\\d+ pobj=.*")).count();
        assertThat(s.iterations()).as("all passes count").isEqualTo((int) iterationLines - 3);
        assertThat(s.message()).contains("restart");
        assertThat(s.status()).isNotEqualTo(io.polysos.sdp.SdpStatus.OPTIMAL);
        assertThat(s.primalObjective()).as("the answer kept is still a near-optimal iterate").isCloseTo(-0.25, within(1e-6));
    }

    /**
     * The order-d moment relaxation of min x1^2 + x2^2 subject to x1 + x2 - 1 &gt;= 0 (optimum
     * 1/2 at (1/2, 1/2)), bivariate, graded basis. At d = 14 (434 moments) the automatic run
     * without the objective perturbation loses primal feasibility near the optimum (X grows
     * along the kernel of Z), which the divergence guard catches.
     */
    static SdpProblem ballHalfplaneRelaxation(int d) {
        java.util.Map<Long, Integer> index = bivariateMoments(d);
        SdpProblem.Builder b = SdpProblem.builder(index.size() - 1);
        b.objective(index.get(2L << 32) - 1, 1.0); // y_(2,0)
        b.objective(index.get(2L) - 1, 1.0);       // y_(0,2)
        localizing(b, index, d, new int[][] {{0, 0}}, new double[] {1});
        localizing(b, index, d - 1, new int[][] {{0, 0}, {1, 0}, {0, 1}}, new double[] {-1, 1, 1});
        return b.build();
    }

    @Test
    void risingPrimalInfeasibilityWithoutThePerturbationRestartsWithIt() {
        SdpProblem p = ballHalfplaneRelaxation(14);
        ProblemData d = new ProblemData(p, Kernels.forProblem(p));
        assertThat(StartingPoint.looksLikeMomentRelaxation(d)).isTrue();
        List<String> lines = new ArrayList<>();
        SdpSolution s = new PureSdpSolver().solve(p, SdpOptions.builder().verbose(true).logSink(lines::add).build());
        List<String> restarts = lines.stream().filter(l -> l.startsWith("restarting from")).toList();
        assertThat(restarts).hasSize(1);
        assertThat(restarts.get(0)).startsWith("restarting from Mehrotra's starting point with the objective perturbation")
                .contains("diverging: the primal infeasibility");
        assertThat(s.status()).as(s.message()).isEqualTo(io.polysos.sdp.SdpStatus.OPTIMAL);
        assertThat(s.primalObjective()).isCloseTo(0.5, within(1e-7));
        SdpSolution on = new PureSdpSolver().solve(p, SdpOptions.builder().backendParameter("perturbation", "on").build());
        assertThat(on.status()).isEqualTo(io.polysos.sdp.SdpStatus.OPTIMAL);
        assertThat(s.iterations()).as("the unperturbed pass was stopped early").isLessThanOrEqualTo(2 * on.iterations());
    }
}
