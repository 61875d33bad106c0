package io.polysos.cli;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import picocli.CommandLine.Option;

/** The backend choice and SDP options shared by every solving command (a picocli mixin). */
public class SolverOptions {

    @Option(names = "--solver", paramLabel = "NAME",
            description = "SDP backend: pure, scs or mosek (default: $POLYSOS_SOLVER, else mosek when available, else pure;"
                    + " the first-order scs runs only when named; see `polysos solvers`).")
    String solver;

    @Option(names = "--tolerance", paramLabel = "TOL",
            description = "Relative gap and feasibility tolerance of the SDP solver (default: the backend's own for sdp; 1e-8 for the hierarchy: pop, learn, reproduce).")
    Double tolerance;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Iteration limit of the SDP solver.")
    Integer maxIterations;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Time limit of each SDP solve.")
    Double timeLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads of the SDP solver (0 = all processors; default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--solver-option", paramLabel = "NAME=VALUE",
            description = "A setting of the chosen backend by its own name, repeatable (pure: start=auto|csdp|mehrotra,"
                    + " perturbation=auto|on|off;"
                    + " scs: its settings, e.g. max_iters=5000; csdp: its param.csdp names, e.g. perturbobj=0; mosek: its"
                    + " solver parameters). A name the backend does not know is refused.")
    java.util.Map<String, String> solverOptions = new java.util.LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, description = "Print the solver's log (one line per iteration) on stderr. "
            + "Without it, a terminal shows the pure backend's current iteration on one line redrawn in place.")
    boolean verbose;

    /** @return the chosen solver (throws SolverUnavailableException with the alternatives) */
    public SdpSolver solver() {
        return SdpSolvers.discover().getOrDefault(solver);
    }

    private boolean isPure() {
        try {
            return "pure".equals(solver().name());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return the SDP options given on the command line */
    public SdpOptions sdpOptions() {
        SdpOptions.Builder b = SdpOptions.builder().threads(threads).verbose(verbose);
        solverOptions.forEach(b::backendParameter);
        if (tolerance != null) {
            b.tolerance(tolerance);
        }
        if (maxIterations != null) {
            b.maxIterations(maxIterations);
        }
        if (timeLimit != null) {
            b.timeLimitSeconds(timeLimit);
        }
        if (verbose) {
            b.logSink(line -> {
                StatusLine.stderr().clear();
                System.err.println(line);
            });
        } else if (StatusLine.stderr().enabled() && isPure()) {
            // the per-iteration lines drive the progress line only (other backends may print natively)
            b.verbose(true).logSink(line -> StatusLine.stderr().show("solving: " + line));
        }
        return b.build();
    }
}
