package io.polysos.cli.json;

import io.polysos.moment.sparse.SparseOrderInfo;
import io.polysos.moment.sparse.SparsePopResult;
import io.polysos.moment.sparse.SparsityOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** The sparsity part of the output of {@code pop} and {@code learn}. */
public final class SparsityJson {

    private SparsityJson() {
    }

    /**
     * Adds {@code sparsity} (mode, steps, cliques) to out and a {@code sparsity} object to each
     * of out's {@code orders} (same order as the result's records); out is modified.
     */
    @SuppressWarnings("unchecked")
    public static void add(Map<String, Object> out, SparsityOptions options, SparsePopResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mode", options.sparsity().label());
        s.put("tsSteps", options.tsSteps());
        s.put("tsExtension", options.chordalTermExtension() ? "chordal" : "block");
        s.put("newton", options.newton());
        // what can certify: flat truncation (full moment matrices) or the gap to a verified bound; under
        // term sparsity or a Newton-polytope basis no flatness test runs, so only the gap
        s.put("flatnessTested", r.flatnessTested());
        s.put("certificates", r.flatnessTested() ? List.of("flat-truncation", "gap") : List.of("gap"));
        if (r.cliques() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("count", r.cliques().cliques().size());
            c.put("sizes", histogram(r.cliques().cliqueSizes()));
            s.put("cliques", c);
        }
        out.put("sparsity", s);
        Object orders = out.get("orders");
        if (orders instanceof List<?> list) {
            for (int i = 0; i < list.size() && i < r.sparsity().size(); i++) {
                ((Map<String, Object>) list.get(i)).put("sparsity", order(r.sparsity().get(i)));
            }
        }
    }

    /** @return the JSON object of one solved relaxation's sparsity */
    public static Map<String, Object> order(SparseOrderInfo o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tsStep", o.tsStep());
        m.put("cliques", o.numCliques());
        m.put("psdBlocks", o.numBlocks());
        m.put("blockSizes", histogram(o.blockSizes()));
        m.put("largestBlock", o.largestBlock());
        m.put("equalityRows", o.equalityRows());
        m.put("sdpVariables", o.sdpVariables());
        m.put("denseMomentMatrixSize", o.denseMomentMatrixSize());
        m.put("denseSdpVariables", o.denseSdpVariables());
        if (!o.cliqueRanks().isEmpty()) {
            List<Object> ranks = new ArrayList<>();
            for (int[] rk : o.cliqueRanks()) {
                ranks.add(java.util.Arrays.stream(rk).boxed().toList());
            }
            m.put("cliqueRanks", ranks);
            m.put("cliqueFlatOrders", java.util.Arrays.stream(o.cliqueFlatOrders()).boxed().toList());
        }
        return m;
    }

    /** Prints one line per solved relaxation (nothing for the dense hierarchy). */
    public static void print(SparsePopResult r) {
        for (SparseOrderInfo o : r.sparsity()) {
            System.out.println("order " + o.order() + " " + o.summary());
        }
    }

    /** @return size (as text) -&gt; count, largest size first */
    private static Map<String, Object> histogram(int[] sizes) {
        Map<String, Object> h = new LinkedHashMap<>();
        SparseOrderInfo.histogram(sizes).forEach((k, v) -> h.put(Integer.toString(k), v));
        return h;
    }
}
