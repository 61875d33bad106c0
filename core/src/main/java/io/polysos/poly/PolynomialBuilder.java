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
    // sparse mode: an open-addressing hash table rank -> coefficient (EMPTY marks a free slot),
    // so memory follows the number of distinct terms, not the number of products added
    private static final long EMPTY = -1;
    private long[] sRanks;
    private double[] sValues;
    private int sCount;

    /**
     * @param n number of variables
     * @param expectedMaxDegree the degree the result is expected to have (a sizing hint)
     */
    public PolynomialBuilder(int n, int expectedMaxDegree) {
        this(n, expectedMaxDegree, Long.MAX_VALUE);
    }

    /**
     * @param n number of variables
     * @param expectedMaxDegree the degree the result is expected to have (a sizing hint)
     * @param maxTerms an upper bound on the number of distinct terms that will be added (e.g.
     *        the number of term products of a multiplication): the dense array is used only
     *        when it is not much larger than that, so a product of small polynomials of high
     *        degree does not allocate the whole monomial space
     */
    public PolynomialBuilder(int n, int expectedMaxDegree, long maxTerms) {
        if (n < 0) {
            throw new IllegalArgumentException("number of variables must be >= 0, got " + n);
        }
        this.n = n;
        long count = Monomials.count(n, Math.max(expectedMaxDegree, 0));
        if (count <= DENSE_LIMIT && count <= Math.max(4096, 8 * Math.min(maxTerms, DENSE_LIMIT))) {
            dense = true;
            int size = (int) count;
            acc = new double[size];
            touched = new boolean[size];
            touchedList = new int[Math.min(size, 16)];
        } else {
            dense = false;
            initSparse(64);
        }
    }

    private void initSparse(int capacity) {
        sRanks = new long[capacity];
        Arrays.fill(sRanks, EMPTY);
        sValues = new double[capacity];
        sCount = 0;
    }

    private int slot(long rank, long[] keys) {
        int mask = keys.length - 1;
        int i = (int) ((rank * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (keys[i] != EMPTY && keys[i] != rank) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void addSparse(long rank, double c) {
        int i = slot(rank, sRanks);
        if (sRanks[i] == rank) {
            sValues[i] += c;
            return;
        }
        if (2 * (sCount + 1) > sRanks.length) {
            long[] oldK = sRanks;
            double[] oldV = sValues;
            initSparse(2 * oldK.length);
            for (int t = 0; t < oldK.length; t++) {
                if (oldK[t] != EMPTY) {
                    int j = slot(oldK[t], sRanks);
                    sRanks[j] = oldK[t];
                    sValues[j] = oldV[t];
                    sCount++;
                }
            }
            i = slot(rank, sRanks);
        }
        sRanks[i] = rank;
        sValues[i] = c;
        sCount++;
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
            Arrays.fill(sRanks, EMPTY);
            Arrays.fill(sValues, 0);
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
        addSparse(rank, c);
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
        long[] ranks = new long[sCount];
        int k = 0;
        for (long r : sRanks) {
            if (r != EMPTY) {
                ranks[k++] = r;
            }
        }
        Arrays.sort(ranks, 0, k);
        double[] coefs = new double[k];
        int kept = 0;
        for (int t = 0; t < k; t++) {
            double v = sValues[slot(ranks[t], sRanks)];
            if (v != 0) {
                ranks[kept] = ranks[t];
                coefs[kept] = v;
                kept++;
            }
        }
        k = kept;
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
        initSparse(Math.max(64, Integer.highestOneBit(Math.max(1, 4 * numTouched))));
        dense = false;
        for (int i = 0; i < numTouched; i++) {
            int r = touchedList[i];
            if (acc[r] != 0) {
                addSparse(r, acc[r]);
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
