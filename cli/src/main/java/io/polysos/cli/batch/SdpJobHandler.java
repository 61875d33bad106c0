package io.polysos.cli.batch;

import io.polysos.cli.SdpCommand;
import io.polysos.sdp.BlockSpec;
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
        return SdpCommand.toJson(p, s, read);
    }

    @Override
    public long estimateBytes(JobSpec job, JobContext ctx) throws Exception {
        SdpProblem p = SdpaFormat.read(job.input());
        return estimate(p);
    }

    /**
     * A rough upper estimate of an interior-point solve's memory: the dense Schur complement
     * (8 m^2 bytes), about a dozen dense work copies of each PSD block, and the data.
     */
    public static long estimate(SdpProblem p) {
        long m = p.numVariables();
        long bytes = 8 * m * m;
        for (BlockSpec b : p.blocks()) {
            long s = b.size();
            bytes += b.kind().isDiagonal() ? 12 * 8 * s : 12 * 8 * s * s;
        }
        bytes += 24 * p.totalNonzeros();
        return bytes;
    }
}
