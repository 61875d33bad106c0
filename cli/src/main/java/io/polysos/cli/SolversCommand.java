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

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

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
            String details = p.description() + (a.reason().isEmpty() ? "" : " — " + a.reason());
            System.out.printf("%-8s %-11s %s%n", p.name(), status, details);
        }
        if (def == null) {
            System.out.println("no backend is available as default: " + why);
        } else {
            System.out.println("default: " + def + " (" + why + ")");
            System.out.println("choose another with --solver NAME or the environment variable POLYSOS_SOLVER=NAME");
        }
        return ExitCodes.OK;
    }
}
