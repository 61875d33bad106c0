package io.polysos.cli.batch;

import io.polysos.cli.json.LearnJson;
import io.polysos.nn.LearnOptions;
import io.polysos.nn.LearnResult;
import io.polysos.nn.Loss;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.PolynomialLearner;
import io.polysos.sdp.SdpSolvers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Jobs of kind {@code learn}: a polysos-network-instance/1 file learned by the hierarchy;
 * fields as {@code polysos learn --json}. Options: {@code loss} (paper, lsq, max),
 * {@code order} (fixed) or {@code maxOrder}, {@code ball} (radius, 0 for none) and the SDP
 * options. The training problem is compiled once, by the learner; memory is gated by the
 * hierarchy ({@link io.polysos.moment.MemoryBudget}): a job whose first order does not fit in the
 * available heap is refused before any relaxation is built, and later orders that do not fit
 * are not run (the result's {@code note} says so).
 */
public final class LearnJobHandler implements JobHandler {

    private static final Set<String> KEYS;

    static {
        Set<String> k = new HashSet<>(JobOptions.SDP_KEYS);
        k.addAll(Set.of("loss", "order", "maxOrder", "ball"));
        KEYS = Set.copyOf(k);
    }

    @Override
    public Map<String, Object> run(JobSpec job, JobContext ctx) throws Exception {
        JobOptions o = new JobOptions(job);
        o.allowOnly(KEYS);
        NetworkInstance inst = NetworkInstanceFormat.read(job.input());
        String lossName = o.string("loss");
        Loss loss = lossName == null ? Loss.PAPER : Loss.parse(lossName);
        Integer order = o.integer("order");
        Integer max = o.integer("maxOrder");
        if (order != null && max != null) {
            throw new IllegalArgumentException("job '" + job.id() + "': give either order or maxOrder, not both");
        }
        Double ball = o.number("ball");
        double radius = ball == null ? LearnOptions.DEFAULT_BALL_RADIUS : ball;
        LearnOptions.Builder b = LearnOptions.builder().loss(loss).ballRadius(radius)
                .solver(SdpSolvers.discover().getOrDefault(ctx.solverFor(job))).sdpOptions(o.sdpOptions(ctx));
        if (order != null && order > 0) {
            b.order(order);
        } else if (max != null && max > 0) {
            b.maxOrder(max);
        }
        LearnOptions opts = b.build();
        LearnResult r = PolynomialLearner.learn(inst, opts);
        Map<String, Object> out = LearnJson.toMap(r, inst.truth() == null ? null : inst.truth().coefficients());
        return out;
    }
}
