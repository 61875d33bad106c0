package io.polysos.nn;

/**
 * The paper's accuracy measures (section 4): AbsErr = ||c_true - c_pred||_2,
 * RelErr = AbsErr / ||eps||_2 with ||eps|| the noise norm (this project: the RMS over samples
 * of the per-sample noise norms ||eps_i||_2), test residuals eps_i = f(x~_i; c_pred) - y~_i,
 * MSE = (1/N) sum_i ||eps_i||_2^2 and RMSE = sqrt(MSE). Arrays are not modified.
 */
public final class Metrics {

    private Metrics() {
    }

    /** @return ||a - b||_2 */
    public static double absErr(double[] truth, double[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("lengths differ: " + truth.length + " vs " + predicted.length);
        }
        double s = 0;
        for (int k = 0; k < truth.length; k++) {
            double d = truth[k] - predicted[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** @return absErr / noiseNorm (NaN when the noise norm is 0) */
    public static double relErr(double absErr, double noiseNorm) {
        return noiseNorm > 0 ? absErr / noiseNorm : Double.NaN;
    }

    /** @return eps[i][j] = f_j(x_i; c) - y_ij for every sample of data */
    public static double[][] residuals(PolynomialNetwork net, Dataset data, double[] c) {
        double[][] r = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            r[i] = net.forward(data.inputs()[i], c);
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] -= data.outputs()[i][j];
            }
        }
        return r;
    }

    /** @return ||eps_i||_2 for each row */
    public static double[] rowNorms(double[][] eps) {
        double[] n = new double[eps.length];
        for (int i = 0; i < eps.length; i++) {
            double s = 0;
            for (double v : eps[i]) {
                s += v * v;
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }

    /** @return (1/N) sum_i ||eps_i||_2^2 */
    public static double mse(double[][] eps) {
        double s = 0;
        for (double v : rowNorms(eps)) {
            s += v * v;
        }
        return s / eps.length;
    }

    /** @return sqrt((1/N) sum_i ||eps_i||_2^2), the RMS of the per-sample norms */
    public static double rms(double[][] eps) {
        return Math.sqrt(mse(eps));
    }
}
