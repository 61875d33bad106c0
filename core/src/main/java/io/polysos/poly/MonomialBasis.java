package io.polysos.poly;

import java.util.Arrays;

/**
 * All monomials of degree at most d in n variables, in the order of {@link Monomials}, with
 * their exponent vectors cached in one flat array: the monomial of rank r has exponents
 * {@code exponents()[r*n .. r*n+n)}. Immutable and thread-safe. Index i of this basis is the
 * rank of its monomial, so "index of a + b" is {@link #rankOfSum(int, int)}, O(n) without
 * hashing.
 */
public final class MonomialBasis {

    private final int n;
    private final int maxDegree;
    private final int size;
    private final int[] exps;
    private final int[] degrees;

    /**
     * @param n number of variables, &gt;= 0
     * @param maxDegree d &gt;= 0
     * @throws IllegalArgumentException when C(n + d, d) exceeds an int
     */
    public MonomialBasis(int n, int maxDegree) {
        if (maxDegree < 0) {
            throw new IllegalArgumentException("maximum degree must be >= 0, got " + maxDegree);
        }
        this.n = n;
        this.maxDegree = maxDegree;
        this.size = Monomials.countAsInt(n, maxDegree);
        this.exps = new int[Math.multiplyExact(size, Math.max(n, 1))];
        this.degrees = new int[size];
        // enumerate in order: successive monomials within a degree
        int[] a = new int[n];
        int r = 0;
        for (int d = 0; d <= maxDegree; d++) {
            if (n == 0) {
                if (d == 0) {
                    r++;
                }
                continue;
            }
            Arrays.fill(a, 0);
            a[0] = d;
            while (true) {
                System.arraycopy(a, 0, exps, r * n, n);
                degrees[r] = d;
                r++;
                if (!next(a)) {
                    break;
                }
            }
        }
        if (r != size) {
            throw new IllegalStateException("enumerated " + r + " monomials, expected " + size);
        }
    }

    /** Advances a to the next monomial of the same degree in descending lex order; false at the end. */
    private static boolean next(int[] a) {
        int n = a.length;
        // find the last position j < n-1 with a[j] > 0
        int j = n - 2;
        while (j >= 0 && a[j] == 0) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        int tail = a[n - 1];
        a[n - 1] = 0;
        a[j]--;
        a[j + 1] = tail + 1;
        return true;
    }

    /** @return n */
    public int numVariables() {
        return n;
    }

    /** @return d */
    public int maxDegree() {
        return maxDegree;
    }

    /** @return C(n + d, d) */
    public int size() {
        return size;
    }

    /** @return the number of monomials of degree at most e &lt;= d, C(n + e, e) (a prefix of this basis) */
    public int sizeOfDegree(int e) {
        if (e < 0 || e > maxDegree) {
            throw new IllegalArgumentException("degree " + e + " outside [0, " + maxDegree + "]");
        }
        return (int) Monomials.count(n, e);
    }

    /** @return the degree of monomial r */
    public int degree(int r) {
        return degrees[r];
    }

    /** @return exponent of variable i in monomial r */
    public int exponent(int r, int i) {
        return exps[r * n + i];
    }

    /** @return a copy of the exponent vector of monomial r */
    public int[] exponentVector(int r) {
        return Arrays.copyOfRange(exps, r * n, r * n + n);
    }

    /**
     * @return the internal flat exponent array (length size*n), monomial r at offset r*n;
     *         callers must not modify it
     */
    public int[] exponents() {
        return exps;
    }

    /** @return rank of monomial r1 times monomial r2, O(n); may exceed this basis' size */
    public int rankOfSum(int r1, int r2) {
        return (int) Monomials.rankOfSum(exps, r1 * n, exps, r2 * n, n);
    }

    /** @return rank of the product of monomials r1, r2, r3 of this basis, O(n) */
    public int rankOfSum(int r1, int r2, int r3) {
        return (int) Monomials.rankOfSum(exps, r1 * n, exps, r2 * n, exps, r3 * n, n);
    }

    /** @return rank of monomial r times z_i (the index of z_i * z^a), O(n) */
    public int rankTimesVariable(int r, int i) {
        long s = 0;
        long rank = 0;
        for (int j = n - 1; j >= 0; j--) {
            s += exps[r * n + j] + (j == i ? 1 : 0);
            rank += Monomials.binomial((int) s + n - j - 1, n - j);
        }
        return (int) rank;
    }

    /** @return z^a for monomial r at the point z (length n, not modified) */
    public double evaluate(int r, double[] z) {
        double v = 1;
        for (int i = 0; i < n; i++) {
            int e = exps[r * n + i];
            if (e > 0) {
                v *= ipow(z[i], e);
            }
        }
        return v;
    }

    static double ipow(double x, int e) {
        double r = 1;
        double b = x;
        while (e > 0) {
            if ((e & 1) != 0) {
                r *= b;
            }
            b *= b;
            e >>= 1;
        }
        return r;
    }

    @Override
    public String toString() {
        return "MonomialBasis[n=" + n + ", d=" + maxDegree + ", size=" + size + "]";
    }
}
