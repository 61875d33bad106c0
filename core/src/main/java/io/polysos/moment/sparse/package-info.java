/**
 * Sparse Moment-SOS hierarchies: correlative sparsity (one moment matrix per maximal clique
 * of a chordal extension of the variables' interaction graph; Waki, Kim, Kojima, Muramatsu
 * 2006; Lasserre 2006), term sparsity (the TSSOS hierarchy of Wang, Magron and Lasserre
 * 2021: block-diagonal moment and localizing matrices from the term-sparsity graph of the
 * support, iterated in sparse-order steps) and both combined (CS-TSSOS). The relaxation is an
 * ordinary {@link io.polysos.sdp.SdpProblem} with one SDP variable per monomial shared by
 * every block it appears in ({@link io.polysos.moment.sparse.SparseMomentRelaxation}); the
 * driver ({@link io.polysos.moment.sparse.SparseMomentSosSolver}) reports the same
 * {@link io.polysos.moment.PopResult} as the dense hierarchy plus what the sparsity did per
 * order ({@link io.polysos.moment.sparse.SparseOrderInfo}).
 *
 * <p>Depends on {@code io.polysos.poly}, {@code io.polysos.pop}, {@code io.polysos.moment} and
 * sdp-api; never on a backend.
 */
package io.polysos.moment.sparse;
