package io.polysos.moment;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpShape;
import io.polysos.sdp.SdpSolver;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The one memory gate of the hierarchies: before a relaxation is built, the chosen backend
 * estimates the memory of solving it from its shape ({@link SdpSolver#estimateBytes(SdpShape)},
 * computed from the problem's sizes alone, e.g. {@link MomentRelaxation#shape}), and the
 * relaxation is refused when the estimate exceeds the budget: {@link HierarchyOptions#maxMemoryBytes()}
 * when set, else the heap the JVM can still give. A backend without an estimate (-1) is not gated.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** @return the heap the JVM can still give, in bytes, counting only live data (collects first) */
    public static long availableHeap() {
        System.gc();
        return uncollectedAvailable();
    }

    private static long uncollectedAvailable() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Checks a relaxation against the budget.
     *
     * @param solver the backend that would solve it
     * @param maxMemoryBytes the caller's budget, or 0 for the available heap
     * @param k the order being checked
     * @param shapes the shape of the relaxation of each order (called for k and, on refusal, for
     *        the lower orders down to {@code lowest} to suggest one that fits)
     * @param lowest the lowest order worth suggesting (k0)
     * @return null when the relaxation fits (or the backend has no estimate), else why not, with the
     *         numbers and what to do
     */
    public static String check(SdpSolver solver, long maxMemoryBytes, int k, IntFunction<SdpShape> shapes,
            int lowest) {
        SdpShape shape = shapes.apply(k);
        return check(solver, maxMemoryBytes, k, shape, solver.estimateBytes(shape), shapes, lowest);
    }

    /**
     * Checks a built relaxation against the budget, with the backend's estimate from the problem
     * itself ({@link SdpSolver#estimateBytes(SdpProblem)}, which may see more than the shape, e.g.
     * a sparse Schur complement); no lower order is suggested.
     *
     * @param solver the backend that would solve it
     * @param maxMemoryBytes the caller's budget, or 0 for the available heap
     * @param k the order being checked
     * @param problem the relaxation
     * @return null when it fits (or the backend has no estimate), else why not
     */
    public static String check(SdpSolver solver, long maxMemoryBytes, int k, SdpProblem problem) {
        return check(solver, maxMemoryBytes, k, SdpShape.of(problem), solver.estimateBytes(problem), j -> null, k);
    }

    private static String check(SdpSolver solver, long maxMemoryBytes, int k, SdpShape shape, long need,
            IntFunction<SdpShape> shapes, int lowest) {
        if (need < 0) {
            return null;
        }
        long budget = maxMemoryBytes > 0 ? maxMemoryBytes : uncollectedAvailable();
        if (need <= budget) {
            return null;
        }
        if (maxMemoryBytes <= 0) {
            budget = availableHeap(); // uncollected garbage is reusable: count live data only
            if (need <= budget) {
                return null;
            }
        }
        String lower = "";
        for (int j = k - 1; j >= lowest; j--) {
            long nj = solver.estimateBytes(shapes.apply(j));
            if (nj >= 0 && nj <= budget) {
                lower = "order " + j + " needs about " + size(nj);
                break;
            }
        }
        return "the order-" + k + " relaxation (" + shape.describe() + ") needs about " + size(need)
                + " with the " + solver.name() + " backend, more than the " + size(budget)
                + (maxMemoryBytes > 0 ? " memory budget" : " of heap available") + "; use a lower order ("
                + (lower.isEmpty() ? "even order " + lowest + " does not fit), " : lower + "), ")
                + "a sparse hierarchy, or "
                + (maxMemoryBytes > 0 ? "a larger budget (--max-memory, HierarchyOptions.maxMemoryBytes) if the heap "
                        + "allows" : "a larger heap (-Xmx; POLYSOS_JAVA_OPTS=-Xmx<size> for the polysos command)");
    }

    /** @return bytes in MiB or GiB for messages ("more than 8 EiB" for a saturated estimate) */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB (the sizes overflow)";
        }
        double mib = bytes / 1048576.0;
        return mib >= 10240 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024)
                : String.format(Locale.ROOT, "%.0f MiB", mib);
    }
}
