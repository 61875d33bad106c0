package io.polysos.moment.sparse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the sparsity made of one solved relaxation (one order, and under term sparsity one
 * step), next to the dense relaxation of the same order.
 *
 * @param order k
 * @param tsStep the term-sparsity step (1 without term sparsity)
 * @param sparsity the sparsity used
 * @param cliqueSizes the sizes of the correlative cliques, in running intersection order
 * @param blockSizes the sizes of the PSD blocks (moment and localizing), in SDP order
 * @param equalityRows rows of the ZERO block
 * @param sdpVariables the SDP's variables (moments other than 1)
 * @param denseMomentMatrixSize C(n + k, k), -1 when it overflows
 * @param denseSdpVariables C(n + 2k, 2k) - 1, -1 when it overflows
 * @param cliqueRanks per clique, the ranks of its moment matrices M_t for t = 1..k (empty
 *        under term sparsity, where the clique moment matrices are not fully known)
 * @param cliqueFlatOrders per clique, the smallest flat t, or -1 (empty under term sparsity)
 */
public record SparseOrderInfo(int order, int tsStep, Sparsity sparsity, int[] cliqueSizes, int[] blockSizes,
        int equalityRows, int sdpVariables, long denseMomentMatrixSize, long denseSdpVariables,
        List<int[]> cliqueRanks, int[] cliqueFlatOrders) {

    /** @return the number of cliques */
    public int numCliques() {
        return cliqueSizes.length;
    }

    /** @return the number of PSD blocks */
    public int numBlocks() {
        return blockSizes.length;
    }

    /** @return the largest PSD block */
    public int largestBlock() {
        int m = 0;
        for (int s : blockSizes) {
            m = Math.max(m, s);
        }
        return m;
    }

    /** @return size -&gt; how many, largest size first */
    public static Map<Integer, Integer> histogram(int[] sizes) {
        Map<Integer, Integer> h = new TreeMap<>((a, b) -> Integer.compare(b, a));
        for (int s : sizes) {
            h.merge(s, 1, Integer::sum);
        }
        return h;
    }

    /** @return one line for logs */
    public String summary() {
        return "sparsity " + sparsity.label() + (sparsity.term() ? " step " + tsStep : "") + ": " + numCliques()
                + " clique(s) " + histogram(cliqueSizes) + ", " + numBlocks() + " PSD block(s) " + histogram(blockSizes)
                + ", " + sdpVariables + " SDP variables (dense: moment matrix " + denseMomentMatrixSize + ", "
                + denseSdpVariables + " variables)";
    }
}
