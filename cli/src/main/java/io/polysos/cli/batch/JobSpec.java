package io.polysos.cli.batch;

import java.nio.file.Path;
import java.util.Map;

/**
 * One job of a job file.
 *
 * @param index 0-based position among the jobs of the file (what sharding uses)
 * @param line 1-based line of the job file
 * @param id unique id; names the result file {@code <id>.json}
 * @param kind {@code learn}, {@code pop} or {@code sdp}
 * @param input the input file, resolved against the job file's folder when relative
 * @param options the job's options (kind-specific; see the README)
 */
public record JobSpec(int index, int line, String id, String kind, Path input, Map<String, Object> options) {

    public JobSpec {
        options = Map.copyOf(options);
    }
}
