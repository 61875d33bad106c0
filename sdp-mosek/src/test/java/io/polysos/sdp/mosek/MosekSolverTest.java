package io.polysos.sdp.mosek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The translation to Fusion and the mapping back, against the recording fake. */
class MosekSolverTest {

    private MosekSolver solver;

    @BeforeEach
    void bindFake() {
        FakeFusionScript.reset();
        solver = new MosekSolver(FusionApi.bind(FakeFusionScript.loader()));
    }

    /** m = 2; blocks PSD(2), NONNEG(2), ZERO(1), every F_0 nonzero. */
    private static SdpProblem threeKinds() {
        SdpProblem.Builder b = SdpProblem.builder(2).name("three-kinds");
        b.addBlock(BlockKind.PSD, 2);
        b.addBlock(BlockKind.NONNEG, 2);
        b.addBlock(BlockKind.ZERO, 1);
        b.objective(new double[] {1.5, -2.0});
        b.denseBlock(0, 0, new double[][] {{1, 0.5}, {0.5, 2}});
        b.denseBlock(1, 0, new double[][] {{1, 3}, {3, 0}});
        b.denseBlock(2, 0, new double[][] {{0, -1}, {-1, 4}});
        b.vectorBlock(0, 1, new double[] {0, -1});
        b.vectorBlock(1, 1, new double[] {2, 0});
        b.vectorBlock(2, 1, new double[] {1, 1});
        b.vectorBlock(0, 2, new double[] {0.25});
        b.vectorBlock(1, 2, new double[] {1});
        return b.build();
    }

    private static double[] times(FakeFusionScript.Sparse a, double[] x) {
        assertThat(a.cols()).isEqualTo(x.length);
        double[] r = new double[a.rows()];
        for (int e = 0; e < a.val().length; e++) {
            r[a.subi()[e]] += a.val()[e] * x[a.subj()[e]];
        }
        return r;
    }

    private static double[] randomSymmetric(Random rnd, int s) {
        double[] y = new double[s * s];
        for (int r = 0; r < s; r++) {
            for (int c = r; c < s; c++) {
                y[r * s + c] = rnd.nextGaussian();
                y[c * s + r] = y[r * s + c];
            }
        }
        return y;
    }

    @Test
    void translatesEachBlockKindToTheDualFormWithOneSparseMapPerBlock() {
        SdpProblem p = threeKinds();

        solver.solve(p, SdpOptions.DEFAULTS);

        assertThat(FakeFusionScript.calls).containsSubsequence(
                "new Model(three-kinds)",
                "variable(inPSDCone(2)) -> V0",
                "variable(2, greaterThan(0.0)) -> V1",
                "variable(1, unbounded()) -> V2",
                "constraint(add(add(mul(M0, flatten(V0)), mul(M2, V1)), mul(M3, V2)), equalsTo(E0)) -> C0",
                "objective(Minimize, add(add(dot(M1, V0), dot(D0, V1)), dot(D1, V2)))",
                "acceptedSolutionStatus(Anything)",
                "solve",
                "dispose");
        assertThat(FakeFusionScript.equalities.get(0)).containsExactly(1.5, -2.0);
        // A_k vec(Y_k) = (<F_{i,k}, Y_k>)_i and the objective is -<F_{0,k}, Y_k>, for random Y_k
        Random rnd = new Random(42);
        double[][] yb = {randomSymmetric(rnd, 2), {rnd.nextGaussian(), rnd.nextGaussian()}, {rnd.nextGaussian()}};
        int[] map = {0, 2, 3};
        double[] sum = new double[2];
        for (int k = 0; k < 3; k++) {
            double[] part = times(FakeFusionScript.matrices.get(map[k]), yb[k]);
            sum[0] += part[0];
            sum[1] += part[1];
        }
        double[] expected = p.dualAction(yb);
        assertThat(sum[0]).isCloseTo(expected[0], within(1e-12));
        assertThat(sum[1]).isCloseTo(expected[1], within(1e-12));
        FakeFusionScript.Sparse f0 = FakeFusionScript.matrices.get(1);
        assertThat(f0.rows()).isEqualTo(2);
        assertThat(f0.cols()).isEqualTo(2);
        double objPsd = 0;
        for (int e = 0; e < f0.val().length; e++) {
            objPsd += f0.val()[e] * yb[0][f0.subi()[e] * 2 + f0.subj()[e]];
        }
        double objVec = dot(FakeFusionScript.dotVectors.get(0), yb[1]) + dot(FakeFusionScript.dotVectors.get(1), yb[2]);
        assertThat(objPsd + objVec).isCloseTo(-p.dualObjectiveValue(yb), within(1e-12));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void mapsOptionsToMosekParametersAndTheLogToTheSink() {
        FakeFusionScript.logLines.addAll(List.of("ITE PFEAS DFEAS", "0 1.0e+00 1.0e+00"));
        List<String> sink = new ArrayList<>();
        SdpOptions o = SdpOptions.builder().relativeGapTolerance(1e-9).feasibilityTolerance(1e-8).maxIterations(50)
                .timeLimitSeconds(12.5).threads(2).verbose(true).logSink(sink::add)
                .backendParameter("intpntSolveForm", "dual").build();

        SdpSolution s = solver.solve(threeKinds(), o);

        assertThat(FakeFusionScript.params).containsEntry("intpntCoTolRelGap", 1e-9)
                .containsEntry("intpntCoTolPfeas", 1e-8).containsEntry("intpntCoTolDfeas", 1e-8)
                .containsEntry("intpntMaxIterations", 50).containsEntry("optimizerMaxTime", 12.5)
                .containsEntry("numThreads", 2).containsEntry("intpntSolveForm", "dual");
        assertThat(sink).containsExactly("ITE PFEAS DFEAS", "0 1.0e+00 1.0e+00");
        assertThat(s.log()).isEqualTo(sink);
    }

    @Test
    void leavesMosekDefaultsAndLogAloneWithoutOptions() {
        solver.solve(threeKinds(), SdpOptions.DEFAULTS);

        assertThat(FakeFusionScript.params).isEmpty();
        assertThat(FakeFusionScript.calls).doesNotContain("setLogHandler");
    }

    /** min y s.t. y - 1 &gt;= 0: y* = 1, Y* = 1. */
    private static SdpProblem oneByOne() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.NONNEG, 1);
        b.objective(0, 1.0);
        b.vectorBlock(1, 0, new double[] {1});
        b.vectorBlock(0, 0, new double[] {1});
        return b.build();
    }

    @Test
    void mapsAnOptimalSolutionBackWithYTheNegatedConstraintDual() {
        FakeFusionScript.levels.add(new double[] {1.0});
        FakeFusionScript.duals.add(new double[] {-1.0});

        SdpSolution s = solver.solve(oneByOne(), SdpOptions.DEFAULTS);

        assertThat(s.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(s.y()).containsExactly(1.0);
        assertThat(s.dualBlock(0)).containsExactly(1.0);
        assertThat(s.primalObjective()).isEqualTo(1.0);
        assertThat(s.dualObjective()).isEqualTo(1.0);
        assertThat(s.dimacs().max()).isLessThan(1e-12);
        assertThat(s.iterations()).isEqualTo(7);
        assertThat(s.solverName()).isEqualTo("mosek");
        assertThat(s.timings()).containsKeys("setup", "solve", "total");
    }

    @Test
    void symmetrizesPsdDualBlocks() {
        FakeFusionScript.levels.add(new double[] {1, 0.25, 0.75, 2});

        SdpSolution s = solver.solve(threeKinds(), SdpOptions.DEFAULTS);

        assertThat(s.dualBlock(0)).containsExactly(1, 0.5, 0.5, 2);
    }

    @Test
    void reportsMosekDualInfeasibilityAsInfeasibleWithANormalizedCertificate() {
        FakeFusionScript.problemStatus = "DualInfeasible";
        FakeFusionScript.primalStatus = "Certificate";
        FakeFusionScript.dualStatus = "Unknown";
        // min y s.t. 0*y - 1 >= 0 is infeasible; Y = 2 has <F1,Y> = 0, <F0,Y> = 2
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.NONNEG, 1);
        b.objective(0, 1.0);
        b.vectorBlock(0, 0, new double[] {1});
        SdpProblem p = b.build();
        FakeFusionScript.levels.add(new double[] {2.0});

        SdpSolution s = solver.solve(p, SdpOptions.DEFAULTS);

        assertThat(s.status()).isEqualTo(SdpStatus.INFEASIBLE);
        assertThat(s.dualBlock(0)).containsExactly(1.0);
        assertThat(p.dualObjectiveValue(s.dualBlocks())).isEqualTo(1.0);
    }

    @Test
    void reportsMosekPrimalInfeasibilityAsUnboundedWithANormalizedRay() {
        FakeFusionScript.problemStatus = "PrimalInfeasible";
        FakeFusionScript.primalStatus = "Unknown";
        FakeFusionScript.dualStatus = "Certificate";
        // min y s.t. y >= 0 ... with c = -1: min -y s.t. y >= 0 is unbounded, ray y = 3 (u = -3)
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.NONNEG, 1);
        b.objective(0, -1.0);
        b.vectorBlock(1, 0, new double[] {1});
        FakeFusionScript.duals.add(new double[] {-3.0});

        SdpSolution s = solver.solve(b.build(), SdpOptions.DEFAULTS);

        assertThat(s.status()).isEqualTo(SdpStatus.UNBOUNDED);
        assertThat(s.y()).containsExactly(1.0);
        assertThat(s.primalObjective()).isEqualTo(-1.0);
    }

    @Test
    void refusesACertificateThatDoesNotCheck() {
        FakeFusionScript.problemStatus = "DualInfeasible";
        FakeFusionScript.primalStatus = "Certificate";
        FakeFusionScript.levels.add(new double[] {-1.0});

        SdpSolution s = solver.solve(oneByOne(), SdpOptions.DEFAULTS);

        assertThat(s.status()).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(s.message()).contains("does not check");
    }

    @Test
    void mapsIterationAndTimeLimitsOfBothCodeRanges() {
        FakeFusionScript.problemStatus = "Unknown";
        FakeFusionScript.primalStatus = "Unknown";
        FakeFusionScript.dualStatus = "Unknown";
        FakeFusionScript.optimizeResponse = 100_000;
        assertThat(solver.solve(oneByOne(), SdpOptions.DEFAULTS).status()).isEqualTo(SdpStatus.ITERATION_LIMIT);
        FakeFusionScript.optimizeResponse = 10_001;
        assertThat(solver.solve(oneByOne(), SdpOptions.DEFAULTS).status()).isEqualTo(SdpStatus.TIME_LIMIT);
    }

    @Test
    void judgesAStalledIterateByItsDimacsErrors() {
        FakeFusionScript.problemStatus = "Unknown";
        FakeFusionScript.primalStatus = "Unknown";
        FakeFusionScript.dualStatus = "Unknown";
        FakeFusionScript.optimizeResponse = 100_006;
        FakeFusionScript.levels.add(new double[] {1.0});
        FakeFusionScript.duals.add(new double[] {-1.0});
        assertThat(solver.solve(oneByOne(), SdpOptions.DEFAULTS).status()).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);

        FakeFusionScript.levels.set(0, new double[] {0.5});
        SdpSolution bad = solver.solve(oneByOne(), SdpOptions.DEFAULTS);
        assertThat(bad.status()).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(bad.message()).contains("DIMACS");
    }

    @Test
    void disposesTheModelWhenMosekFails() {
        FakeFusionScript.licenceOk = false;

        SdpSolution s = solver.solve(threeKinds(), SdpOptions.DEFAULTS);

        assertThat(s.status()).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(s.message()).contains("License cannot be located");
        assertThat(FakeFusionScript.modelsDisposed).isEqualTo(FakeFusionScript.modelsCreated).isEqualTo(1);
    }

    @Test
    void stopsBeforeSolvingWhenAlreadyCancelled() {
        SdpSolution s = solver.solve(threeKinds(), SdpOptions.builder().cancellation(() -> true).build());

        assertThat(s.status()).isEqualTo(SdpStatus.INTERRUPTED);
        assertThat(FakeFusionScript.modelsCreated).isZero();
    }

    @Test
    void classifiesIllPosedAndCancelledRunsAsFailures() {
        assertThat(MosekSolver.classify("IllPosed", "Unknown", "Unknown", 0, false))
                .isEqualTo(MosekSolver.Outcome.NUMERICAL_ERROR);
        assertThat(MosekSolver.classify("Unknown", "Unknown", "Unknown", 100_007, false))
                .isEqualTo(MosekSolver.Outcome.INTERRUPTED);
        assertThat(MosekSolver.classify("Unknown", "Unknown", "Unknown", 0, true))
                .isEqualTo(MosekSolver.Outcome.INTERRUPTED);
        assertThat(MosekSolver.classify("PrimalAndDualFeasible", "Optimal", "Optimal", 0, true))
                .isEqualTo(MosekSolver.Outcome.OPTIMAL);
    }
}
