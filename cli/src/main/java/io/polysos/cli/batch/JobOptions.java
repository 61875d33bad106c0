package io.polysos.cli.batch;

import io.polysos.sdp.SdpOptions;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to a job's options, with errors that name the job and the option. */
public final class JobOptions {

    /** The SDP options every kind understands. */
    public static final Set<String> SDP_KEYS = Set.of("solver", "tolerance", "maxIterations", "timeLimit", "threads");

    private final JobSpec job;

    public JobOptions(JobSpec job) {
        this.job = job;
    }

    /** Rejects options outside the allowed set. */
    public void allowOnly(Set<String> allowed) {
        for (String k : job.options().keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("job '" + job.id() + "' (line " + job.line() + "): unknown option '"
                        + k + "' for kind " + job.kind() + "; known: " + new TreeSet<>(allowed));
            }
        }
    }

    public Double number(String key) {
        Object v = job.options().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("job '" + job.id() + "' (line " + job.line() + "): option '" + key
                + "' must be a finite number, got " + v);
    }

    public Integer integer(String key) {
        Double d = number(key);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("job '" + job.id() + "' (line " + job.line() + "): option '" + key
                    + "' must be a whole number, got " + d);
        }
        return d.intValue();
    }

    public String string(String key) {
        Object v = job.options().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("job '" + job.id() + "' (line " + job.line() + "): option '" + key
                + "' must be a string, got " + v);
    }

    /** @return SDP options from the job's tolerance, maxIterations, timeLimit and threads, with the cancellation */
    public SdpOptions sdpOptions(JobContext ctx) {
        SdpOptions.Builder b = SdpOptions.builder().cancellation(ctx.cancellation());
        Double tol = number("tolerance");
        if (tol != null) {
            b.tolerance(tol);
        }
        Integer it = integer("maxIterations");
        if (it != null) {
            b.maxIterations(it);
        }
        Double tl = number("timeLimit");
        if (tl != null) {
            b.timeLimitSeconds(tl);
        }
        Integer th = integer("threads");
        b.threads(th == null ? 1 : th);
        return b.build();
    }

    public static Map<String, Object> none() {
        return Map.of();
    }
}
