package io.polysos.moment.sparse;

import io.polysos.moment.IndependentRows;
import io.polysos.moment.MomentRelaxation;
import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The equality rows of a sparse moment relaxation (its ZERO block): for each equality h_l not
 * handled by reduction modulo the ideal, the rows sum_e h_{l,e} w_{a+e} = 0 for a over the
 * monomials of h_l's clique with |a| &lt;= 2k - deg h_l whose monomial is a normal form (the
 * others are multiples of the row of their normal form). Every moment is taken modulo the
 * ideal, and terms that meet the same moment are merged. Linearly dependent rows are dropped
 * as in {@link MomentRelaxation}.
 */
final class EqualityRows {

    private final List<int[]> rowIds = new ArrayList<>();
    private final List<double[]> rowVals = new ArrayList<>();

    private EqualityRows() {
    }

    /**
     * Collects the rows of every equality of pop (all of them, dependent ones included).
     *
     * @param pop the problem
     * @param order k
     * @param ideal the reduction modulo the ideal
     * @param cs the cliques and the clique of each equality
     * @param momentId the moment id of a (reduced) monomial, a new one registered when the
     *        relaxation allows it; null when the monomial has no moment, which drops the row
     *        (under term sparsity, rows are kept only when all their moments occur in some block)
     * @return the rows, in the order of the equalities and then of the local basis
     */
    static EqualityRows collect(Pop pop, int order, IdealReduction ideal, CorrelativeSparsity cs,
            Function<MonomialKey, Integer> momentId) {
        EqualityRows out = new EqualityRows();
        List<Polynomial> hs = pop.equalities();
        List<int[]> cliques = cs.cliques();
        for (int l = 0; l < hs.size(); l++) {
            Polynomial h = hs.get(l);
            int dm = 2 * order - h.degree();
            if (h.degree() < 0 || dm < 0 || ideal.reducesEquality(l)) {
                continue;
            }
            int[] vars = cliques.get(cs.equalityClique(l));
            int nc = vars.length;
            MonomialBasis mb = new MonomialBasis(nc, dm);
            int[] e = mb.exponents();
            int[][] ht = SparseMomentRelaxation.localTerms(h, vars);
            double[] hc = h.coefficients();
            int[] zero = new int[nc];
            rows:
            for (int a = 0; a < mb.size(); a++) {
                if (!ideal.isNormal(MonomialKey.ofSum(vars, e, a * nc, zero, 0, null, 0))) {
                    continue; // a multiple of the row of its normal form
                }
                int[] cols = new int[ht.length];
                double[] vals = new double[ht.length];
                int len = 0;
                for (int t = 0; t < ht.length; t++) {
                    Integer id = momentId.apply(ideal.reduce(MonomialKey.ofSum(vars, e, a * nc, ht[t], 0, zero, 0)));
                    if (id == null) {
                        continue rows;
                    }
                    int at = 0;
                    while (at < len && cols[at] != id) {
                        at++;
                    }
                    if (at == len) {
                        cols[len] = id;
                        vals[len++] = hc[t];
                    } else {
                        vals[at] += hc[t];
                    }
                }
                out.rowIds.add(Arrays.copyOf(cols, len));
                out.rowVals.add(Arrays.copyOf(vals, len));
            }
        }
        return out;
    }

    /**
     * Adds the linearly independent rows, in the order collected, as the diagonal entries of
     * the ZERO block.
     *
     * @param numMoments the number of moment ids (every id of a row is below it)
     * @param entries where the entries go
     * @param zeroBlock the index of the ZERO block
     * @return the number of rows kept (the ZERO block's size)
     */
    int addIndependent(int numMoments, SdpEntries entries, int zeroBlock) {
        if (rowIds.isEmpty()) {
            return 0;
        }
        // compact column numbering (by id) for the dependency test
        int[] compact = new int[numMoments];
        Arrays.fill(compact, -1);
        int nCols = 0;
        for (int[] r : rowIds) {
            for (int id : r) {
                if (compact[id] < 0) {
                    compact[id] = 0;
                }
            }
        }
        for (int id = 0; id < compact.length; id++) {
            if (compact[id] == 0) {
                compact[id] = nCols++;
            }
        }
        IndependentRows selector = new IndependentRows(Math.max(nCols, 1), MomentRelaxation.DEFAULT_DEPENDENT_ROW_TOLERANCE);
        int kept = 0;
        for (int r = 0; r < rowIds.size(); r++) {
            int[] cols = rowIds.get(r);
            double[] vals = rowVals.get(r);
            int[] cc = new int[cols.length];
            for (int t = 0; t < cols.length; t++) {
                cc[t] = compact[cols[t]];
            }
            if (selector.addIfIndependent(cc, vals, cols.length)) {
                for (int t = 0; t < cols.length; t++) {
                    entries.add(cols[t], zeroBlock, kept, kept, vals[t]);
                }
                kept++;
            }
        }
        return kept;
    }
}
