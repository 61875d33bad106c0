package io.polysos.cli.batch;

import java.util.Map;

/** Runs one kind of job. Implementations are stateless and thread-safe. */
public interface JobHandler {

    /**
     * Runs the job.
     *
     * @return the job's fields, as the kind's {@code --json} output; must contain {@code status}
     * @throws Exception any failure; the runner turns it into an ERROR result
     */
    Map<String, Object> run(JobSpec job, JobContext context) throws Exception;

    /**
     * Estimates the memory the job will need, in bytes, before it builds anything large.
     *
     * @return the estimate, or -1 when unknown
     */
    default long estimateBytes(JobSpec job, JobContext context) throws Exception {
        return -1;
    }
}
