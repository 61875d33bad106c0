package io.polysos.moment;

/**
 * Decides the numerical rank of a positive semidefinite matrix from its eigenvalues sorted in
 * decreasing order. Implementations are stateless strategy objects; the spectrum behind a
 * decision is kept in {@link RankDecision}.
 */
public interface RankStrategy {

    /** Default relative tolerance of {@link #relative(double)}: eigenvalues above tol * lambda_max count. */
    double DEFAULT_RELATIVE_TOLERANCE = 1e-4;

    /**
     * Default minimum ratio of {@link #largestGap(double)}: a gap lambda_r / lambda_{r+1} below
     * this is no gap, and the matrix counts as of full rank.
     */
    double DEFAULT_MIN_GAP_RATIO = 1e3;

    /**
     * @param eigenvaluesDescending the spectrum, largest first (not modified)
     * @return the numerical rank, in [0, length]
     */
    int rank(double[] eigenvaluesDescending);

    /** @return a short description for reports, e.g. {@code relative(1e-4)} */
    String describe();

    /**
     * Counts the eigenvalues above tol * max(lambda_max, 0): rank = #{i : lambda_i &gt; tol lambda_max}.
     * A matrix whose largest eigenvalue is not positive has rank 0.
     */
    static RankStrategy relative(double tol) {
        if (!(tol > 0 && tol < 1)) {
            throw new IllegalArgumentException("relative rank tolerance must be in (0, 1), got " + tol);
        }
        return new RankStrategy() {
            @Override
            public int rank(double[] ev) {
                if (ev.length == 0 || !(ev[0] > 0)) {
                    return 0;
                }
                double cut = tol * ev[0];
                int r = 0;
                while (r < ev.length && ev[r] > cut) {
                    r++;
                }
                return r;
            }

            @Override
            public String describe() {
                return "relative(" + tol + ")";
            }
        };
    }

    /**
     * Eigenvalues below this fraction of lambda_max are noise for {@link #largestGap(double)}:
     * an SDP solved to ~1e-8 leaves eigenvalues of that size on a null space, and ratios
     * among them say nothing about the rank.
     */
    double DEFAULT_GAP_NOISE_FLOOR = 1e-10;

    /**
     * The largest-gap rule: with eigenvalues clipped below at
     * {@link #DEFAULT_GAP_NOISE_FLOOR} lambda_max, rank = the
     * index r maximizing lambda_{r-1} / lambda_r (over r = 1..s-1) when that ratio is at least
     * minRatio; otherwise the matrix is of full rank s.
     */
    static RankStrategy largestGap(double minRatio) {
        if (!(minRatio > 1)) {
            throw new IllegalArgumentException("minimum gap ratio must be > 1, got " + minRatio);
        }
        return new RankStrategy() {
            @Override
            public int rank(double[] ev) {
                if (ev.length == 0 || !(ev[0] > 0)) {
                    return 0;
                }
                double floor = DEFAULT_GAP_NOISE_FLOOR * ev[0];
                double best = 0;
                int bestR = ev.length;
                for (int r = 1; r < ev.length; r++) {
                    double ratio = Math.max(ev[r - 1], floor) / Math.max(ev[r], floor);
                    if (ratio > best) {
                        best = ratio;
                        bestR = r;
                    }
                }
                return best >= minRatio ? bestR : ev.length;
            }

            @Override
            public String describe() {
                return "largestGap(" + minRatio + ")";
            }
        };
    }

    /** @return the default strategy: {@code relative(DEFAULT_RELATIVE_TOLERANCE)} */
    static RankStrategy defaultStrategy() {
        return relative(DEFAULT_RELATIVE_TOLERANCE);
    }
}
