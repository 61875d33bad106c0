package io.polysos.cli.json;

import io.polysos.sdp.DimacsErrors;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON object of an SDP solve ({@code polysos sdp --json} and batch {@code sdp} jobs). */
public final class SdpJson {

    private SdpJson() {
    }

    /** @return the JSON object of a solve: the documented fields of {@code polysos sdp --json} */
    public static Map<String, Object> toJson(SdpProblem problem, SdpSolution s, double readSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("problem", problem.name());
        out.put("status", s.status().name());
        out.put("message", s.message());
        out.put("primalObjective", s.primalObjective());
        out.put("dualObjective", s.dualObjective());
        out.put("relativeGap", s.relativeGap());
        out.put("iterations", s.iterations());
        out.put("solver", s.solverName());
        out.put("solverVersion", s.solverVersion());
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("read", readSeconds);
        timings.putAll(s.timings());
        out.put("timings", timings);
        out.put("dimacs", dimacs(s.dimacs()));
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("variables", problem.numVariables());
        size.put("blocks", problem.blocks().stream().map(Object::toString).toList());
        size.put("nonzeros", problem.totalNonzeros());
        out.put("size", size);
        return out;
    }

    public static Map<String, Object> dimacs(DimacsErrors d) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] v = d.toArray();
        for (int i = 0; i < v.length; i++) {
            m.put("err" + (i + 1), v[i]);
        }
        return m;
    }
}
