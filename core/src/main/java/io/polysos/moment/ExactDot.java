package io.polysos.moment;

/**
 * A dot product sum_i x_i y_i accumulated in twice the working precision with a rigorous
 * error bound: Algorithm Dot2 of Ogita, Rump and Oishi, <i>Accurate sum and dot product</i>,
 * SIAM J. Sci. Comput. 26 (2005), built on the error-free transformations TwoProduct (by
 * {@link Math#fma}) and TwoSum. Their Proposition 5.5 bounds the error of the result by
 * <pre>
 *   |dot2 - x^T y| &lt;= u |x^T y| + gamma_n^2 |x|^T |y|,   u = 2^-53, gamma_n = n u / (1 - n u),
 * </pre>
 * barring underflow; {@link #errorBound()} returns 2 u |dot2| + 2 gamma_n^2 |x|^T|y| (with
 * |x|^T|y| accumulated with upward slack), which covers it. Mutable, not thread-safe.
 */
final class ExactDot {

    /** The unit roundoff u = 2^-53 of IEEE double. */
    static final double U = 0x1p-53;

    private double p;
    private double s;
    private double abs;
    private long n;

    /** Adds x * y. */
    void add(double x, double y) {
        double h = x * y;
        double r = Math.fma(x, y, -h);
        double sum = p + h;
        double z = sum - p;
        double q = (p - (sum - z)) + (h - z);
        p = sum;
        s += q + r;
        abs += Math.abs(h);
        n++;
    }

    /** Adds x (as x * 1). */
    void add(double x) {
        add(x, 1.0);
    }

    /** @return the compensated value of the sum */
    double value() {
        return p + s;
    }

    /** @return an upper bound on |value() - exact sum| */
    double errorBound() {
        double g = gamma(n);
        double absUp = up(abs, n);
        return up(2 * U * Math.abs(value()) + 2 * g * g * absUp, 4);
    }

    void reset() {
        p = 0;
        s = 0;
        abs = 0;
        n = 0;
    }

    /** @return gamma_n = n u / (1 - n u), rounded up (n u &lt; 1/2 assumed for the sizes used here) */
    static double gamma(long n) {
        double nu = n * U;
        return Math.nextUp(Math.nextUp(nu) / Math.nextDown(1 - nu));
    }

    /**
     * @return an upper bound on the exact sum of {@code terms} nonnegative numbers whose sum
     *         computed in double (in any order) is {@code x}: x (1 + gamma_terms) rounded up
     */
    static double up(double x, long terms) {
        return Math.nextUp(x * (1 + 2 * gamma(terms + 2)));
    }
}
