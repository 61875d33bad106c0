package io.polysos.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable sparse polynomial p(z) = sum_t a_t z^{e_t} in a fixed number of variables,
 * the training compiler's output form (converted to the POP layer's polynomials by
 * {@link TrainingProblem}). Terms have distinct exponent vectors and nonzero coefficients,
 * in insertion order.
 */
public final class SparsePolynomial {

    private final int numVariables;
    private final int[][] exponents;
    private final double[] coefficients;

    private SparsePolynomial(int numVariables, int[][] exponents, double[] coefficients) {
        this.numVariables = numVariables;
        this.exponents = exponents;
        this.coefficients = coefficients;
    }

    /** @return the zero polynomial in n variables */
    public static SparsePolynomial zero(int n) {
        return new SparsePolynomial(n, new int[0][], new double[0]);
    }

    /** @return n, the number of variables */
    public int numVariables() {
        return numVariables;
    }

    /** @return the number of terms */
    public int numTerms() {
        return coefficients.length;
    }

    /** @return a copy of the exponent vector of term t */
    public int[] exponent(int t) {
        return exponents[t].clone();
    }

    /** @return the coefficient of term t */
    public double coefficient(int t) {
        return coefficients[t];
    }

    /** @return the total degree (0 for the zero polynomial) */
    public int degree() {
        int d = 0;
        for (int[] e : exponents) {
            int s = 0;
            for (int v : e) {
                s += v;
            }
            d = Math.max(d, s);
        }
        return d;
    }

    /** @return the coefficient of z^e (0 when absent); e not modified */
    public double coefficientOf(int[] e) {
        for (int t = 0; t < exponents.length; t++) {
            if (Arrays.equals(exponents[t], e)) {
                return coefficients[t];
            }
        }
        return 0.0;
    }

    /**
     * p(z).
     *
     * @param z point of length n (not modified)
     */
    public double evaluate(double[] z) {
        if (z.length != numVariables) {
            throw new IllegalArgumentException("point has length " + z.length + ", expected " + numVariables);
        }
        double s = 0;
        for (int t = 0; t < coefficients.length; t++) {
            double m = coefficients[t];
            int[] e = exponents[t];
            for (int v = 0; v < e.length; v++) {
                for (int p = 0; p < e[v]; p++) {
                    m *= z[v];
                }
            }
            s += m;
        }
        return s;
    }

    /** @return this polynomial in the POP layer's representation */
    public io.polysos.poly.Polynomial toPolynomial() {
        return io.polysos.poly.Polynomial.of(numVariables, exponents, coefficients);
    }

    /** @return a + s * this (new polynomial) */
    public SparsePolynomial scaleAndShift(double s, double a) {
        Builder b = builder(numVariables);
        b.add(new int[numVariables], a);
        for (int t = 0; t < coefficients.length; t++) {
            b.add(exponents[t], s * coefficients[t]);
        }
        return b.build();
    }

    @Override
    public String toString() {
        if (coefficients.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < coefficients.length; t++) {
            double c = coefficients[t];
            sb.append(t == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + ")).append(Math.abs(c));
            for (int v = 0; v < numVariables; v++) {
                if (exponents[t][v] > 0) {
                    sb.append("*z").append(v).append(exponents[t][v] > 1 ? "^" + exponents[t][v] : "");
                }
            }
        }
        return sb.toString();
    }

    /** @return a builder of a polynomial in n variables */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** Accumulates terms; equal exponents are summed; exact zeros dropped at build. */
    public static final class Builder {
        private final int n;
        private final Map<Key, Integer> index = new HashMap<>();
        private final List<int[]> exps = new ArrayList<>();
        private double[] coefs = new double[16];

        private Builder(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("number of variables must be >= 0, got " + n);
            }
            this.n = n;
        }

        /** Adds a * z^e (e copied, not modified). */
        public Builder add(int[] e, double a) {
            if (e.length != n) {
                throw new IllegalArgumentException("exponent has length " + e.length + ", expected " + n);
            }
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("coefficient is not finite: " + a);
            }
            if (a == 0.0) {
                return this;
            }
            Key k = new Key(e);
            Integer t = index.get(k);
            if (t == null) {
                int[] copy = e.clone();
                t = exps.size();
                index.put(new Key(copy), t);
                exps.add(copy);
                if (t == coefs.length) {
                    coefs = Arrays.copyOf(coefs, 2 * t);
                }
            }
            coefs[t] += a;
            return this;
        }

        public SparsePolynomial build() {
            int cnt = 0;
            for (int t = 0; t < exps.size(); t++) {
                if (coefs[t] != 0.0) {
                    cnt++;
                }
            }
            int[][] e = new int[cnt][];
            double[] c = new double[cnt];
            int o = 0;
            for (int t = 0; t < exps.size(); t++) {
                if (coefs[t] != 0.0) {
                    e[o] = exps.get(t);
                    c[o++] = coefs[t];
                }
            }
            return new SparsePolynomial(n, e, c);
        }
    }

    /** Hash key over an exponent vector. */
    record Key(int[] e) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(e, k.e);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(e);
        }
    }
}
