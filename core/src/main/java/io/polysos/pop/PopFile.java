package io.polysos.pop;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A problem read from a {@code polysos-pop/1} file with the optional literature values of its
 * {@code known} object.
 *
 * @param problem the problem
 * @param knownOptimum {@code known.optimum} when present
 * @param knownMinimizers {@code known.minimizers} (empty when absent)
 * @param knownBoundsByOrder {@code known.boundsByOrder}: relaxation order to lower bound (empty when absent)
 */
public record PopFile(Pop problem, OptionalDouble knownOptimum, List<double[]> knownMinimizers,
        Map<Integer, Double> knownBoundsByOrder) {
}
