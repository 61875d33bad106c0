package io.polysos.poly;

import java.util.Arrays;

/**
 * A mutable accumulator of polynomial terms for hot loops: {@code p += c z^a},
 * {@code p += s * q}, {@code p += s * q1 * q2}. When the space of monomials of degree at most
 * the expected degree has at most {@link #DENSE_LIMIT} elements, the coefficients live in a
 * dense array indexed by rank (no hashing, no allocation per term); otherwise terms are
 * collected and merged by sorting at {@link #build()}. Terms of higher degree than expected
 * are accepted (the dense array grows; lower ranks keep their place because the order is
 * graded). Not thread-safe; reusable after {@link #clear()}.
 */
public final class PolynomialBuilder {

    /** Largest monomial space kept as a dense array (doubles). */
    public static final int DENSE_LIMIT = 1 << 21;

    private final int n;
    private boolean dense;
    // dense mode
    private double[] acc;
    private boolean[] touched;
    private int[] touchedList;
    private int numTouched;
    // sparse mode
    private long[] sRanks;
    private double[] sValues;
    private int sCount;

    /**
     * @param n number of variables
     * @param expectedMaxDegree the degree the result is expected to have (a sizing hint)
     */
    public PolynomialBuilder(int n, int expectedMaxDegree) {
        if (n < 0) {
            throw new IllegalArgumentException("number of variables must be >= 0, got " + n);
        }
        this.n = n;
        long count = Monomials.count(n, Math.max(expectedMaxDegree, 0));
        if (count <= DENSE_LIMIT) {
            dense = true;
            int size = (int) count;
            acc = new double[size];
            touched = new boolean[size];
            touchedList = new int[Math.min(size, 16)];
        } else {
            dense = false;
            sRanks = new long[64];
            sValues = new double[64];
        }
    }

    /** @return the number of variables */
    public int numVariables() {
        return n;
    }

    /** Removes every term; keeps the storage. */
    public PolynomialBuilder clear() {
        if (dense) {
            for (int i = 0; i < numTouched; i++) {
                int r = touchedList[i];
                acc[r] = 0;
                touched[r] = false;
            }
            numTouched = 0;
        } else {
            sCount = 0;
        }
        return this;
    }

    /** p += c z^a (a of length n, not modified). */
    public PolynomialBuilder addTerm(int[] a, double c) {
        if (a.length != n) {
            throw new IllegalArgumentException("exponent vector of length " + a.length + ", expected " + n);
        }
        Polynomial.checkFinite(c);
        addRank(Monomials.rank(a), c);
        return this;
    }

    /** p += c * (monomial of the given rank). */
    public PolynomialBuilder addRank(long rank, double c) {
        if (c == 0) {
            return this;
        }
        if (dense) {
            if (rank >= acc.length) {
                grow(rank);
            }
            if (dense) {
                int r = (int) rank;
                if (!touched[r]) {
                    touched[r] = true;
                    if (numTouched == touchedList.length) {
                        touchedList = Arrays.copyOf(touchedList, Math.max(16, 2 * numTouched));
                    }
                    touchedList[numTouched++] = r;
                }
                acc[r] += c;
                return this;
            }
        }
        if (sCount == sRanks.length) {
            sRanks = Arrays.copyOf(sRanks, 2 * sCount);
            sValues = Arrays.copyOf(sValues, 2 * sCount);
        }
        sRanks[sCount] = rank;
        sValues[sCount] = c;
        sCount++;
        return this;
    }

    /** p += c (constant). */
    public PolynomialBuilder addConstant(double c) {
        Polynomial.checkFinite(c);
        return addRank(0, c);
    }

    /** p += q. */
    public PolynomialBuilder add(Polynomial q) {
        return add(q, 1.0);
    }

    /** p += s * q. */
    public PolynomialBuilder add(Polynomial q, double s) {
        check(q);
        Polynomial.checkFinite(s);
        long[] r = q.ranksInternal();
        double[] c = q.coefficientsInternal();
        for (int t = 0; t < r.length; t++) {
            addRank(r[t], s * c[t]);
        }
        return this;
    }

    /** p += s * q1 * q2, each product's index computed from the exponent arrays in O(n). */
    public PolynomialBuilder addProduct(Polynomial q1, Polynomial q2, double s) {
        check(q1);
        check(q2);
        Polynomial.checkFinite(s);
        if (dense && q1.degree() + q2.degree() >= 0) {
            long need = Monomials.count(n, q1.degree() + q2.degree()) - 1;
            if (need >= acc.length) {
                grow(need);
            }
        }
        int[] e1 = q1.exponentsInternal();
        int[] e2 = q2.exponentsInternal();
        double[] c1 = q1.coefficientsInternal();
        double[] c2 = q2.coefficientsInternal();
        int m1 = c1.length;
        int m2 = c2.length;
        for (int i = 0; i < m1; i++) {
            double a = s * c1[i];
            int off1 = i * n;
            for (int j = 0; j < m2; j++) {
                addRank(Monomials.rankOfSum(e1, off1, e2, j * n, n), a * c2[j]);
            }
        }
        return this;
    }

    /** p += c * z^a * q (a of length n, not modified). */
    public PolynomialBuilder addMonomialTimes(int[] a, double c, Polynomial q) {
        check(q);
        if (a.length != n) {
            throw new IllegalArgumentException("exponent vector of length " + a.length + ", expected " + n);
        }
        int[] e = q.exponentsInternal();
        double[] qc = q.coefficientsInternal();
        for (int j = 0; j < qc.length; j++) {
            addRank(Monomials.rankOfSum(a, 0, e, j * n, n), c * qc[j]);
        }
        return this;
    }

    /** @return the accumulated polynomial (the builder keeps its terms) */
    public Polynomial build() {
        if (dense) {
            int[] idx = Arrays.copyOf(touchedList, numTouched);
            Arrays.sort(idx);
            int k = 0;
            for (int r : idx) {
                if (acc[r] != 0) {
                    k++;
                }
            }
            long[] ranks = new long[k];
            double[] coefs = new double[k];
            int[] exps = new int[k * n];
            int t = 0;
            for (int r : idx) {
                double v = acc[r];
                if (v != 0) {
                    ranks[t] = r;
                    coefs[t] = v;
                    Monomials.unrank(n, r, exps, t * n);
                    t++;
                }
            }
            return new Polynomial(n, ranks, exps, coefs);
        }
        Integer[] order = new Integer[sCount];
        for (int i = 0; i < sCount; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(sRanks[x], sRanks[y]));
        long[] ranks = new long[sCount];
        double[] coefs = new double[sCount];
        int k = 0;
        int i = 0;
        while (i < sCount) {
            long r = sRanks[order[i]];
            double v = 0;
            while (i < sCount && sRanks[order[i]] == r) {
                v += sValues[order[i]];
                i++;
            }
            if (v != 0) {
                ranks[k] = r;
                coefs[k] = v;
                k++;
            }
        }
        int[] exps = new int[k * n];
        for (int t = 0; t < k; t++) {
            Monomials.unrank(n, ranks[t], exps, t * n);
        }
        return new Polynomial(n, Arrays.copyOf(ranks, k), exps, Arrays.copyOf(coefs, k));
    }

    private void grow(long rank) {
        int d = Monomials.degreeOfRank(n, rank);
        long count = Monomials.count(n, d);
        if (count <= DENSE_LIMIT) {
            int size = (int) Math.max(count, Math.min(DENSE_LIMIT, 2L * acc.length));
            acc = Arrays.copyOf(acc, size);
            touched = Arrays.copyOf(touched, size);
            return;
        }
        // switch to sparse mode, carrying the dense terms over
        sRanks = new long[Math.max(64, 2 * numTouched)];
        sValues = new double[sRanks.length];
        sCount = 0;
        dense = false;
        for (int i = 0; i < numTouched; i++) {
            int r = touchedList[i];
            if (acc[r] != 0) {
                sRanks[sCount] = r;
                sValues[sCount] = acc[r];
                sCount++;
            }
        }
        acc = null;
        touched = null;
        touchedList = null;
        numTouched = 0;
    }

    private void check(Polynomial q) {
        if (q.numVariables() != n) {
            throw new IllegalArgumentException("polynomial in " + q.numVariables() + " variables added to a builder in "
                    + n + " variables");
        }
    }
}
