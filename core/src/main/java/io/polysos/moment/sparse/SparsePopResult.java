package io.polysos.moment.sparse;

import io.polysos.moment.PopResult;
import java.util.List;

/**
 * The outcome of a sparse hierarchy.
 *
 * @param result the verdict, bounds, points and per-relaxation records, as for the dense hierarchy
 *        (under term sparsity one record per solved step, each carrying its order)
 * @param sparsity one entry per record of {@code result.orders()}, in the same order (empty for
 *        the dense hierarchy)
 * @param cliques the correlative sparsity used (one clique of every variable without it; null
 *        for the dense hierarchy)
 * @param flatnessTested whether the moment matrices were tested for flat truncation: false under
 *        term sparsity and with a Newton-polytope basis (the matrices are only known in part),
 *        where the result certifies only by the gap to a verified bound
 */
public record SparsePopResult(PopResult result, List<SparseOrderInfo> sparsity, CorrelativeSparsity cliques,
        boolean flatnessTested) {

    /** A result whose moment matrices were tested for flatness (dense, correlative sparsity). */
    public SparsePopResult(PopResult result, List<SparseOrderInfo> sparsity, CorrelativeSparsity cliques) {
        this(result, sparsity, cliques, true);
    }
}
