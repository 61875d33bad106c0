package io.polysos.cli.batch;

import io.polysos.cli.json.SdpJson;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpaFormat;
import java.util.Map;

/** Jobs of kind {@code sdp}: an SDPA file solved by the chosen backend; fields as {@code polysos sdp --json}. */
public final class SdpJobHandler implements JobHandler {

    @Override
    public Map<String, Object> run(JobSpec job, JobContext ctx) throws Exception {
        JobOptions o = new JobOptions(job);
        o.allowOnly(JobOptions.SDP_KEYS);
        long t0 = System.nanoTime();
        SdpProblem p = SdpaFormat.read(job.input());
        double read = (System.nanoTime() - t0) * 1e-9;
        SdpSolution s = SdpSolvers.discover().getOrDefault(ctx.solverFor(job)).solve(p, o.sdpOptions(ctx));
        return SdpJson.toJson(p, s, read);
    }

    /** The chosen backend's own estimate ({@link io.polysos.sdp.SdpSolver#estimateBytes}), -1 when it has none. */
    @Override
    public long estimateBytes(JobSpec job, JobContext ctx) throws Exception {
        return SdpSolvers.discover().getOrDefault(ctx.solverFor(job)).estimateBytes(SdpaFormat.read(job.input()));
    }
}
