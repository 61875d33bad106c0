package io.polysos.cli.batch;

import java.util.function.BooleanSupplier;

/**
 * What the runner gives a job.
 *
 * @param solver the backend chosen with --solver (a job's own "solver" option wins), or null for the default
 * @param cancellation true once the job must stop (time limit or shutdown); pass it to the SDP options
 */
public record JobContext(String solver, BooleanSupplier cancellation) {

    /** @return the job's "solver" option, else the batch's, else null */
    public String solverFor(JobSpec job) {
        Object s = job.options().get("solver");
        return s instanceof String str && !str.isBlank() ? str : solver;
    }
}
