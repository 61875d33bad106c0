package io.polysos.cli;

import io.polysos.sdp.DimacsErrors;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpaFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos sdp FILE.dat-s}: reads an SDPA file and solves it. */
@Command(name = "sdp", mixinStandardHelpOptions = true,
        description = "Solve an SDP in SDPA sparse format (.dat-s) with the chosen or default backend.")
public final class SdpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The problem, in SDPA sparse format.")
    Path file;

    @Mixin
    SolverOptions solverOptions;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        SdpProblem problem = SdpaFormat.read(file);
        double readSeconds = (System.nanoTime() - t0) * 1e-9;
        SdpSolver solver = solverOptions.solver();
        SdpSolution s = solver.solve(problem, solverOptions.sdpOptions());
        if (json) {
            System.out.println(Json.write(toJson(problem, s, readSeconds)));
        } else {
            printSummary(problem, s, readSeconds);
        }
        return s.status().isOptimal() ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
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

    private void printSummary(SdpProblem p, SdpSolution s, double readSeconds) {
        var out = System.out;
        out.printf("problem     %s (m = %d, blocks %s, %d nonzeros)%n", p.name(), p.numVariables(), p.blocks(),
                p.totalNonzeros());
        out.printf("solver      %s %s%n", s.solverName(), s.solverVersion());
        out.printf("status      %s%s%n", s.status(), s.message().isEmpty() ? "" : " (" + s.message() + ")");
        out.printf("primal      % .10e%n", s.primalObjective());
        out.printf("dual        % .10e%n", s.dualObjective());
        out.printf("rel. gap    %.2e%n", s.relativeGap());
        out.printf("iterations  %d%n", s.iterations());
        StringBuilder t = new StringBuilder(String.format("read %.3f", readSeconds));
        s.timings().forEach((k, v) -> t.append(String.format(", %s %.3f", k, v)));
        out.printf("time (s)    %s%n", t);
        double[] d = s.dimacs().toArray();
        out.printf("DIMACS      %.1e %.1e %.1e %.1e %.1e %.1e%n", d[0], d[1], d[2], d[3], d[4], d[5]);
    }
}
