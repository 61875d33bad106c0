package io.polysos.cli.batch;

import io.polysos.cli.json.PopJson;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.PopResult;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Jobs of kind {@code pop}: a polysos-pop/1 file solved by the hierarchy; fields as
 * {@code polysos pop --json}. Options: {@code minOrder}, {@code maxOrder}, {@code ball} and
 * the SDP options. Memory is gated by the hierarchy itself ({@link io.polysos.moment.MemoryBudget}):
 * a job whose first order does not fit in the available heap is refused before anything is
 * built, and later orders that do not fit are not run (the result's {@code note} says so).
 */
public final class PopJobHandler implements JobHandler {

    private static final Set<String> KEYS;

    static {
        Set<String> k = new HashSet<>(JobOptions.SDP_KEYS);
        k.addAll(Set.of("minOrder", "maxOrder", "ball"));
        KEYS = Set.copyOf(k);
    }

    @Override
    public Map<String, Object> run(JobSpec job, JobContext ctx) throws Exception {
        JobOptions o = new JobOptions(job);
        o.allowOnly(KEYS);
        long t0 = System.nanoTime();
        Pop pop = PopReader.read(job.input()).problem();
        double read = (System.nanoTime() - t0) * 1e-9;
        Integer min = o.integer("minOrder");
        Integer max = o.integer("maxOrder");
        Double ball = o.number("ball");
        HierarchyOptions.Builder hb = HierarchyOptions.builder().sdpOptions(o.sdpOptions(ctx))
                .minOrder(min != null && min > 0 ? min : 0).maxOrder(max != null && max > 0 ? max : 0);
        if (ball != null) {
            hb.ballRadius(ball);
        }
        SdpSolver solver = SdpSolvers.discover().getOrDefault(ctx.solverFor(job));
        PopResult r = new MomentSosSolver(solver, hb.build()).solve(pop);
        Map<String, Object> out = PopJson.toJson(pop, r, read, (System.nanoTime() - t0) * 1e-9);
        out.put("solver", solver.name());
        return out;
    }
}
