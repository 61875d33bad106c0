package io.polysos.cli;

import io.polysos.cli.json.Json;
import io.polysos.cli.json.SdpJson;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpaFormat;
import java.nio.file.Path;
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
        StatusLine.stderr().clear();
        if (json) {
            System.out.println(Json.write(SdpJson.toJson(problem, s, readSeconds)));
        } else {
            printSummary(problem, s, readSeconds);
        }
        return s.status().isOptimal() ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
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
        out.printf("DIMACS      err1 %.1e (equality residual of Y)  err2 %.1e (cone violation of Y)%n", d[0], d[1]);
        out.printf("            err3 %.1e (residual of S)  err4 %.1e (cone violation of S)%n", d[2], d[3]);
        out.printf("            err5 %.1e (duality gap)  err6 %.1e (complementarity <S, Y>)%n", d[4], d[5]);
    }
}
