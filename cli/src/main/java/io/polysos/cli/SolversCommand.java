package io.polysos.cli;

import io.polysos.cli.json.Json;
import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SdpSolvers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polysos solvers}: every backend found, available or not, with the reason, and which
 * one is the default and why (a first-order backend is listed as "on request": it runs only
 * when named).
 */
@Command(name = "solvers", mixinStandardHelpOptions = true,
        description = "List the SDP backends found, available or not, and which one is the default.")
final class SolversCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object (with every reason in full).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print each backend's description and reason in full "
            + "(what to install or set to make it available), not one short line.")
    boolean verbose;

    @Override
    public Integer call() {
        SdpSolvers registry = SdpSolvers.discover();
        String def;
        try {
            def = registry.defaultName();
        } catch (RuntimeException e) {
            def = null;
        }
        String why = registry.defaultReason();
        if (json) {
            List<Object> list = new ArrayList<>();
            for (SdpSolverProvider p : registry.providers()) {
                Availability a = SdpSolvers.safeAvailability(p);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("available", a.available());
                m.put("priority", p.priority());
                m.put("default", p.name().equals(def));
                m.put("eligibleAsDefault", p.eligibleAsDefault());
                m.put("reason", a.reason());
                m.put("description", p.description());
                list.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("default", def);
            out.put("defaultReason", why);
            out.put("solvers", list);
            System.out.println(Json.write(out));
            return ExitCodes.OK;
        }
        if (registry.providers().isEmpty()) {
            System.out.println("no SDP backend found on the class path");
            return ExitCodes.OK;
        }
        System.out.printf("%-8s %-11s %s%n", "NAME", "STATUS", "DETAILS");
        for (SdpSolverProvider p : registry.providers()) {
            Availability a = SdpSolvers.safeAvailability(p);
            String status = !a.available() ? "unavailable" : p.name().equals(def) ? "default"
                    : p.eligibleAsDefault() ? "available" : "on request";
            String details = verbose ? p.description() + (a.reason().isEmpty() ? "" : " — " + a.reason())
                    : a.available() ? brief(p.description()) : brief(a.reason());
            System.out.printf("%-8s %-11s %s%n", p.name(), status, details);
        }
        if (!verbose) {
            System.out.println("details and how to make a backend available: polysos solvers --verbose (or --json)");
        }
        if (def == null) {
            System.out.println("no backend is available as default: " + why);
        } else {
            System.out.println("default: " + def + " (" + why + ")");
            System.out.println("choose another with --solver NAME or the environment variable POLYSOS_SOLVER=NAME");
        }
        return ExitCodes.OK;
    }

    /** Longest summary printed per backend without --verbose. */
    static final int BRIEF_LENGTH = 90;

    /**
     * @return the first clause of a description or reason (up to the first ':' or ';' outside
     *         parentheses), without its parenthesized asides, at most {@link #BRIEF_LENGTH} characters
     */
    static String brief(String text) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if ((c == ':' || c == ';') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                    break;
                }
                if (c == '—' || c == '\n') {
                    break;
                }
                sb.append(c);
            }
        }
        String b = sb.toString().replaceAll("\\s+", " ").replace(" ,", ",").strip();
        return b.length() <= BRIEF_LENGTH ? b : b.substring(0, BRIEF_LENGTH - 3).strip() + "...";
    }
}
