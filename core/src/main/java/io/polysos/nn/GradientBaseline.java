package io.polysos.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The local baseline: gradient-based training of the same coefficients by L-BFGS from R
 * seeded random starts c0 ~ U[-1, 1]^n, on a smooth form of the loss: for
 * {@link Loss#PAPER} the squared mean residual ||fbar(c) - ybar||_2^2, otherwise the mean
 * squared residual (1/(N m)) sum_i ||f(x_i; c) - y_i||^2. Gradients come from the
 * network's forward-mode Jacobian. Each run reports the true loss at its end point and
 * whether it reached a given certified optimum.
 */
public final class GradientBaseline {

    /** Default number of random starts. */
    public static final int DEFAULT_RUNS = 20;
    /** Default L-BFGS iteration limit per run. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** Relative tolerance for "reached the certified optimum": |L - L*| &lt;= tol * max(1, |L*|). */
    public static final double DEFAULT_OPTIMUM_TOLERANCE = 1e-6;

    private GradientBaseline() {
    }

    /**
     * One run.
     *
     * @param start           the starting point
     * @param coefficients    the end point
     * @param loss            the true loss at the end point
     * @param reachedOptimum  whether the loss is within tolerance of the certified optimum (false when none was given)
     */
    public record Run(double[] start, double[] coefficients, double loss, boolean reachedOptimum) {
    }

    /**
     * Runs the baseline.
     *
     * @param certifiedOptimum the certified optimal loss, or NaN when unknown
     */
    public static List<Run> run(PolynomialNetwork net, Dataset data, Loss loss, int runs, long seed,
                                double certifiedOptimum) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        Random rnd = new Random(seed);
        LocalSearch.Smooth f = smooth(net, data, loss);
        List<Run> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double[] c0 = new double[net.numLearned()];
            for (int k = 0; k < c0.length; k++) {
                c0[k] = 2 * rnd.nextDouble() - 1;
            }
            double[] c = LocalSearch.lbfgs(f, c0, DEFAULT_MAX_ITERATIONS);
            double l;
            try {
                l = loss.evaluate(net, data, c);
            } catch (IllegalArgumentException e) {
                l = Double.POSITIVE_INFINITY;
            }
            boolean reached = Double.isFinite(certifiedOptimum) && Double.isFinite(l)
                    && Math.abs(l - certifiedOptimum) <= DEFAULT_OPTIMUM_TOLERANCE * Math.max(1, Math.abs(certifiedOptimum));
            out.add(new Run(c0, c, l, reached));
        }
        return out;
    }

    /** @return the fraction of runs that reached the certified optimum */
    public static double successRate(List<Run> runs) {
        return runs.stream().filter(Run::reachedOptimum).count() / (double) runs.size();
    }

    /** The smooth training objective with its gradient (see the class comment). */
    static LocalSearch.Smooth smooth(PolynomialNetwork net, Dataset data, Loss loss) {
        int n = net.numLearned();
        int mo = net.outputWidth();
        int nn = data.size();
        double[] ybar = data.meanOutput();
        return (c, grad) -> {
            for (double v : c) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
            }
            double[] out = new double[mo];
            double[][] jac = new double[mo][n];
            java.util.Arrays.fill(grad, 0.0);
            if (loss == Loss.PAPER) {
                double[] fbar = new double[mo];
                double[][] jbar = new double[mo][n];
                for (int i = 0; i < nn; i++) {
                    net.forward(data.inputs()[i], c, out, jac);
                    for (int j = 0; j < mo; j++) {
                        fbar[j] += out[j] / nn;
                        for (int k = 0; k < n; k++) {
                            jbar[j][k] += jac[j][k] / nn;
                        }
                    }
                }
                double v = 0;
                for (int j = 0; j < mo; j++) {
                    double r = fbar[j] - ybar[j];
                    v += r * r;
                    for (int k = 0; k < n; k++) {
                        grad[k] += 2 * r * jbar[j][k];
                    }
                }
                return v;
            }
            double v = 0;
            double scale = 1.0 / ((double) nn * mo);
            for (int i = 0; i < nn; i++) {
                net.forward(data.inputs()[i], c, out, jac);
                for (int j = 0; j < mo; j++) {
                    double r = out[j] - data.outputs()[i][j];
                    v += r * r * scale;
                    for (int k = 0; k < n; k++) {
                        grad[k] += 2 * r * jac[j][k] * scale;
                    }
                }
            }
            return v;
        };
    }
}
