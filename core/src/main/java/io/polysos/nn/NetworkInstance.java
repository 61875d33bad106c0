package io.polysos.nn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A training instance: a network, its training data, optionally a test set, the true
 * coefficients when known and reference results ({@code polysos-network-instance/1}, read
 * and written by {@link NetworkInstanceFormat}).
 *
 * @param name        short name (non-null, may be empty)
 * @param description free text (non-null, may be empty)
 * @param network     the network
 * @param train       the training samples
 * @param test        the test samples, or null
 * @param truth       the true coefficients, or null
 * @param reference   the file's {@code reference} object kept verbatim, or null
 */
public record NetworkInstance(String name, String description, PolynomialNetwork network, Dataset train,
                              Dataset test, Truth truth, JsonNode reference) {

    public NetworkInstance {
        if (name == null || description == null || network == null || train == null) {
            throw new IllegalArgumentException("name, description, network and train are required");
        }
        network.checkCompatible(train, "training data");
        if (test != null) {
            network.checkCompatible(test, "test data");
        }
        if (truth != null && truth.coefficients().length != network.numLearned()) {
            throw new IllegalArgumentException("truth.coefficients has " + truth.coefficients().length
                    + " entries but the network learns " + network.numLearned() + " " + network.coefficientNames());
        }
        if (truth != null && truth.names() != null && !truth.names().equals(network.coefficientNames())) {
            throw new IllegalArgumentException("truth.names " + truth.names() + " differ from the network's learned vector "
                    + network.coefficientNames());
        }
    }

    /** @return a reference value by field name, when the reference object has it as a number */
    public OptionalDouble referenceValue(String field) {
        if (reference == null || !reference.has(field) || !reference.get(field).isNumber()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(reference.get(field).asDouble());
    }

    /**
     * The true coefficients and the noise level of generated data.
     *
     * @param coefficients the learned vector of the generator (held, not copied)
     * @param names        their names (or null)
     * @param noiseSigma   sigma of the noise, or null
     * @param noiseRms     RMS over samples of the per-sample noise norms ||eps_i||_2, or null
     */
    public record Truth(double[] coefficients, List<String> names, Double noiseSigma, Double noiseRms) {
        public Truth {
            if (coefficients == null) {
                throw new IllegalArgumentException("truth.coefficients is required");
            }
            for (int k = 0; k < coefficients.length; k++) {
                if (!Double.isFinite(coefficients[k])) {
                    throw new IllegalArgumentException("truth.coefficients[" + k + "] is not finite: " + coefficients[k]);
                }
            }
            if (noiseSigma != null && !(noiseSigma >= 0 && Double.isFinite(noiseSigma))) {
                throw new IllegalArgumentException("truth.noiseSigma must be a finite number >= 0, got " + noiseSigma);
            }
            if (noiseRms != null && !(noiseRms >= 0 && Double.isFinite(noiseRms))) {
                throw new IllegalArgumentException("truth.noiseRms must be a finite number >= 0, got " + noiseRms);
            }
            names = names == null ? null : List.copyOf(names);
        }
    }
}
