package io.polysos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos summarize DIR}: aggregates the result files of batch runs. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Aggregate the results of batch runs: per kind, counts by status and medians of time and error.")
public final class SummarizeCommand implements Callable<Integer> {

    /** The error measure summarized per kind: the field read from each result. */
    static final Map<String, String> ERROR_FIELD = Map.of("sdp", "relativeGap", "pop", "gap", "learn", "absErr");

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder of result files (<id>.json).")
    Path dir;

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|csv",
            description = "Output format: md (Markdown tables) or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("md") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be md or csv, got '" + format + "'");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        Map<String, Group> groups = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "[!.]*.json")) {
            for (Path f : ds) {
                JsonNode n;
                try {
                    n = Json.mapper().readTree(Files.readString(f));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(f.getFileName().toString());
                    continue;
                }
                if (n == null || !n.path("complete").asBoolean(false)) {
                    unreadable.add(f.getFileName().toString());
                    continue;
                }
                String kind = n.path("kind").asText("?");
                Group g = groups.computeIfAbsent(kind, k -> new Group());
                String status = n.path("status").asText("?");
                g.byStatus.merge(status, 1, Integer::sum);
                g.count++;
                if (n.path("seconds").isNumber()) {
                    g.seconds.add(n.path("seconds").asDouble());
                }
                JsonNode err = n.path(ERROR_FIELD.getOrDefault(kind, "error"));
                if (err.isNumber()) {
                    g.errors.add(err.asDouble());
                }
                if (status.equals("ERROR")) {
                    errors.add(n.path("id").asText() + ": " + n.path("error").asText());
                }
            }
        }
        if (format.equals("csv")) {
            System.out.println("kind,jobs,statuses,medianSeconds,errorMeasure,medianError");
            groups.forEach((k, g) -> System.out.printf(Locale.ROOT, "%s,%d,%s,%s,%s,%s%n", k, g.count,
                    statuses(g).replace(',', ';'), num(median(g.seconds)), ERROR_FIELD.getOrDefault(k, "-"),
                    num(median(g.errors))));
        } else {
            System.out.println("| kind | jobs | statuses | median time (s) | median error |");
            System.out.println("|---|---:|---|---:|---:|");
            groups.forEach((k, g) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", k, g.count,
                    statuses(g), num(median(g.seconds)),
                    g.errors.isEmpty() ? "-" : ERROR_FIELD.get(k) + " " + num(median(g.errors))));
            if (!errors.isEmpty()) {
                System.out.println();
                System.out.println("Jobs with status ERROR:");
                errors.stream().sorted().forEach(e -> System.out.println("- " + e));
            }
            if (!unreadable.isEmpty()) {
                System.out.println();
                System.out.println("Unreadable or incomplete result files: " + String.join(", ", unreadable));
            }
        }
        return groups.isEmpty() ? ExitCodes.NOT_OPTIMAL : ExitCodes.OK;
    }

    private static String statuses(Group g) {
        StringBuilder sb = new StringBuilder();
        g.byStatus.forEach((s, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(s).append(' ').append(c));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : 0.5 * (s.get(n / 2 - 1) + s.get(n / 2));
    }

    private static final class Group {
        int count;
        final Map<String, Integer> byStatus = new TreeMap<>();
        final List<Double> seconds = new ArrayList<>();
        final List<Double> errors = new ArrayList<>();
    }
}
