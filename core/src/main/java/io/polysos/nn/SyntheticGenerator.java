package io.polysos.nn;

import java.util.List;
import java.util.Random;

/**
 * Generates synthetic instances following the paper's section 4 protocol with this
 * project's distributions (DESIGN section 6): W_l ~ N(0,1)/sqrt(m_{l-1}) entrywise,
 * x_i ~ N(0, I), learned coefficients ~ U[-1, 1] (fixed constants as given), y_i =
 * f(x_i; c_true) + eps_i with eps_i ~ sigma N(0, I); an independent noisy test set of the
 * same size. The reported noise norm is the RMS of the per-sample norms ||eps_i||_2 of the
 * training set. Deterministic for a given seed.
 */
public final class SyntheticGenerator {

    private SyntheticGenerator() {
    }

    /**
     * @param name        instance name
     * @param widths      m_0..m_{D+1}
     * @param activations p_1..p_D
     * @param samples     N (training and test set each)
     * @param sigma       noise standard deviation, &gt;= 0
     * @param seed        random seed
     */
    public static NetworkInstance generate(String name, int[] widths, List<Activation> activations, int samples,
                                           double sigma, long seed) {
        if (widths.length != activations.size() + 2) {
            throw new IllegalArgumentException("need " + (activations.size() + 2) + " widths m_0..m_{D+1}, got " + widths.length);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        Random rnd = new Random(seed);
        double[][][] w = new double[widths.length - 1][][];
        for (int l = 0; l < w.length; l++) {
            if (widths[l] < 1 || widths[l + 1] < 1) {
                throw new IllegalArgumentException("widths must be >= 1");
            }
            double s = 1.0 / Math.sqrt(widths[l]);
            w[l] = new double[widths[l + 1]][widths[l]];
            for (double[] row : w[l]) {
                for (int q = 0; q < row.length; q++) {
                    row[q] = s * rnd.nextGaussian();
                }
            }
        }
        PolynomialNetwork net = new PolynomialNetwork(w, activations);
        double[] c = new double[net.numLearned()];
        for (int k = 0; k < c.length; k++) {
            c[k] = 2 * rnd.nextDouble() - 1;
        }
        double[] noiseSq = new double[1];
        Dataset train = sample(net, c, samples, sigma, rnd, noiseSq);
        double rms = Math.sqrt(noiseSq[0] / samples);
        Dataset test = sample(net, c, samples, sigma, rnd, new double[1]);
        NetworkInstance.Truth truth = new NetworkInstance.Truth(c, net.coefficientNames(), sigma, rms);
        String desc = "Section-4 protocol, seed " + seed + ", noise sigma " + sigma;
        return new NetworkInstance(name, desc, net, train, test, truth, null);
    }

    /** The instance of a paper configuration at size index s (0..4). */
    public static NetworkInstance paper(PaperExperiment e, int s, double sigma, long seed) {
        int n = PaperExperiment.SIZES[s][0];
        int m = PaperExperiment.SIZES[s][1];
        int[] widths = new int[e.depth() + 2];
        java.util.Arrays.fill(widths, m);
        return generate(e.id() + "-N" + n + "-m" + m, widths, e.activations(), n, sigma, seed);
    }

    private static Dataset sample(PolynomialNetwork net, double[] c, int n, double sigma, Random rnd, double[] noiseSq) {
        double[][] x = new double[n][net.inputWidth()];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < x[i].length; q++) {
                x[i][q] = rnd.nextGaussian();
            }
            y[i] = net.forward(x[i], c);
            for (int j = 0; j < y[i].length; j++) {
                double e = sigma * rnd.nextGaussian();
                y[i][j] += e;
                noiseSq[0] += e * e;
            }
        }
        return new Dataset(x, y);
    }
}
