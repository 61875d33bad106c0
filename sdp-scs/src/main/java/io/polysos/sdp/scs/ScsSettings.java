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

    private ScsSettings(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
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
        return new ScsSettings(v);
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
