package io.polysos.sdp;

import io.polysos.util.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the SDPA sparse format ({@code .dat-s}), the exchange format of CSDP,
 * SDPA, SeDuMi and MOSEK and the format of SDPLIB.
 *
 * <pre>
 *   "comment lines start with a double quote or an asterisk
 *   m                      number of variables (anything after the number is ignored, "2=mdim" too)
 *   nBlocks                number of blocks (likewise)
 *   {s1, s2, -s3}          block sizes; a negative size is a diagonal (NONNEG) block
 *   c1 c2 ... cm           objective
 *   i k r c value          entry (r, c) of F_i in block k, all 1-based; i = 0 is F_0
 * </pre>
 *
 * Separators {@code { } ( ) ,} count as white space; the block sizes and the objective may
 * be spread over several lines and be followed by a comment on their last line (but not by
 * another number: that means a wrong count); reals may use Fortran's exponent letter
 * {@code D}; NaN and infinite values are rejected. Entries may be given in either triangle;
 * a position given twice must carry the same value. Declared sizes are checked against
 * {@link #MAX_VARIABLES}, {@link #MAX_BLOCKS}, {@link #MAX_BLOCK_SIZE} and
 * {@link #MAX_MATRIX_BLOCKS}, and nothing is allocated by them before the block sizes and
 * the objective have been read. The problem read is exactly
 * the standard form of {@link SdpProblem} with PSD and NONNEG blocks. SDPA has no
 * equality blocks: {@link #write} rejects ZERO blocks unless asked to split each equality
 * into two inequalities ({@link #writeSplittingEqualities}).
 */
public final class SdpaFormat {

    /** Largest number of variables a file may declare. */
    public static final int MAX_VARIABLES = 10_000_000;
    /** Largest number of blocks a file may declare. */
    public static final int MAX_BLOCKS = 1_000_000;
    /** Largest block size a file may declare. */
    public static final int MAX_BLOCK_SIZE = 1_000_000;
    /**
     * Largest number of coefficient matrices F_{i,k} (i = 0..m, k = 1..blocks), that is
     * (m + 1) * blocks, a file may declare: the problem holds one reference per pair.
     */
    public static final long MAX_MATRIX_BLOCKS = 100_000_000L;

    private SdpaFormat() {
    }

    /** Reads a file; the problem is named after the file (without extension). */
    public static SdpProblem read(Path file) throws IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(source + ": is a directory, expected an SDPA file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String base = file.getFileName().toString().replaceFirst("\\.dat-s$|\\.dat$", "");
            return read(r, source).withName(base);
        }
    }

    /** Reads a string in SDPA sparse format. */
    public static SdpProblem parse(String text, String source) {
        try {
            return read(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a problem from a reader (not closed).
     *
     * @param source the name used in error messages
     * @throws SdpaFormatException on malformed input, naming the line
     */
    public static SdpProblem read(Reader in, String source) throws IOException {
        return new Parser(new BufferedReader(in), source).parse();
    }

    /**
     * Writes a problem; ZERO blocks are rejected.
     *
     * @throws IllegalArgumentException when the problem has a ZERO block
     */
    public static void write(SdpProblem p, Writer out) throws IOException {
        for (BlockSpec b : p.blocks()) {
            if (b.kind() == BlockKind.ZERO) {
                throw new IllegalArgumentException("SDPA format has no equality (ZERO) blocks; problem has " + b
                        + " (use writeSplittingEqualities)");
            }
        }
        writeSplittingEqualities(p, out);
    }

    /**
     * Writes a problem, turning each ZERO(s) block into a NONNEG(2s) block holding F and -F
     * (the same feasible set; the dual of an equality becomes the difference of two
     * nonnegative multipliers).
     */
    public static void writeSplittingEqualities(SdpProblem p, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("\"polysos SDPA export").append(p.name().isEmpty() ? "" : ": " + p.name()).append('\n');
        sb.append(p.numVariables()).append(" =mdim\n");
        sb.append(p.numBlocks()).append(" =nblocks\n");
        for (int k = 0; k < p.numBlocks(); k++) {
            BlockSpec b = p.block(k);
            int s = switch (b.kind()) {
                case PSD -> b.size();
                case NONNEG -> -b.size();
                case ZERO -> -2 * b.size();
            };
            sb.append(k == 0 ? "" : " ").append(s);
        }
        sb.append('\n');
        for (int i = 0; i < p.numVariables(); i++) {
            sb.append(i == 0 ? "" : " ").append(fmt(p.objective(i)));
        }
        sb.append('\n');
        out.write(sb.toString());
        sb.setLength(0);
        for (int i = 0; i <= p.numVariables(); i++) {
            for (int k = 0; k < p.numBlocks(); k++) {
                SparseSymMatrix a = p.coefficient(i, k);
                BlockSpec b = p.block(k);
                for (int e = 0; e < a.nnz(); e++) {
                    appendEntry(sb, i, k, a.row(e), a.col(e), a.value(e));
                    if (b.kind() == BlockKind.ZERO) {
                        appendEntry(sb, i, k, a.row(e) + b.size(), a.col(e) + b.size(), -a.value(e));
                    }
                }
                if (sb.length() > (1 << 16)) {
                    out.write(sb.toString());
                    sb.setLength(0);
                }
            }
        }
        out.write(sb.toString());
        out.flush();
    }

    /** Writes a file atomically (temporary file in the same folder, then rename). */
    public static void write(SdpProblem p, Path file, boolean splitEqualities) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1)) {
                if (splitEqualities) {
                    writeSplittingEqualities(p, w);
                } else {
                    write(p, w);
                }
            }
        });
    }

    /** @return the problem in SDPA sparse format (ZERO blocks rejected) */
    public static String toString(SdpProblem p) {
        StringWriter w = new StringWriter();
        try {
            write(p, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void appendEntry(StringBuilder sb, int i, int k, int r, int c, double v) {
        sb.append(i).append(' ').append(k + 1).append(' ').append(r + 1).append(' ').append(c + 1).append(' ')
                .append(fmt(v)).append('\n');
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A line-oriented tokenizer and parser. */
    private static final class Parser {
        /** A leading integer followed by a non-numeric tail, as in "2=mdim". */
        private static final Pattern LEADING_INTEGER = Pattern.compile("^([+-]?[0-9]+)([^0-9.eEdD].*)$");
        /** The spellings of non-finite values, recognized to report them as such. */
        private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

        private final BufferedReader in;
        private final String source;
        private int lineNo;
        private String[] tokens;
        private int pos;

        Parser(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        /** Advances to the next line with tokens; false at end of input. */
        private boolean nextLine() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("\"") || t.startsWith("*")) {
                    continue;
                }
                String[] found = split(t);
                if (found.length == 0) {
                    continue;
                }
                tokens = found;
                pos = 0;
                return true;
            }
            tokens = null;
            return false;
        }

        /** Tokens of a line: separated by ASCII white space and the punctuation { } ( ) , */
        private String[] split(String t) {
            int count = 0;
            int n = t.length();
            for (int i = 0; i < n; ) {
                while (i < n && separator(t.charAt(i))) {
                    i++;
                }
                if (i < n) {
                    count++;
                    while (i < n && !separator(t.charAt(i))) {
                        i++;
                    }
                }
            }
            String[] out = new String[count];
            int k = 0;
            for (int i = 0; i < n; ) {
                while (i < n && separator(t.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !separator(t.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out[k++] = t.substring(start, i);
                }
            }
            return out;
        }

        /** The characters {@code \s} matches, and the punctuation of SDPA's block-size line. */
        private static boolean separator(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == '{' || c == '}' || c == '(' || c == ')' || c == ',';
        }

        private SdpaFormatException error(String msg) {
            return error(lineNo, msg);
        }

        private SdpaFormatException error(int line, String msg) {
            return new SdpaFormatException(source, line, msg);
        }

        /** Reads the first integer of the next line; the rest of the line is a comment. */
        private long headerInt(String what) throws IOException {
            if (!nextLine()) {
                throw error("unexpected end of file: expected " + what);
            }
            String tok = tokens[0];
            tokens = null;
            Matcher lead = LEADING_INTEGER.matcher(tok);
            return parseLong(lead.matches() ? lead.group(1) : tok, what, lineNo);
        }

        private long parseLong(String tok, String what, int line) {
            try {
                return Long.parseLong(tok);
            } catch (NumberFormatException e) {
                // tolerate integral values written as reals, e.g. "3.0"
                try {
                    double d = Double.parseDouble(fortranExponent(tok));
                    if (d == Math.rint(d) && Math.abs(d) < 1e18) {
                        return (long) d;
                    }
                } catch (NumberFormatException ignored) {
                    // fall through
                }
                throw error(line, "expected an integer for " + what + ", found '" + tok + "'");
            }
        }

        private double parseDouble(String tok, String what, int line) {
            double v;
            try {
                v = Double.parseDouble(fortranExponent(tok));
            } catch (NumberFormatException e) {
                throw error(line, "expected a number for " + what + ", found '" + tok + "'");
            }
            if (!Double.isFinite(v)) {
                throw error(line, what + " is not finite: '" + tok + "'");
            }
            return v;
        }

        /** Maps Fortran's exponent letter D to E and the words nan/inf to Java's spelling. */
        private static String fortranExponent(String tok) {
            if (NON_FINITE.matcher(tok).matches()) {
                String t = tok.toLowerCase(Locale.ROOT);
                String sign = t.startsWith("-") ? "-" : "";
                return t.contains("nan") ? "NaN" : sign + "Infinity";
            }
            return tok.replace('D', 'E').replace('d', 'e');
        }

        /**
         * Reads count numeric tokens, possibly across lines, recording each token's line. After
         * the last one the rest of its line must not hold another number (that would mean a
         * wrong count); anything else there is a comment.
         */
        private Numbers numbers(int count, String what) throws IOException {
            Numbers out = new Numbers(Math.min(count, 1 << 12));
            while (out.size < count) {
                if (tokens == null || pos >= tokens.length) {
                    if (!nextLine()) {
                        throw error("unexpected end of file: expected " + count + " " + what + ", found " + out.size);
                    }
                }
                String tok = tokens[pos++];
                if (!looksNumeric(tok)) {
                    throw error("expected " + count + " " + what + ", found '" + tok + "' after " + out.size);
                }
                out.add(tok, lineNo);
            }
            if (count > 0 && tokens != null && pos < tokens.length && looksNumeric(tokens[pos])) {
                throw error("expected " + count + " " + what + ", found more: '" + tokens[pos] + "'");
            }
            tokens = null;
            return out;
        }

        private static boolean looksNumeric(String tok) {
            char c = tok.charAt(0);
            return Character.isDigit(c) || c == '-' || c == '+' || c == '.' || NON_FINITE.matcher(tok).matches();
        }

        SdpProblem parse() throws IOException {
            long m = headerInt("the number of variables m");
            if (m < 0 || m > MAX_VARIABLES) {
                throw error("declared number of variables m = " + m + " is outside [0, " + MAX_VARIABLES + "]");
            }
            long nb = headerInt("the number of blocks");
            if (nb < 1 || nb > MAX_BLOCKS) {
                throw error("declared number of blocks " + nb + " is outside [1, " + MAX_BLOCKS + "]");
            }
            if ((m + 1) * nb > MAX_MATRIX_BLOCKS) {
                throw error("declared sizes give (m + 1) * blocks = " + (m + 1) * nb + " coefficient matrices, more than "
                        + MAX_MATRIX_BLOCKS);
            }
            // Sizes and the objective are read in full before anything is allocated by the
            // declared sizes: a truncated file or an absurd header fails here, cheaply.
            Numbers structure = numbers((int) nb, "block sizes");
            int[] sizes = new int[(int) nb];
            boolean[] diag = new boolean[(int) nb];
            for (int k = 0; k < nb; k++) {
                int line = structure.lines[k];
                long s = parseLong(structure.tokens[k], "the size of block " + (k + 1), line);
                if (s == 0 || Math.abs(s) > MAX_BLOCK_SIZE) {
                    throw error(line, "block " + (k + 1) + " has size " + s
                            + "; sizes must be nonzero and at most " + MAX_BLOCK_SIZE + " in absolute value");
                }
                sizes[k] = (int) Math.abs(s);
                diag[k] = s < 0;
            }
            Numbers cs = numbers((int) m, "objective coefficients");
            double[] c = new double[(int) m];
            for (int i = 0; i < m; i++) {
                c[i] = parseDouble(cs.tokens[i], "objective coefficient c" + (i + 1), cs.lines[i]);
            }
            SdpProblem.Builder b = SdpProblem.builder((int) m);
            for (int k = 0; k < nb; k++) {
                b.addBlock(diag[k] ? BlockKind.NONNEG : BlockKind.PSD, sizes[k]);
            }
            b.objective(c);
            Map<EntryKey, double[]> seen = new HashMap<>();
            while (nextLine()) {
                if (tokens.length != 5) {
                    throw error("expected an entry 'matrix block row column value' (5 fields), found " + tokens.length
                            + " field" + (tokens.length == 1 ? "" : "s"));
                }
                long i = parseLong(tokens[0], "the matrix number", lineNo);
                long k = parseLong(tokens[1], "the block number", lineNo);
                long r = parseLong(tokens[2], "the row", lineNo);
                long col = parseLong(tokens[3], "the column", lineNo);
                double v = parseDouble(tokens[4], "the entry value", lineNo);
                if (i < 0 || i > m) {
                    throw error("matrix number " + i + " is outside [0, " + m + "]");
                }
                if (k < 1 || k > nb) {
                    throw error("block number " + k + " is outside [1, " + nb + "]");
                }
                int s = sizes[(int) k - 1];
                if (r < 1 || r > s || col < 1 || col > s) {
                    throw error("entry (" + r + "," + col + ") of matrix " + i + " is outside block " + k + " of size "
                            + s + " (rows and columns are in [1, " + s + "])");
                }
                if (diag[(int) k - 1] && r != col) {
                    throw error("entry (" + r + "," + col + ") of matrix " + i + " is off the diagonal of diagonal block "
                            + k + " (size " + (-s) + ")");
                }
                int rr = (int) Math.min(r, col) - 1;
                int cc = (int) Math.max(r, col) - 1;
                EntryKey key = new EntryKey((int) i, (int) k - 1, rr, cc);
                double[] prev = seen.putIfAbsent(key, new double[] {v, lineNo});
                if (prev != null) {
                    if (prev[0] != v) {
                        throw error("entry (" + r + "," + col + ") of matrix " + i + ", block " + k + " was given as "
                                + prev[0] + " on line " + (int) prev[1] + " and now as " + v);
                    }
                    continue;
                }
                b.entry((int) i, (int) k - 1, rr, cc, v);
            }
            return b.build();
        }
    }

    /** Numeric tokens with the line each came from; grows with the input, not the declaration. */
    private static final class Numbers {
        String[] tokens;
        int[] lines;
        int size;

        Numbers(int capacity) {
            tokens = new String[Math.max(capacity, 1)];
            lines = new int[tokens.length];
        }

        void add(String tok, int line) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, 2 * size);
                lines = Arrays.copyOf(lines, 2 * size);
            }
            tokens[size] = tok;
            lines[size] = line;
            size++;
        }
    }

    private record EntryKey(int i, int k, int r, int c) {
    }
}
