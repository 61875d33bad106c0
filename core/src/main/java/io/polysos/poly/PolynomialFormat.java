package io.polysos.poly;

import java.util.List;

/**
 * Prints a {@link Polynomial} in the syntax that {@link PolynomialParser} reads: terms in the
 * polynomial's order (increasing rank, highest degree last), unit coefficients omitted,
 * integral coefficients without a fraction, "0" for zero. Stateless.
 */
final class PolynomialFormat {

    private PolynomialFormat() {
    }

    /** See {@link Polynomial#toString(List)}. */
    static String format(Polynomial p, List<String> names) {
        int n = p.numVariables();
        if (names.size() != n) {
            throw new IllegalArgumentException(names.size() + " names for " + n + " variables");
        }
        if (p.isZero()) {
            return "0";
        }
        long[] ranks = p.ranksInternal();
        int[] exps = p.exponentsInternal();
        double[] coefs = p.coefficientsInternal();
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < ranks.length; t++) {
            double c = coefs[t];
            if (t == 0) {
                if (c < 0) {
                    sb.append('-');
                }
            } else {
                sb.append(c < 0 ? " - " : " + ");
            }
            double a = Math.abs(c);
            boolean constantTerm = ranks[t] == 0;
            boolean first = true;
            if (a != 1.0 || constantTerm) {
                sb.append(formatNumber(a));
                first = false;
            }
            for (int i = 0; i < n; i++) {
                int e = exps[t * n + i];
                if (e == 0) {
                    continue;
                }
                if (!first) {
                    sb.append('*');
                }
                first = false;
                sb.append(names.get(i));
                if (e > 1) {
                    sb.append('^').append(e);
                }
            }
        }
        return sb.toString();
    }

    /** An integral |coefficient| below 1e15 as an integer, otherwise Double.toString. */
    private static String formatNumber(double a) {
        if (a == Math.rint(a) && a < 1e15) {
            return Long.toString((long) a);
        }
        return Double.toString(a);
    }
}
