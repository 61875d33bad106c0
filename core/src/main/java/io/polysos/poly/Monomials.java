package io.polysos.poly;

/**
 * The monomial order of this project and its ranking, as static stateless functions.
 *
 * <h2>Order</h2>
 * Monomials z^a in n variables are ordered by total degree |a| first (graded); within one
 * degree in <em>descending</em> lexicographic order with z_1 &gt; z_2 &gt; ... &gt; z_n, so
 * z_1^D comes first and z_n^D last. For n = 2 the order is
 * {@code 1, z1, z2, z1^2, z1 z2, z2^2, z1^3, ...} (the order GloptiPoly uses).
 *
 * <h2>Rank</h2>
 * The rank of a monomial is its 0-based position in that order. With the suffix sums
 * S_j = a_j + ... + a_{n-1} (0-based variables), the numbers c_j = S_j + n - j - 1 strictly
 * decrease, and
 * <pre>
 *   rank(a) = sum_{j=0..n-1} C(S_j + n - j - 1, n - j)
 * </pre>
 * is the combinatorial number system: rank and unrank cost O(n) binomial look-ups (unrank
 * also O(|a|) comparisons). The rank of a sum a + b is computed from both exponent arrays in
 * O(n) without forming a + b ({@link #rankOfSum}). The number of monomials of degree at
 * most d is C(n + d, d); ranks of monomials of degree &lt; D are exactly 0..C(n+D-1, n)-1.
 *
 * <p>Ranks are {@code long}; binomials with n + d up to {@link #MAX_BINOMIAL_N} come from a
 * table, larger ones are computed exactly, and an IllegalArgumentException is thrown when a
 * count would overflow a long.
 */
public final class Monomials {

    /** Largest n + d whose binomials C(N, K), N &lt;= this value, come from the precomputed table. */
    public static final int MAX_BINOMIAL_N = 62;

    private static final long[][] BINOMIAL = new long[MAX_BINOMIAL_N + 1][];

    static {
        for (int nn = 0; nn <= MAX_BINOMIAL_N; nn++) {
            BINOMIAL[nn] = new long[nn + 1];
            BINOMIAL[nn][0] = 1;
            BINOMIAL[nn][nn] = 1;
            for (int k = 1; k < nn; k++) {
                BINOMIAL[nn][k] = BINOMIAL[nn - 1][k - 1] + BINOMIAL[nn - 1][k];
            }
        }
    }

    private Monomials() {
    }

    /** @return the binomial coefficient C(nn, k), 0 when k &lt; 0 or k &gt; nn */
    public static long binomial(int nn, int k) {
        if (k < 0 || nn < 0 || k > nn) {
            return 0;
        }
        if (nn <= MAX_BINOMIAL_N) {
            return BINOMIAL[nn][k];
        }
        int kk = Math.min(k, nn - k);
        long r = 1;
        try {
            for (int i = 1; i <= kk; i++) {
                // r * (nn - kk + i) is divisible by i
                r = Math.multiplyExact(r / gcd(r, i), (nn - kk + i) / (i / gcd(r, i)));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("binomial C(" + nn + ", " + k + ") overflows a long");
        }
        return r;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** @return C(n + d, d), the number of monomials of degree at most d in n variables */
    public static long count(int n, int d) {
        checkN(n);
        if (d < 0) {
            return 0;
        }
        return binomial(n + d, d);
    }

    /** @return C(n + d - 1, d), the number of monomials of degree exactly d in n variables */
    public static long countOfDegree(int n, int d) {
        checkN(n);
        if (d < 0) {
            return 0;
        }
        if (n == 0) {
            return d == 0 ? 1 : 0;
        }
        return binomial(n + d - 1, d);
    }

    /** @return C(n + d, d) as an int; IllegalArgumentException when it exceeds Integer.MAX_VALUE */
    public static int countAsInt(int n, int d) {
        long c = count(n, d);
        if (c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("C(" + (n + d) + ", " + d + ") = " + c + " monomials exceed an int index");
        }
        return (int) c;
    }

    /** @return |a| = a_0 + ... + a_{n-1}; a is not modified */
    public static int degree(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    /**
     * @param a an exponent vector (entries &gt;= 0; not modified)
     * @return rank(a) = sum_j C(S_j + n - j - 1, n - j)
     */
    public static long rank(int[] a) {
        return rank(a, 0, a.length);
    }

    /** Rank of the exponent vector a[off .. off+n-1] (not modified). */
    public static long rank(int[] a, int off, int n) {
        long r = 0;
        int s = 0;
        for (int j = n - 1; j >= 0; j--) {
            int e = a[off + j];
            if (e < 0) {
                throw new IllegalArgumentException("exponent of variable " + j + " is negative: " + e);
            }
            s += e;
            r += binomial(s + n - j - 1, n - j);
        }
        return r;
    }

    /** @return rank(a + b) in O(n), without forming a + b (a, b of equal length; not modified) */
    public static long rankOfSum(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("exponent vectors of different lengths " + a.length + " and " + b.length);
        }
        return rankOfSum(a, 0, b, 0, a.length);
    }

    /** rank(a[aOff..aOff+n) + b[bOff..bOff+n)) in O(n); arrays not modified. */
    public static long rankOfSum(int[] a, int aOff, int[] b, int bOff, int n) {
        long r = 0;
        int s = 0;
        for (int j = n - 1; j >= 0; j--) {
            s += a[aOff + j] + b[bOff + j];
            r += binomial(s + n - j - 1, n - j);
        }
        return r;
    }

    /** rank(a + b + c) for three exponent vectors stored at offsets of flat arrays (not modified). */
    public static long rankOfSum(int[] a, int aOff, int[] b, int bOff, int[] c, int cOff, int n) {
        long r = 0;
        int s = 0;
        for (int j = n - 1; j >= 0; j--) {
            s += a[aOff + j] + b[bOff + j] + c[cOff + j];
            r += binomial(s + n - j - 1, n - j);
        }
        return r;
    }

    /** @return the degree of the monomial with the given rank in n variables */
    public static int degreeOfRank(int n, long rank) {
        checkN(n);
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + rank);
        }
        if (n == 0) {
            if (rank != 0) {
                throw new IllegalArgumentException("rank " + rank + " out of range for 0 variables");
            }
            return 0;
        }
        int d = 0;
        while (binomial(n + d, n) <= rank) {
            d++;
        }
        return d;
    }

    /** @return the exponent vector of the monomial with the given rank (a new array of length n) */
    public static int[] unrank(int n, long rank) {
        int[] out = new int[n];
        unrank(n, rank, out, 0);
        return out;
    }

    /**
     * Writes the exponent vector of rank {@code rank} into out[off .. off+n) (modified).
     */
    public static void unrank(int n, long rank, int[] out, int off) {
        int d = degreeOfRank(n, rank);
        long r = rank;
        // c_0 = S_0 + n - 1 = d + n - 1 is fixed by the degree.
        int c = d + n - 1;
        int prevS = d;
        r -= binomial(c, n);
        for (int j = 1; j < n; j++) {
            int kk = n - j;
            // largest c' < c with C(c', kk) <= r; c' = S_j + kk - 1, S_j in [0, prevS]
            int cj = prevS + kk - 1;
            while (cj >= kk - 1 && binomial(cj, kk) > r) {
                cj--;
            }
            int sj = cj - kk + 1;
            r -= binomial(cj, kk);
            out[off + j - 1] = prevS - sj;
            prevS = sj;
        }
        out[off + n - 1] = prevS;
        if (r != 0) {
            throw new IllegalStateException("unrank failed for rank " + rank + " in " + n + " variables");
        }
    }

    /**
     * Compares two exponent vectors of equal length in the order of this class (consistent
     * with {@link #rank}); not modified.
     */
    public static int compare(int[] a, int[] b) {
        int da = degree(a);
        int db = degree(b);
        if (da != db) {
            return Integer.compare(da, db);
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] > b[i] ? -1 : 1;
            }
        }
        return 0;
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of variables must be >= 0, got " + n);
        }
    }
}
