package io.polysos.cli.batch;

import io.polysos.cli.json.PopJson;
import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.PopResult;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import io.polysos.util.ByteSizes;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jobs of kind {@code pop}: a polysos-pop/1 file solved by the hierarchy; fields as
 * {@code polysos pop --json}. Options: {@code minOrder}, {@code maxOrder}, {@code ball} and
 * the SDP options. The orders run are capped at the largest one whose memory estimate fits
 * in the available heap (the result says so); a job whose first order does not fit is
 * refused before anything is built.
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
        int first = min != null && min > 0 ? min : pop.minimumOrder();
        int last = max != null && max > 0 ? max : first + HierarchyOptions.DEFAULT_EXTRA_ORDERS;
        int fits = RelaxationMemory.largestOrderWithin(pop, first, last, RelaxationMemory.availableHeap());
        if (fits < first) {
            throw new IllegalArgumentException(refusal(pop, first));
        }
        HierarchyOptions.Builder hb = HierarchyOptions.builder().sdpOptions(o.sdpOptions(ctx)).minOrder(first)
                .maxOrder(fits);
        if (ball != null) {
            hb.ballRadius(ball);
        }
        SdpSolver solver = SdpSolvers.discover().getOrDefault(ctx.solverFor(job));
        PopResult r = new MomentSosSolver(solver, hb.build()).solve(pop);
        Map<String, Object> out = PopJson.toJson(pop, r, read, (System.nanoTime() - t0) * 1e-9);
        out.put("solver", solver.name());
        if (fits < last) {
            out.put("note", "orders above " + fits + " were not run: their memory estimate exceeds the available heap");
        }
        return out;
    }

    @Override
    public long estimateBytes(JobSpec job, JobContext ctx) throws Exception {
        // The refusal is decided in run(), per order, once the problem is read.
        return -1;
    }

    static String refusal(Pop pop, int k) {
        return String.format(Locale.ROOT, "the order-%d relaxation needs an estimated %s but only %s of "
                + "heap is available (raise -Xmx through POLYSOS_JAVA_OPTS or lower the order)", k,
                ByteSizes.format(RelaxationMemory.estimate(pop, k)), ByteSizes.format(RelaxationMemory.availableHeap()));
    }
}
