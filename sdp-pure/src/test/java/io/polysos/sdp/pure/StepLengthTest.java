package io.polysos.sdp.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.junit.jupiter.api.Test;

class StepLengthTest {

    /** One PSD block of order n (the data do not matter to the step length). */
    private static ProblemData oneBlock(int n) {
        SdpProblem.Builder b = SdpProblem.builder(1);
        int k = b.addBlock(BlockKind.PSD, n);
        b.objective(0, 1.0).entry(0, k, 0, 0, 1.0).entry(1, k, 0, 0, 1.0);
        return new ProblemData(b.build(), Kernels.scalar());
    }

    private static DMatrixRMaj randomSpd(int n, Random rnd, double shift) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(a, a, s);
        for (int i = 0; i < n; i++) {
            s.add(i, i, shift);
        }
        return s;
    }

    private static DMatrixRMaj lowerInverse(DMatrixRMaj v) {
        DMatrixRMaj l = v.copy();
        CholeskyDecompositionInner_DDRM c = new CholeskyDecompositionInner_DDRM(true);
        assertThat(c.decompose(l)).isTrue();
        int n = v.numRows;
        for (int r = 0; r < n; r++) {
            for (int col = r + 1; col < n; col++) {
                l.data[r * n + col] = 0;
            }
        }
        TriangularSolver_DDRM.invertLower(l.data, n);
        return l;
    }

    private static double exactStep(DMatrixRMaj v, DMatrixRMaj d) {
        DMatrixRMaj linv = lowerInverse(v);
        DMatrixRMaj t = new DMatrixRMaj(v.numRows, v.numRows);
        DMatrixRMaj g = new DMatrixRMaj(v.numRows, v.numRows);
        CommonOps_DDRM.mult(linv, d, t);
        CommonOps_DDRM.multTransB(t, linv, g);
        double min = Double.POSITIVE_INFINITY;
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(v.numRows, false, true);
        CommonOps_DDRM.add(g, g.copy(), g);
        CommonOps_DDRM.scale(0.5, g);
        assertThat(eig.decompose(g)).isTrue();
        for (int i = 0; i < v.numRows; i++) {
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        return min >= 0 ? Double.POSITIVE_INFINITY : -1 / min;
    }

    private static double step(int n, DMatrixRMaj v, DMatrixRMaj d, StepLength[] keep) {
        ProblemData pd = oneBlock(n);
        StepLength s = new StepLength(pd, Kernels.scalar(), Iterate.blocks(pd), Iterate.blocks(pd));
        keep[0] = s;
        return s.max(new DMatrixRMaj[] {v}, new DMatrixRMaj[] {lowerInverse(v)}, new DMatrixRMaj[] {d},
                new double[0], new double[0]);
    }

    @Test
    void lanczosStepsAgreeWithTheExactEigenvaluesAndStayInsideTheCone() {
        Random rnd = new Random(7);
        for (int n : new int[] {StepLength.LANCZOS_MIN_BLOCK, 100}) {
            for (int trial = 0; trial < 5; trial++) {
                DMatrixRMaj v = randomSpd(n, rnd, trial == 0 ? 1e-6 : 1.0);   // one nearly singular V
                DMatrixRMaj d = new DMatrixRMaj(n, n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double x = rnd.nextGaussian();
                        d.set(i, j, x);
                        d.set(j, i, x);
                    }
                }
                double exact = exactStep(v, d);
                StepLength[] s = new StepLength[1];
                double got = step(n, v, d, s);
                assertThat(got).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(0.1));
                // the longest step the iteration takes from it keeps V + t D positive definite
                DMatrixRMaj w = v.copy();
                CommonOps_DDRM.addEquals(w, Math.min(1, StepLength.CHECKED_FRACTION * got), d);
                assertThat(new CholeskyDecompositionInner_DDRM(true).decompose(w)).isTrue();
            }
        }
    }

    /**
     * D's only negative direction is orthogonal to every Lanczos vector (it is orthogonal to the
     * start vector and D leaves its complement invariant): the estimate misses it, the Cholesky
     * check catches the too-long step and the exact path answers.
     */
    @Test
    void aMissedEigenvalueFallsBackToTheExactStep() {
        int n = 80;
        ProblemData pd = oneBlock(n);
        StepLength probe = new StepLength(pd, Kernels.scalar(), Iterate.blocks(pd), Iterate.blocks(pd));
        // the start vector StepLength uses: find e orthogonal to it (two coordinates suffice)
        double q0 = 1.0 + 0.5 * Math.sin(1.0);
        double q1 = 1.0 + 0.5 * Math.sin(8.0);
        double[] e = new double[n];
        e[0] = q1;
        e[1] = -q0;
        double norm = Math.hypot(q0, q1);
        e[0] /= norm;
        e[1] /= norm;
        // D = 0.5 P - 5 e e^T with P the projection on e's complement, V = I: from the start
        // vector the Krylov space is invariant at once (G q0 = 0.5 q0), so Lanczos sees 0.5 only
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            d.add(i, i, 0.5);
            for (int j = 0; j < n; j++) {
                d.add(i, j, -5.5 * e[i] * e[j]);
            }
        }
        DMatrixRMaj v = CommonOps_DDRM.identity(n);
        double got = probe.max(new DMatrixRMaj[] {v}, new DMatrixRMaj[] {lowerInverse(v)}, new DMatrixRMaj[] {d},
                new double[0], new double[0]);
        assertThat(got).isCloseTo(exactStep(v, d), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(probe.lanczosFallbacks).isEqualTo(1);
    }
}
