package io.polysos.cli.json;

import io.polysos.nn.LearnResult;
import io.polysos.nn.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON object of a learning result ({@code polysos learn --json} and batch {@code learn} jobs). */
public final class LearnJson {

    private LearnJson() {
    }

    /** @return the JSON object of {@code polysos learn --json} (truth may be null) */
    public static Map<String, Object> toMap(LearnResult r, double[] truth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("message", r.message());
        m.put("names", r.names());
        m.put("coefficients", r.coefficients());
        m.put("minimizers", r.minimizers());
        m.put("momentEstimate", r.momentEstimate());
        m.put("theta", r.theta());
        m.put("certificate", r.certificate().jsonName());
        m.put("lowerBound", r.lowerBound());
        m.put("lowerBoundNumeric", r.lowerBoundNumeric());
        m.put("lowerBoundVerified", r.boundVerified());
        m.put("upperBound", r.upperBound());
        m.put("gap", r.gap());
        m.put("order", r.order());
        m.put("flat", r.flat());
        m.put("ballActive", r.ballActive());
        if (truth != null && r.coefficients() != null) {
            m.put("absErr", Metrics.absErr(truth, r.coefficients()));
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("coefficients", r.refined());
        ref.put("loss", r.refinedLoss());
        m.put("refined", ref);
        m.put("orders", PopJson.orders(r.orders()));
        m.put("timings", r.timings().toMap());
        m.put("solver", r.solver());
        if (!r.note().isEmpty()) {
            m.put("note", r.note());
        }
        return m;
    }
}
