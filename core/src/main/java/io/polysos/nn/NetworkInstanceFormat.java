package io.polysos.nn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.polysos.util.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code polysos-network-instance/1} JSON files (layout in DESIGN section 5):
 *
 * <pre>
 * { "format": "polysos-network-instance/1", "name": "...", "description": "...",
 *   "weights": [W_1, ..., W_{D+1}],                 each a list of rows
 *   "activations": [ {"degree": d_1, "fixedConstant": 1.0}, ..., {"degree": d_D} ],
 *   "inputs": [[x_1], ...], "outputs": [[y_1], ...],
 *   "test": {"inputs": [...], "outputs": [...]},    optional
 *   "truth": {"coefficients": [...], "names": [...], "noiseSigma": s, "noiseRms": r},  optional
 *   "reference": { ... } }                          optional, kept verbatim
 * </pre>
 *
 * Every rule is checked; a violation is an {@link IllegalArgumentException} whose message
 * names the source, the field and the offending layer, row, sample or entry.
 */
public final class NetworkInstanceFormat {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "polysos-network-instance/1";

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> KNOWN = Set.of("format", "name", "description", "weights", "activations",
            "inputs", "outputs", "test", "truth", "reference");

    private NetworkInstanceFormat() {
    }

    /**
     * Reads an instance file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid instance (message names the file)
     */
    public static NetworkInstance read(Path file) throws IOException {
        String text = io.polysos.util.TextFiles.readUtf8(file);
        return parse(text, file.toString());
    }

    /** Parses instance JSON; {@code source} names it in error messages. */
    public static NetworkInstance parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + io.polysos.util.JsonMessages.clean(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        try {
            return fromTree(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static NetworkInstance fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("top level must be a JSON object");
        }
        JsonNode fmt = root.get("format");
        if (fmt == null || !fmt.isTextual() || !FORMAT.equals(fmt.asText())) {
            throw new IllegalArgumentException("field 'format' must be \"" + FORMAT + "\", got " + fmt);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' (known: " + KNOWN + ")");
            }
        }
        String name = optText(root, "name");
        String description = optText(root, "description");
        JsonNode ws = require(root, "weights");
        if (!ws.isArray() || ws.isEmpty()) {
            throw new IllegalArgumentException("field 'weights' must be a non-empty list of matrices");
        }
        double[][][] weights = new double[ws.size()][][];
        for (int l = 0; l < ws.size(); l++) {
            weights[l] = matrix(ws.get(l), "weights[" + l + "] (W_" + (l + 1) + ")", "row");
        }
        JsonNode as = require(root, "activations");
        if (!as.isArray() || as.isEmpty()) {
            throw new IllegalArgumentException("field 'activations' must be a non-empty list");
        }
        List<Activation> acts = new ArrayList<>();
        for (int l = 0; l < as.size(); l++) {
            acts.add(activation(as.get(l), "activations[" + l + "] (layer " + (l + 1) + ")"));
        }
        PolynomialNetwork net = new PolynomialNetwork(weights, acts);
        Dataset train = dataset(root, "", net);
        Dataset test = null;
        if (root.has("test") && !root.get("test").isNull()) {
            JsonNode t = root.get("test");
            if (!t.isObject()) {
                throw new IllegalArgumentException("field 'test' must be an object with inputs and outputs");
            }
            test = dataset(t, "test.", net);
        }
        NetworkInstance.Truth truth = null;
        if (root.has("truth") && !root.get("truth").isNull()) {
            truth = truth(root.get("truth"), net);
        }
        JsonNode ref = root.get("reference");
        if (ref != null && ref.isNull()) {
            ref = null;
        }
        if (ref != null && !ref.isObject()) {
            throw new IllegalArgumentException("field 'reference' must be an object");
        }
        return new NetworkInstance(name, description, net, train, test, truth, ref == null ? null : ref.deepCopy());
    }

    private static Activation activation(JsonNode a, String where) {
        if (a == null || !a.isObject()) {
            throw new IllegalArgumentException(where + " must be an object {\"degree\": d[, \"fixedConstant\": c]}");
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("degree") && !f.equals("fixedConstant")) {
                throw new IllegalArgumentException(where + ": unknown field '" + f + "'");
            }
        }
        JsonNode d = a.get("degree");
        if (d == null || !d.isIntegralNumber() || !d.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": 'degree' must be an integer, got " + d);
        }
        if (d.asInt() < 0 || d.asInt() > Activation.MAX_DEGREE) {
            throw new IllegalArgumentException(where + ": 'degree' must be in [0, " + Activation.MAX_DEGREE + "], got " + d.asInt());
        }
        Double fixed = null;
        JsonNode f = a.get("fixedConstant");
        if (f != null && !f.isNull()) {
            fixed = number(f, where + ".fixedConstant");
        }
        return new Activation(d.asInt(), fixed);
    }

    private static Dataset dataset(JsonNode node, String prefix, PolynomialNetwork net) {
        double[][] in = matrix(require(node, "inputs", prefix), prefix + "inputs", "sample");
        double[][] out = matrix(require(node, "outputs", prefix), prefix + "outputs", "sample");
        if (in.length != out.length) {
            throw new IllegalArgumentException(prefix + "inputs has " + in.length + " samples but " + prefix
                    + "outputs has " + out.length);
        }
        if (in[0].length != net.inputWidth()) {
            throw new IllegalArgumentException(prefix + "inputs: samples have length " + in[0].length
                    + " but W_1 has " + net.inputWidth() + " columns (m_0)");
        }
        if (out[0].length != net.outputWidth()) {
            throw new IllegalArgumentException(prefix + "outputs: samples have length " + out[0].length
                    + " but W_" + (net.depth() + 1) + " has " + net.outputWidth() + " rows (m_" + (net.depth() + 1) + ")");
        }
        return new Dataset(in, out);
    }

    private static NetworkInstance.Truth truth(JsonNode t, PolynomialNetwork net) {
        if (!t.isObject()) {
            throw new IllegalArgumentException("field 'truth' must be an object");
        }
        JsonNode cs = require(t, "coefficients", "truth.");
        double[] c = vector(cs, "truth.coefficients");
        if (c.length != net.numLearned()) {
            throw new IllegalArgumentException("truth.coefficients has " + c.length + " entries but the network learns "
                    + net.numLearned() + " " + net.coefficientNames());
        }
        List<String> names = null;
        JsonNode ns = t.get("names");
        if (ns != null && !ns.isNull()) {
            if (!ns.isArray()) {
                throw new IllegalArgumentException("truth.names must be a list of strings");
            }
            names = new ArrayList<>();
            for (int k = 0; k < ns.size(); k++) {
                if (!ns.get(k).isTextual()) {
                    throw new IllegalArgumentException("truth.names[" + k + "] must be a string");
                }
                names.add(ns.get(k).asText());
            }
        }
        Double sigma = t.has("noiseSigma") && !t.get("noiseSigma").isNull() ? number(t.get("noiseSigma"), "truth.noiseSigma") : null;
        Double rms = t.has("noiseRms") && !t.get("noiseRms").isNull() ? number(t.get("noiseRms"), "truth.noiseRms") : null;
        return new NetworkInstance.Truth(c, names, sigma, rms);
    }

    private static double[][] matrix(JsonNode node, String where, String rowWord) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(where + " must be a non-empty list of " + rowWord + "s");
        }
        double[][] m = new double[node.size()][];
        for (int r = 0; r < node.size(); r++) {
            m[r] = vector(node.get(r), where + ", " + rowWord + " " + r);
            if (r > 0 && m[r].length != m[0].length) {
                throw new IllegalArgumentException(where + ", " + rowWord + " " + r + " has " + m[r].length
                        + " entries, expected " + m[0].length + " (as " + rowWord + " 0)");
            }
        }
        return m;
    }

    private static double[] vector(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(where + " must be a non-empty list of numbers");
        }
        double[] v = new double[node.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = number(node.get(k), where + ", entry " + k);
        }
        return v;
    }

    private static double number(JsonNode n, String where) {
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(where + " must be a number, got " + n);
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + " is not finite: " + n);
        }
        return v;
    }

    private static JsonNode require(JsonNode node, String field) {
        return require(node, field, "");
    }

    private static JsonNode require(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + prefix + field + "'");
        }
        return v;
    }

    private static String optText(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    /**
     * Writes an instance atomically: to a temporary file in the same directory, then renamed
     * over {@code file}.
     */
    public static void write(NetworkInstance inst, Path file) throws IOException {
        String text = toJson(inst);
        AtomicFiles.writeString(file, text);
    }

    /** @return the instance as pretty-printed JSON */
    public static String toJson(NetworkInstance inst) {
        StringWriter sw = new StringWriter();
        try {
            write(inst, sw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    /** Writes the instance as JSON to a writer (not closed). */
    public static void write(NetworkInstance inst, Writer out) throws IOException {
        JsonFactory jf = MAPPER.getFactory();
        try (JsonGenerator g = jf.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            PolynomialNetwork net = inst.network();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("name", inst.name());
            g.writeStringField("description", inst.description());
            g.writeArrayFieldStart("weights");
            for (int l = 1; l <= net.depth() + 1; l++) {
                writeMatrix(g, net.weightView(l));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("activations");
            for (Activation a : net.activations()) {
                g.writeStartObject();
                g.writeNumberField("degree", a.degree());
                if (a.hasFixedConstant()) {
                    g.writeNumberField("fixedConstant", a.fixedConstant());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("inputs");
            writeMatrix(g, inst.train().inputs());
            g.writeFieldName("outputs");
            writeMatrix(g, inst.train().outputs());
            if (inst.test() != null) {
                g.writeObjectFieldStart("test");
                g.writeFieldName("inputs");
                writeMatrix(g, inst.test().inputs());
                g.writeFieldName("outputs");
                writeMatrix(g, inst.test().outputs());
                g.writeEndObject();
            }
            if (inst.truth() != null) {
                NetworkInstance.Truth t = inst.truth();
                g.writeObjectFieldStart("truth");
                g.writeFieldName("coefficients");
                g.writeArray(t.coefficients(), 0, t.coefficients().length);
                g.writeArrayFieldStart("names");
                for (String s : t.names() != null ? t.names() : net.coefficientNames()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                if (t.noiseSigma() != null) {
                    g.writeNumberField("noiseSigma", t.noiseSigma());
                }
                if (t.noiseRms() != null) {
                    g.writeNumberField("noiseRms", t.noiseRms());
                }
                g.writeEndObject();
            }
            if (inst.reference() != null) {
                g.writeFieldName("reference");
                MAPPER.writeTree(g, inst.reference());
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeMatrix(JsonGenerator g, double[][] m) throws IOException {
        g.writeStartArray();
        for (double[] row : m) {
            g.writeArray(row, 0, row.length);
        }
        g.writeEndArray();
    }

    static ObjectMapper mapper() {
        return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
