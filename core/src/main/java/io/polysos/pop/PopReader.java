package io.polysos.pop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialParseException;
import io.polysos.poly.PolynomialParser;
import io.polysos.util.FieldNames;
import io.polysos.util.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Reads {@code polysos-pop/1} JSON:
 * <pre>
 * { "format": "polysos-pop/1", "name": "...", "variables": ["x1", ...],
 *   "minimize": "polynomial", "subjectTo": ["lhs &gt;= rhs" | "lhs &lt;= rhs" | "lhs == rhs", ...],
 *   "known": { "optimum": v, "minimizers": [[...], ...], "boundsByOrder": {"1": v, ...} },
 *   "source": "...", "notes": "..." }
 * </pre>
 * Any other field, at the top level or in {@code known}, is an error naming it (and the
 * closest known name): a misspelt {@code subjectTo} must not silently drop the constraints.
 * {@code lhs >= rhs} becomes g = lhs - rhs &gt;= 0, {@code lhs <= rhs} becomes rhs - lhs &gt;= 0,
 * {@code lhs == rhs} becomes lhs - rhs = 0. Errors are IllegalArgumentExceptions naming the
 * field (for instance {@code subjectTo[2]}) and, for expressions, the 0-based character
 * position within that string and the offending token.
 */
public final class PopReader {

    /** The format tag this reader accepts. */
    public static final String FORMAT = "polysos-pop/1";

    /** The top-level fields of the format, in the order of the documentation. */
    public static final List<String> FIELDS = List.of("format", "name", "variables", "minimize", "subjectTo", "known",
            "source", "notes");
    /** The fields of {@code known}. */
    public static final List<String> KNOWN_FIELDS = List.of("optimum", "minimizers", "boundsByOrder");

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private PopReader() {
    }

    /** Reads a file; IllegalArgumentException (with the file name) on malformed content. */
    public static PopFile read(Path file) {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON text of a problem. */
    public static PopFile parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + io.polysos.util.JsonMessages.clean(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with the fields format, variables, minimize");
        }
        checkFields(root, FIELDS, "");
        JsonNode format = root.get("format");
        if (format != null && !FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException("field 'format': expected \"" + FORMAT + "\", got " + format);
        }
        JsonNode vars = root.get("variables");
        if (vars == null || !vars.isArray()) {
            throw new IllegalArgumentException("field 'variables': missing or not an array of names");
        }
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("field 'variables': empty, a problem needs at least one variable");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            if (!vars.get(i).isTextual()) {
                throw new IllegalArgumentException("variables[" + i + "]: expected a name, got " + vars.get(i));
            }
            names.add(vars.get(i).asText());
        }
        PolynomialParser parser;
        try {
            parser = new PolynomialParser(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'variables': " + e.getMessage(), e);
        }
        Pop.Builder b = Pop.builder(names);
        b.name(root.path("name").asText(""));
        JsonNode min = root.get("minimize");
        if (min == null || !min.isTextual()) {
            throw new IllegalArgumentException("field 'minimize': missing or not a string");
        }
        b.minimize(parseExpr(parser, min.asText(), 0, min.asText().length(), "minimize"));
        JsonNode st = root.get("subjectTo");
        if (st != null && !st.isNull()) {
            if (!st.isArray()) {
                throw new IllegalArgumentException("field 'subjectTo': expected an array of constraints");
            }
            for (int j = 0; j < st.size(); j++) {
                String where = "subjectTo[" + j + "]";
                if (!st.get(j).isTextual()) {
                    throw new IllegalArgumentException(where + ": expected a string, got " + st.get(j));
                }
                addConstraint(b, parser, st.get(j).asText(), where);
            }
        }
        OptionalDouble optimum = OptionalDouble.empty();
        List<double[]> minimizers = new ArrayList<>();
        Map<Integer, Double> bounds = new TreeMap<>();
        JsonNode known = root.get("known");
        if (known != null && !known.isNull() && !known.isObject()) {
            throw new IllegalArgumentException("field 'known': expected an object with " + String.join(", ", KNOWN_FIELDS));
        }
        if (known != null && known.isObject()) {
            checkFields(known, KNOWN_FIELDS, "known.");
            if (known.has("optimum")) {
                optimum = OptionalDouble.of(number(known.get("optimum"), "known.optimum"));
            }
            JsonNode ms = known.get("minimizers");
            if (ms != null && !ms.isArray()) {
                throw new IllegalArgumentException("known.minimizers: expected an array of points, got " + ms);
            }
            if (ms != null) {
                for (int i = 0; i < ms.size(); i++) {
                    JsonNode m = ms.get(i);
                    if (!m.isArray() || m.size() != names.size()) {
                        throw new IllegalArgumentException("known.minimizers[" + i + "]: expected " + names.size() + " numbers");
                    }
                    double[] z = new double[names.size()];
                    for (int v = 0; v < z.length; v++) {
                        z[v] = number(m.get(v), "known.minimizers[" + i + "][" + v + "]");
                    }
                    minimizers.add(z);
                }
            }
            JsonNode bo = known.get("boundsByOrder");
            if (bo != null && !bo.isObject()) {
                throw new IllegalArgumentException("known.boundsByOrder: expected an object {\"order\": bound}, got " + bo);
            }
            if (bo != null) {
                Iterator<Map.Entry<String, JsonNode>> it = bo.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    try {
                        bounds.put(Integer.parseInt(e.getKey()), number(e.getValue(), "known.boundsByOrder." + e.getKey()));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("known.boundsByOrder: key '" + e.getKey() + "' is not an order");
                    }
                }
            }
        }
        return new PopFile(b.build(), optimum, List.copyOf(minimizers), Map.copyOf(bounds));
    }

    private static void checkFields(JsonNode object, List<String> known, String prefix) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(FieldNames.unknownField(prefix + f, prefix.isEmpty() ? known
                        : known.stream().map(k -> prefix + k).toList()));
            }
        }
    }

    private static double number(JsonNode n, String where) {
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(where + ": expected a number, got " + n);
        }
        return n.asDouble();
    }

    private static void addConstraint(Pop.Builder b, PolynomialParser parser, String text, String where) {
        int op = -1;
        String kind = null;
        for (int i = 0; i + 1 < text.length(); i++) {
            String two = text.substring(i, i + 2);
            if (two.equals(">=") || two.equals("<=") || two.equals("==")) {
                if (op >= 0) {
                    throw new IllegalArgumentException(where + ": at position " + i + " ('" + two
                            + "'): a second relation; a constraint has exactly one of >=, <=, ==");
                }
                op = i;
                kind = two;
                i++;
            }
        }
        if (op < 0) {
            int single = indexOfAny(text, "<>=");
            if (single >= 0) {
                throw new IllegalArgumentException(where + ": at position " + single + " ('" + text.charAt(single)
                        + "'): expected one of >=, <=, == (strict inequalities are not supported)");
            }
            throw new IllegalArgumentException(where + ": no relation; expected 'lhs >= rhs', 'lhs <= rhs' or 'lhs == rhs'");
        }
        Polynomial lhs = parseExpr(parser, text, 0, op, where + " left-hand side");
        Polynomial rhs = parseExpr(parser, text, op + 2, text.length(), where + " right-hand side");
        switch (kind) {
            case ">=" -> b.subjectToNonnegative(lhs.subtract(rhs), text);
            case "<=" -> b.subjectToNonnegative(rhs.subtract(lhs), text);
            case "==" -> b.subjectToZero(lhs.subtract(rhs), text);
            default -> throw new IllegalStateException("relation " + kind + " not handled");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Polynomial parseExpr(PolynomialParser parser, String text, int from, int to, String where) {
        try {
            return parser.parse(text, from, to, 0);
        } catch (PolynomialParseException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // arithmetic beyond the double range while expanding ("coefficient is not finite")
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
