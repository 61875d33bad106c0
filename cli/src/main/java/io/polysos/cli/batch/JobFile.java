package io.polysos.cli.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a job file (JSON Lines): one object per line,
 * {@code {"id": ..., "kind": "learn"|"pop"|"sdp", "input": PATH, "options": {...}}}; blank
 * lines and lines starting with {@code #} are ignored. The file is validated as a whole
 * before anything runs: any malformed line or duplicate id makes the whole file invalid and
 * every problem is reported with its line. A missing input file is not a file error: that
 * job alone ends with an ERROR result, since the other jobs are unaffected.
 */
public final class JobFile {

    /** The kinds of job. */
    public static final Set<String> KINDS = Set.of("learn", "pop", "sdp");
    /** The fields of a job line. */
    public static final List<String> FIELDS = List.of("id", "kind", "input", "options");

    /** Ids become file names: letters, digits, dot, dash, underscore; no leading dot. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,199}");

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JobFile() {
    }

    /**
     * @return the jobs of the file, in order
     * @throws InvalidJobFileException listing every problem found, with its line
     */
    public static List<JobSpec> read(Path file) throws IOException {
        return parse(io.polysos.util.TextFiles.readUtf8(file), file);
    }

    /**
     * @param content the content of a job file
     * @param file its path: inputs are resolved against its folder, errors name it
     * @return the jobs, in order
     * @throws InvalidJobFileException listing every problem found, with its line
     */
    public static List<JobSpec> parse(String content, Path file) {
        List<String> lines = content.lines().toList();
        Path base = file.toAbsolutePath().getParent();
        List<JobSpec> jobs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            int line = n + 1;
            String text = lines.get(n).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                errors.add(where(file, line) + "not valid JSON: " + io.polysos.util.JsonMessages.clean(e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(where(file, line) + "a job must be a JSON object");
                continue;
            }
            int before = errors.size();
            String id = text(node, "id", file, line, errors);
            String kind = text(node, "kind", file, line, errors);
            String input = text(node, "input", file, line, errors);
            if (id != null && !ID.matcher(id).matches()) {
                errors.add(where(file, line) + "id '" + id + "' must be 1-200 letters, digits, '.', '-' or '_' "
                        + "(it names the result file) and not start with '.'");
            }
            if (kind != null && !KINDS.contains(kind)) {
                errors.add(where(file, line) + "unknown kind '" + kind + "' (expected learn, pop or sdp)");
            }
            JsonNode opts = node.get("options");
            if (opts != null && !opts.isNull() && !opts.isObject()) {
                errors.add(where(file, line) + "'options' must be an object");
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    errors.add(where(file, line) + io.polysos.util.FieldNames.unknownField(f, FIELDS));
                }
            });
            if (id != null) {
                Integer prev = seen.putIfAbsent(id, line);
                if (prev != null) {
                    errors.add(where(file, line) + "duplicate job id '" + id + "' (first used on line " + prev + ")");
                }
            }
            if (errors.size() > before) {
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (opts != null && opts.isObject()) {
                options.putAll(MAPPER.convertValue(opts, Map.class));
            }
            Path in;
            try {
                in = Path.of(input);
            } catch (java.nio.file.InvalidPathException e) {
                errors.add(where(file, line) + "'input' is not a valid path: " + e.getReason());
                continue;
            }
            if (!in.isAbsolute()) {
                in = base.resolve(in).normalize();
            }
            jobs.add(new JobSpec(jobs.size(), line, id, kind, in, options));
        }
        if (!errors.isEmpty()) {
            throw new InvalidJobFileException(errors);
        }
        if (jobs.isEmpty()) {
            throw new InvalidJobFileException(List.of(file + ": no jobs (an empty job file)"));
        }
        return jobs;
    }

    private static String text(JsonNode node, String field, Path file, int line, List<String> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            errors.add(where(file, line) + "missing '" + field + "'");
            return null;
        }
        if (!v.isTextual() && !(field.equals("id") && v.isIntegralNumber())) {
            errors.add(where(file, line) + "'" + field + "' must be a string");
            return null;
        }
        String s = v.asText();
        if (s.isBlank()) {
            errors.add(where(file, line) + "'" + field + "' is empty");
            return null;
        }
        return s;
    }

    private static String where(Path file, int line) {
        return file.getFileName() + ":" + line + ": ";
    }

    /** A job file that cannot be run; the message lists every problem, one per line. */
    public static final class InvalidJobFileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public InvalidJobFileException(List<String> problems) {
            super("invalid job file, nothing was run:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
