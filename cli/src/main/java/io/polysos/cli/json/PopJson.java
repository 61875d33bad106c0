package io.polysos.cli.json;

import io.polysos.moment.CandidatePoint;
import io.polysos.moment.OrderRecord;
import io.polysos.moment.PopResult;
import io.polysos.moment.RankDecision;
import io.polysos.pop.Pop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON object of a polynomial program's result ({@code polysos pop --json} and batch {@code pop} jobs). */
public final class PopJson {

    private PopJson() {
    }

    /** @return the JSON object of {@code polysos pop --json} */
    public static Map<String, Object> toJson(Pop pop, PopResult r, double readSeconds, double totalSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("problem", pop.name());
        out.put("variables", pop.variableNames());
        out.put("status", r.status().name());
        out.put("bound", r.bound());
        out.put("lowerBound", r.bound());
        out.put("lowerBoundNumeric", r.boundNumeric());
        out.put("lowerBoundVerified", r.boundVerified());
        out.put("certificate", r.certificate().jsonName());
        out.put("order", r.order());
        out.put("message", r.message());
        if (!r.note().isEmpty()) {
            out.put("note", r.note());
        }
        out.put("minimizers", points(r.minimizers()));
        out.put("candidates", points(r.candidates()));
        out.put("bestFeasibleObjective", r.bestFeasibleObjective());
        out.put("gap", r.gap());
        out.put("boundingActive", r.boundingActive());
        double build = 0;
        double solve = 0;
        double extract = 0;
        for (OrderRecord o : r.orders()) {
            build += o.buildSeconds();
            solve += o.solveSeconds();
            extract += o.extractionSeconds();
        }
        out.put("orders", orders(r.orders()));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("read", readSeconds);
        timings.put("build", build);
        timings.put("solve", solve);
        timings.put("extraction", extract);
        timings.put("total", totalSeconds);
        out.put("timings", timings);
        return out;
    }

    /**
     * @return one JSON object per order of the hierarchy, the same for {@code pop} and
     *         {@code learn}: SDP status, verified and numeric bounds, moment objective, sizes, rank decisions with spectra,
     *         flatness, extraction, certificate residual, times
     */
    public static List<Map<String, Object>> orders(List<OrderRecord> records) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (OrderRecord o : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", o.order());
            m.put("sdpStatus", o.sdpStatus().name());
            m.put("lowerBound", o.lowerBound());
            m.put("lowerBoundNumeric", o.lowerBoundNumeric());
            m.put("lowerBoundVerified", o.bounds().verified());
            if (!o.bounds().verified()) {
                m.put("lowerBoundNote", o.bounds().note());
            }
            m.put("momentObjective", o.bounds().momentObjective());
            m.put("momentMatrixSize", o.momentMatrixSize());
            m.put("moments", o.numMoments());
            List<Object> ranks = new ArrayList<>();
            for (RankDecision d : o.ranks()) {
                Map<String, Object> rd = new LinkedHashMap<>();
                rd.put("t", d.order());
                rd.put("rank", d.rank());
                rd.put("relativeRank", d.relativeRank());
                rd.put("gapRank", d.gapRank());
                rd.put("spectrum", d.spectrum());
                ranks.add(rd);
            }
            m.put("ranks", ranks);
            m.put("flatOrder", o.flatOrder());
            m.put("flatRank", o.flatRank());
            m.put("extraction", o.extraction());
            m.put("certified", o.certified());
            m.put("sosResidual", o.sosResidual());
            m.put("minGramEigenvalue", o.minGramEigenvalue());
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("build", o.buildSeconds());
            t.put("solve", o.solveSeconds());
            t.put("extraction", o.extractionSeconds());
            m.put("timings", t);
            m.put("message", o.message());
            orders.add(m);
        }
        return orders;
    }

    private static List<Object> points(List<CandidatePoint> cs) {
        List<Object> out = new ArrayList<>();
        for (CandidatePoint c : cs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("point", Arrays.stream(c.point()).boxed().toList());
            m.put("objective", c.objective());
            m.put("feasible", c.feasible());
            m.put("maxInequalityViolation", c.maxInequalityViolation());
            m.put("maxEqualityViolation", c.maxEqualityViolation());
            m.put("activeBounding", c.activeBounding());
            out.add(m);
        }
        return out;
    }
}
