package io.polysos.sdp.scs;

import io.polysos.sdp.SdpOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values to put into SCS's {@code ScsSettings}, resolved and validated in Java before
 * any native memory is touched. A setting that is absent keeps SCS's own default (from
 * {@code scs_set_default_settings}), except {@code verbose}, which is 0 unless asked for:
 * SCS prints to the process's standard output, which a library must not do by default.
 *
 * <p>From {@link SdpOptions}: {@code eps_abs} = feasibilityTolerance, {@code eps_rel} =
 * relativeGapTolerance, {@code max_iters} = maxIterations, {@code time_limit_secs} =
 * timeLimitSeconds, {@code verbose} = verbose. Then every entry of
 * {@link SdpOptions#backendParameters()} whose name is one of {@link #NAMES} overrides them.
 * SCS applies its tolerances to the primal residual, the dual residual and the gap alike
 * (each as eps_abs + eps_rel * scale).
 *
 * <p>Time: when the options give neither a time limit nor an iteration limit (and no backend
 * parameter sets {@code time_limit_secs} or {@code max_iters}), SCS gets
 * {@code time_limit_secs} = {@value #DEFAULT_TIME_LIMIT_SECONDS}: its own iteration limit
 * (100,000) can take far longer than any interior-point solve of the same problem.
 * {@link #defaultTimeLimit()} says whether that default was applied, so that the result can say so.
 */
public final class ScsSettings {

    /** SCS's default absolute tolerance (3.x): 1e-4. */
    public static final double DEFAULT_EPS_ABS = 1e-4;
    /** SCS's default relative tolerance (3.x): 1e-4. */
    public static final double DEFAULT_EPS_REL = 1e-4;
    /** SCS's default infeasibility tolerance (3.x): 1e-7. */
    public static final double DEFAULT_EPS_INFEAS = 1e-7;
    /** SCS's default iteration limit (3.x): 100000. */
    public static final int DEFAULT_MAX_ITERS = 100_000;
    /**
     * Time limit (seconds) given to SCS when the options set neither a time limit nor an
     * iteration limit: 300.
     */
    public static final double DEFAULT_TIME_LIMIT_SECONDS = 300;

    /** The kinds of value a setting takes. */
    enum Kind { INT, FLAG, POSITIVE, NONNEGATIVE, FRACTION_OPEN_2 }

    /** Settings that may be given by name as backend parameters, with their kind. */
    static final Map<String, Kind> NAMES;

    static {
        Map<String, Kind> n = new LinkedHashMap<>();
        n.put("normalize", Kind.FLAG);
        n.put("scale", Kind.POSITIVE);
        n.put("adaptive_scale", Kind.FLAG);
        n.put("rho_x", Kind.POSITIVE);
        n.put("max_iters", Kind.INT);
        n.put("eps_abs", Kind.NONNEGATIVE);
        n.put("eps_rel", Kind.NONNEGATIVE);
        n.put("eps_infeas", Kind.NONNEGATIVE);
        n.put("alpha", Kind.FRACTION_OPEN_2);
        n.put("time_limit_secs", Kind.NONNEGATIVE);
        n.put("verbose", Kind.INT);
        n.put("acceleration_lookback", Kind.INT);
        n.put("acceleration_interval", Kind.INT);
        NAMES = Collections.unmodifiableMap(n);
    }

    /** Name to value (ints as doubles holding integers); only what is set. */
    private final Map<String, Double> values;
    /** Whether time_limit_secs is {@link #DEFAULT_TIME_LIMIT_SECONDS} because nothing limited the solve. */
    private final boolean defaultTimeLimit;

    private ScsSettings(Map<String, Double> values, boolean defaultTimeLimit) {
        this.values = Collections.unmodifiableMap(values);
        this.defaultTimeLimit = defaultTimeLimit;
    }

    /**
     * Resolves the settings of a solve.
     *
     * @throws IllegalArgumentException for an unknown backend parameter (the message lists
     *         the valid names) or a value of the wrong kind
     */
    public static ScsSettings from(SdpOptions options) {
        Objects.requireNonNull(options, "options");
        Map<String, Double> v = new TreeMap<>();
        v.put("verbose", options.verbose() ? 1.0 : 0.0);
        options.feasibilityTolerance().ifPresent(t -> v.put("eps_abs", t));
        options.relativeGapTolerance().ifPresent(t -> v.put("eps_rel", t));
        options.maxIterations().ifPresent(n -> v.put("max_iters", (double) n));
        options.timeLimitSeconds().ifPresent(t -> v.put("time_limit_secs", t));
        for (Map.Entry<String, String> e : options.backendParameters().entrySet()) {
            String name = e.getKey();
            Kind kind = NAMES.get(name);
            if (kind == null) {
                throw new IllegalArgumentException("unknown SCS setting '" + name + "'; valid names: "
                        + String.join(", ", NAMES.keySet()));
            }
            v.put(name, parse(name, kind, e.getValue()));
        }
        boolean unlimited = !v.containsKey("time_limit_secs") && !v.containsKey("max_iters");
        if (unlimited) {
            v.put("time_limit_secs", DEFAULT_TIME_LIMIT_SECONDS);
        }
        return new ScsSettings(v, unlimited);
    }

    /**
     * @return these settings with one value replaced (validated like a backend parameter)
     * @throws IllegalArgumentException for an unknown name or a value of the wrong kind
     */
    public ScsSettings with(String name, double value) {
        Kind kind = NAMES.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown SCS setting '" + name + "'");
        }
        Map<String, Double> v = new TreeMap<>(values);
        v.put(name, parse(name, kind, Double.toString(value)));
        return new ScsSettings(v, defaultTimeLimit && !name.equals("time_limit_secs"));
    }

    /** @return the absolute tolerance SCS stops at: eps_abs, or SCS's default */
    public double epsAbs() {
        return values.getOrDefault("eps_abs", DEFAULT_EPS_ABS);
    }

    /** @return the relative tolerance SCS stops at: eps_rel, or SCS's default */
    public double epsRel() {
        return values.getOrDefault("eps_rel", DEFAULT_EPS_REL);
    }

    /**
     * @return the accuracy asked for, max(eps_abs, eps_rel): the bound that the largest
     *         DIMACS error of an answer must meet to be reported OPTIMAL
     */
    public double tolerance() {
        return Math.max(epsAbs(), epsRel());
    }

    /** @return the iteration limit: max_iters, or SCS's default */
    public int maxIterations() {
        return values.getOrDefault("max_iters", (double) DEFAULT_MAX_ITERS).intValue();
    }

    /** @return the time limit in seconds, 0 for none (SCS's convention) */
    public double timeLimitSeconds() {
        return values.getOrDefault("time_limit_secs", 0.0);
    }

    /** @return true when the time limit is {@link #DEFAULT_TIME_LIMIT_SECONDS}, applied because nothing else limited the solve */
    public boolean defaultTimeLimit() {
        return defaultTimeLimit;
    }

    private static double parse(String name, Kind kind, String text) {
        String t = text.trim();
        double x;
        if (kind == Kind.FLAG && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
            return t.equalsIgnoreCase("true") ? 1.0 : 0.0;
        }
        try {
            x = Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("SCS setting '" + name + "': not a number: '" + text + "'");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("SCS setting '" + name + "' must be finite, got " + text);
        }
        switch (kind) {
            case INT -> {
                if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' must be an integer, got " + text);
                }
                if (x < 0 || (name.equals("max_iters") && x < 1) || (name.equals("acceleration_interval") && x < 1)) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' out of range: " + text);
                }
            }
            case FLAG -> {
                if (x != 0 && x != 1) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' must be 0/1 or true/false, got " + text);
                }
            }
            case POSITIVE -> {
                if (!(x > 0)) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' must be > 0, got " + text);
                }
            }
            case NONNEGATIVE -> {
                if (x < 0) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' must be >= 0, got " + text);
                }
            }
            case FRACTION_OPEN_2 -> {
                if (!(x > 0 && x < 2)) {
                    throw new IllegalArgumentException("SCS setting '" + name + "' must be in (0, 2), got " + text);
                }
            }
        }
        return x;
    }

    /** @return the settings that are set, by SCS name (unmodifiable; integer settings as whole doubles) */
    public Map<String, Double> values() {
        return values;
    }

    /** @return the value of a setting, or null when SCS's default applies */
    public Double get(String name) {
        return values.get(name);
    }

    /** @return true when SCS should print its progress */
    public boolean verbose() {
        Double v = values.get("verbose");
        return v != null && v != 0;
    }

    @Override
    public String toString() {
        return "ScsSettings" + values;
    }
}
