package io.polysos.pop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polysos.poly.Polynomial;
import java.util.Map;

/**
 * Writes {@code polysos-pop/1} JSON that {@link PopReader} reads back: inequalities as
 * {@code g >= 0}, equalities as {@code h == 0}, the known optimum, minimizers and bounds.
 * Bounding constraints are written as ordinary inequalities.
 */
public final class PopWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PopWriter() {
    }

    /** @return the JSON text of the problem and its known values */
    public static String toJson(PopFile file) {
        Pop pop = file.problem();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", PopReader.FORMAT);
        root.put("name", pop.name());
        ArrayNode vars = root.putArray("variables");
        pop.variableNames().forEach(vars::add);
        root.put("minimize", pop.objective().toString(pop.variableNames()));
        ArrayNode st = root.putArray("subjectTo");
        for (Polynomial g : pop.inequalities()) {
            st.add(g.toString(pop.variableNames()) + " >= 0");
        }
        for (Polynomial h : pop.equalities()) {
            st.add(h.toString(pop.variableNames()) + " == 0");
        }
        ObjectNode known = MAPPER.createObjectNode();
        file.knownOptimum().ifPresent(v -> known.put("optimum", v));
        if (!file.knownMinimizers().isEmpty()) {
            ArrayNode ms = known.putArray("minimizers");
            for (double[] z : file.knownMinimizers()) {
                ArrayNode a = ms.addArray();
                for (double v : z) {
                    a.add(v);
                }
            }
        }
        if (!file.knownBoundsByOrder().isEmpty()) {
            ObjectNode b = known.putObject("boundsByOrder");
            for (Map.Entry<Integer, Double> e : file.knownBoundsByOrder().entrySet()) {
                b.put(Integer.toString(e.getKey()), e.getValue());
            }
        }
        if (!known.isEmpty()) {
            root.set("known", known);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
