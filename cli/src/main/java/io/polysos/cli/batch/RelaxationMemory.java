package io.polysos.cli.batch;

import io.polysos.poly.Monomials;
import io.polysos.pop.Pop;
import io.polysos.poly.Polynomial;

/**
 * Estimates the memory of solving the order-k moment relaxation of a polynomial program with
 * an interior-point backend, before anything is built: the dense Schur complement over the
 * m = C(n+2k, n) - 1 moments (8 m^2 bytes), about a dozen dense work copies of the moment and
 * localizing matrices, and the sparse coefficient data.
 */
public final class RelaxationMemory {

    private RelaxationMemory() {
    }

    /** @return the estimated bytes of the order-k relaxation of the problem */
    public static long estimate(Pop pop, int k) {
        int n = pop.numVariables();
        double m = Monomials.count(n, 2 * k) - 1.0;
        double s0 = Monomials.count(n, k);
        double bytes = 8 * m * m + 12 * 8 * s0 * s0 + 24 * s0 * s0;
        for (Polynomial g : pop.inequalities()) {
            int kk = k - Pop.ceilHalf(g.degree());
            if (kk >= 0) {
                double s = Monomials.count(n, kk);
                bytes += 12 * 8 * s * s + 24 * s * s * g.numTerms();
            }
        }
        for (Polynomial h : pop.equalities()) {
            int d = 2 * k - h.degree();
            if (d >= 0) {
                bytes += 24.0 * Monomials.count(n, d) * h.numTerms();
            }
        }
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** @return the heap the JVM can still give, in bytes, counting only live data (collects first) */
    public static long availableHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @return the largest order in [from, to] whose estimate fits in the given bytes, or
     *         from - 1 when even the first does not
     */
    public static int largestOrderWithin(Pop pop, int from, int to, long bytes) {
        int best = from - 1;
        for (int k = from; k <= to; k++) {
            if (estimate(pop, k) > bytes) {
                break;
            }
            best = k;
        }
        return best;
    }
}
