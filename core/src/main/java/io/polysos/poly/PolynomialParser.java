package io.polysos.poly;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses polynomials in the textual syntax of the {@code polysos-pop/1} files:
 *
 * <pre>
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*        division only by a nonzero constant
 *   unary   := ('+' | '-') unary | power
 *   power   := primary ('^' INTEGER)?            a nonnegative integer exponent
 *   primary := NUMBER | NAME | '(' expr ')'
 *   NUMBER  := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]   (also '.5')
 *   NAME    := letter or '_' followed by letters, digits, '_'
 * </pre>
 *
 * so {@code -x^2} is {@code -(x^2)} and {@code 1/3*x^6} is {@code (1/3)*x^6}. Whitespace is
 * ignored. Errors are {@link PolynomialParseException}s naming the 0-based position and the
 * offending token: unknown variables, division by a non-constant or by zero, negative or
 * fractional powers, unbalanced parentheses, missing operands, trailing input.
 *
 * <p>Nothing is expanded before the whole expression has been read and bounded: for every
 * operator, the degree of its expansion, an upper bound on its number of terms (at most
 * C(v + d, d) for degree d in the v variables it involves, and at most the product or sum of
 * its operands' bounds) and the number of term products needed to expand it are computed from
 * the tree by integer arithmetic. An expression over {@link #MAX_DEGREE}, {@link #MAX_TERMS}
 * or {@link #MAX_PRODUCTS} is refused at the offending operator with the numbers, so
 * {@code (x+y+z+1)^10000} or {@code ((x+y)^1000)^1000} fail at once instead of exhausting the
 * memory. Parentheses and signs may nest at most {@link #MAX_NESTING} deep.
 */
public final class PolynomialParser {

    /** Largest degree of an expression or of any of its parts. */
    public static final int MAX_DEGREE = 10_000;
    /** Largest bound on the number of terms of an expression or of any of its parts. */
    public static final long MAX_TERMS = 1_000_000;
    /**
     * Largest number of term-by-term products the expansion of an expression may need (under a
     * second of expansion and, for monomial spaces too large for a dense accumulator, up to 16
     * bytes per product of memory).
     */
    public static final long MAX_PRODUCTS = 10_000_000L;
    /** Deepest nesting of parentheses and unary signs. */
    public static final int MAX_NESTING = 500;

    private final List<String> variables;
    private final Map<String, Integer> index = new HashMap<>();

    /** @param variables the variable names, in variable order (not modified) */
    public PolynomialParser(List<String> variables) {
        this.variables = List.copyOf(variables);
        for (int i = 0; i < this.variables.size(); i++) {
            String v = this.variables.get(i);
            if (!isName(v)) {
                throw new IllegalArgumentException("variable " + i + " has an invalid name '" + v + "'");
            }
            if (index.put(v, i) != null) {
                throw new IllegalArgumentException("variable " + i + " repeats the name '" + v + "'");
            }
        }
    }

    /** @return the polynomial denoted by text, in the variables of this parser */
    public static Polynomial parse(String text, List<String> variables) {
        return new PolynomialParser(variables).parse(text);
    }

    /** @return the variable names */
    public List<String> variables() {
        return variables;
    }

    /**
     * @param text the expression
     * @return its polynomial
     * @throws PolynomialParseException on a syntax error
     */
    public Polynomial parse(String text) {
        return parse(text, 0, text.length(), 0);
    }

    /**
     * Parses text[from, to) and reports positions relative to the start of text plus
     * positionOffset (for callers that parse a part of a longer string). The expression is
     * first read into a tree and its expanded degree and number of terms are bounded from the
     * tree (see {@link #MAX_DEGREE}, {@link #MAX_TERMS}); only then is anything expanded.
     */
    public Polynomial parse(String text, int from, int to, int positionOffset) {
        Run run = new Run(text, from, to, positionOffset);
        run.advance();
        if (run.kind == Kind.END) {
            throw run.error("empty expression");
        }
        Node root = run.expr();
        if (run.kind != Kind.END) {
            throw run.error("unexpected token, expected an operator or the end of the expression");
        }
        Polynomial p;
        try {
            p = root.eval();
        } catch (PolynomialParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_FINITE + " (" + e.getMessage() + ")", e);
        }
        for (double c : p.coefficients()) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException(NOT_FINITE + " (" + c + ")");
            }
        }
        return p;
    }

    private static final String NOT_FINITE = "a coefficient of the expanded polynomial is not finite: beyond the range "
            + "of doubles (about 1.8e308)";

    private static boolean isName(String s) {
        if (s == null || s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private enum Kind { NUMBER, NAME, OP, END }

    private final class Run {
        final String s;
        final int end;
        final int offset;
        int pos;
        Kind kind;
        String tok;
        int tokPos;
        double num;
        boolean integerLiteral;
        int depth;
        final int n = variables.size();

        Run(String s, int from, int to, int offset) {
            this.s = s;
            this.pos = from;
            this.end = to;
            this.offset = offset;
        }

        PolynomialParseException error(String msg) {
            return new PolynomialParseException(msg, tokPos + offset, kind == Kind.END ? "" : tok);
        }

        void advance() {
            while (pos < end && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            tokPos = pos;
            if (pos >= end) {
                kind = Kind.END;
                tok = "";
                return;
            }
            char c = s.charAt(pos);
            if (Character.isDigit(c) || (c == '.' && pos + 1 < end && Character.isDigit(s.charAt(pos + 1)))) {
                int st = pos;
                boolean integer = true;
                while (pos < end && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos < end && s.charAt(pos) == '.') {
                    integer = false;
                    pos++;
                    while (pos < end && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                }
                if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < end && Character.isDigit(s.charAt(pos))) {
                        integer = false;
                        while (pos < end && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                kind = Kind.NUMBER;
                tok = s.substring(st, pos);
                num = Double.parseDouble(tok);
                integerLiteral = integer;
                if (!Double.isFinite(num)) {
                    throw error("number out of range");
                }
                return;
            }
            if (Character.isLetter(c) || c == '_') {
                int st = pos;
                while (pos < end && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                kind = Kind.NAME;
                tok = s.substring(st, pos);
                return;
            }
            if ("+-*/^()".indexOf(c) >= 0) {
                kind = Kind.OP;
                tok = String.valueOf(c);
                pos++;
                return;
            }
            kind = Kind.OP;
            tok = String.valueOf(c);
            throw error("unexpected character");
        }

        boolean isOp(char c) {
            return kind == Kind.OP && tok.charAt(0) == c;
        }

        Node expr() {
            List<Node> terms = new ArrayList<>();
            List<Boolean> minus = new ArrayList<>();
            terms.add(term());
            minus.add(false);
            int lastPos = tokPos;
            String lastTok = tok;
            while (isOp('+') || isOp('-')) {
                minus.add(isOp('-'));
                lastPos = tokPos;
                lastTok = tok;
                advance();
                terms.add(term());
            }
            return terms.size() == 1 ? terms.get(0) : Node.sum(terms, minus, this, lastPos, lastTok);
        }

        Node term() {
            Node p = unary();
            if (!(isOp('*') || isOp('/'))) {
                return p;
            }
            // a chain a * b / c ... is evaluated left to right in a loop (no recursion per factor);
            // the nested product nodes only carry the bounds of each prefix
            List<Node> factors = new ArrayList<>();
            List<int[]> divisions = new ArrayList<>();
            List<String> divTokens = new ArrayList<>();
            factors.add(p);
            while (isOp('*') || isOp('/')) {
                boolean div = isOp('/');
                int opPos = tokPos;
                String opTok = tok;
                advance();
                int divPos = tokPos;
                String divTok = tok;
                Node q = unary();
                p = div ? Node.quotient(p, q, divPos + offset, divTok) : Node.product(p, q, this, opPos, opTok);
                factors.add(q);
                divisions.add(div ? new int[] {divPos + offset} : null);
                divTokens.add(divTok);
            }
            return Node.chain(p, factors, divisions, divTokens);
        }

        Node unary() {
            if (isOp('-') || isOp('+')) {
                boolean minus = isOp('-');
                enter();
                advance();
                Node a = unary();
                depth--;
                return minus ? Node.negation(a) : a;
            }
            return power();
        }

        /** Counts one level of nesting (parentheses or signs), refusing too deep a nesting. */
        void enter() {
            if (++depth > MAX_NESTING) {
                throw error("nested more than " + MAX_NESTING + " levels deep");
            }
        }

        Node power() {
            Node base = primary();
            if (isOp('^')) {
                int caretPos = tokPos;
                advance();
                if (isOp('-')) {
                    throw error("negative powers are not polynomial");
                }
                if (kind != Kind.NUMBER) {
                    throw error("expected a nonnegative integer exponent");
                }
                if (!integerLiteral || num != Math.rint(num)) {
                    throw error("fractional powers are not polynomial");
                }
                if (num > Integer.MAX_VALUE) {
                    throw error("exponent too large (the expanded degree is limited to " + MAX_DEGREE + ")");
                }
                int e = (int) num;
                advance();
                if (isOp('^')) {
                    throw error("repeated '^': use parentheses");
                }
                return Node.power(base, e, this, caretPos);
            }
            return base;
        }

        Node primary() {
            switch (kind) {
                case NUMBER: {
                    double v = num;
                    advance();
                    return Node.constant(n, v);
                }
                case NAME: {
                    Integer i = index.get(tok);
                    if (i == null) {
                        throw error("unknown variable (declared: " + variables + ")");
                    }
                    advance();
                    return Node.variable(n, i);
                }
                case OP: {
                    if (isOp('(')) {
                        int openPos = tokPos;
                        enter();
                        advance();
                        if (isOp(')')) {
                            throw error("empty parentheses");
                        }
                        Node p = expr();
                        depth--;
                        if (!isOp(')')) {
                            if (kind == Kind.END) {
                                throw new PolynomialParseException("unbalanced parenthesis opened here", openPos + offset, "(");
                            }
                            throw error("expected ')'");
                        }
                        advance();
                        return p;
                    }
                    throw error("expected a number, a variable or '('");
                }
                default:
                    throw error("expected a number, a variable or '('");
            }
        }

        /** Refuses a node whose expansion exceeds a limit, at the operator that builds it. */
        void check(Node node, int at, String token) {
            String what = null;
            if (node.degree > MAX_DEGREE) {
                what = "the expanded degree would be " + count(node.degree) + ", more than the limit of " + MAX_DEGREE;
            } else if (node.terms > MAX_TERMS) {
                what = "the expansion (degree " + node.degree + " in " + node.vars.cardinality() + " variable"
                        + (node.vars.cardinality() == 1 ? "" : "s") + ") could have up to " + count(node.terms)
                        + " terms, more than the limit of " + count(MAX_TERMS);
            } else if (node.work > MAX_PRODUCTS) {
                what = "expanding it takes up to " + count(node.work) + " term products, more than the limit of "
                        + count(MAX_PRODUCTS);
            } else if (binomialAtLeast(n + node.degree, Math.min(n, node.degree), 4e18) > 4e18) {
                what = "degree " + node.degree + " in " + n + " declared variables exceeds the range of monomial "
                        + "indices (C(" + n + " + " + node.degree + ", " + n + ") > 2^62)";
            }
            if (what != null) {
                throw new PolynomialParseException(what, at + offset, token);
            }
        }
    }

    /** @return the number with thousands separators, or "more than 10^18" */
    static String count(double v) {
        if (v >= 1e18) {
            return "more than 10^18";
        }
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    /** @return C(m, k) as a double, or a value above cap as soon as it exceeds cap */
    static double binomialAtLeast(long m, long k, double cap) {
        double r = 1;
        for (long i = 1; i <= k; i++) {
            r = r * (double) (m - k + i) / i;
            if (r > cap) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return r;
    }

    /**
     * A parsed expression with the bounds of its expansion: degree, variables involved, an
     * upper bound on the number of terms, and the number of term products needed to expand it.
     */
    private abstract static class Node {
        static final double CAP = 1e19;
        final long degree;
        final BitSet vars;
        final double terms;
        final double work;

        Node(long degree, BitSet vars, double terms, double work) {
            this.degree = degree;
            this.vars = vars;
            this.terms = Math.min(Math.min(terms, maxTerms(vars.cardinality(), degree)), CAP);
            this.work = Math.min(work, CAP);
        }

        abstract Polynomial eval();

        /** C(v + d, d), the number of monomials of degree at most d in v variables (capped) */
        static double maxTerms(int v, long d) {
            return binomialAtLeast(v + d, Math.min(v, d), CAP);
        }

        static Node constant(int n, double value) {
            return new Node(0, new BitSet(), 1, 0) {
                @Override
                Polynomial eval() {
                    return Polynomial.constant(n, value);
                }
            };
        }

        static Node variable(int n, int i) {
            BitSet v = new BitSet();
            v.set(i);
            return new Node(1, v, 1, 0) {
                @Override
                Polynomial eval() {
                    return Polynomial.variable(n, i);
                }
            };
        }

        static Node negation(Node a) {
            return new Node(a.degree, a.vars, a.terms, a.work) {
                @Override
                Polynomial eval() {
                    return a.eval().negate();
                }
            };
        }

        static Node sum(List<Node> parts, List<Boolean> minus, Run run, int at, String token) {
            long d = 0;
            BitSet v = new BitSet();
            double t = 0;
            double w = 0;
            for (Node p : parts) {
                d = Math.max(d, p.degree);
                v.or(p.vars);
                t += p.terms;
                w += p.work + p.terms * 2;
            }
            Node node = new Node(d, v, t, w) {
                @Override
                Polynomial eval() {
                    // long sums are merged pairwise (O(T log T) merges of sorted term lists, not O(T^2))
                    List<Polynomial> terms = new ArrayList<>(parts.size());
                    for (int i = 0; i < parts.size(); i++) {
                        Polynomial q = parts.get(i).eval();
                        terms.add(minus.get(i) ? q.negate() : q);
                    }
                    while (terms.size() > 1) {
                        List<Polynomial> next = new ArrayList<>((terms.size() + 1) / 2);
                        for (int i = 0; i + 1 < terms.size(); i += 2) {
                            next.add(terms.get(i).add(terms.get(i + 1)));
                        }
                        if (terms.size() % 2 == 1) {
                            next.add(terms.get(terms.size() - 1));
                        }
                        terms = next;
                    }
                    return terms.get(0);
                }
            };
            run.check(node, at, token);
            return node;
        }

        static Node product(Node a, Node b, Run run, int at, String token) {
            BitSet v = (BitSet) a.vars.clone();
            v.or(b.vars);
            Node node = new Node(a.degree + b.degree, v, a.terms * b.terms, a.work + b.work + a.terms * b.terms) {
                @Override
                Polynomial eval() {
                    return a.eval().multiply(b.eval());
                }
            };
            run.check(node, at, token);
            return node;
        }

        static Node quotient(Node a, Node b, int divPos, String divTok) {
            return new Node(a.degree, a.vars, a.terms, a.work + b.work + a.terms) {
                @Override
                Polynomial eval() {
                    // the divisor first: a division by zero or by a variable is refused before
                    // the dividend's expansion is paid for (fuzzing found ((x+y)^2168)/0)
                    double c = divisor(b.eval(), divPos, divTok);
                    return a.eval().scale(1.0 / c);
                }
            };
        }

        static Node chain(Node bounds, List<Node> factors, List<int[]> divisions, List<String> divTokens) {
            return new Node(bounds.degree, bounds.vars, bounds.terms, bounds.work) {
                @Override
                Polynomial eval() {
                    // the divisors first, as in quotient
                    double[] divisors = new double[factors.size()];
                    for (int i = 1; i < factors.size(); i++) {
                        int[] div = divisions.get(i - 1);
                        if (div != null) {
                            divisors[i] = divisor(factors.get(i).eval(), div[0], divTokens.get(i - 1));
                        }
                    }
                    Polynomial p = factors.get(0).eval();
                    for (int i = 1; i < factors.size(); i++) {
                        p = divisions.get(i - 1) == null ? p.multiply(factors.get(i).eval()) : p.scale(1.0 / divisors[i]);
                    }
                    return p;
                }
            };
        }

        /** The constant value of a divisor q, refusing a non-constant or zero one. */
        static double divisor(Polynomial q, int divPos, String divTok) {
            if (!q.isConstant()) {
                throw new PolynomialParseException("division by a non-constant expression is not polynomial",
                        divPos, divTok);
            }
            double c = q.constantTerm();
            if (c == 0) {
                throw new PolynomialParseException("division by zero", divPos, divTok);
            }
            return c;
        }

        /** Terms of a^e: at most the multisets of e of a's terms, and C(v + de, de). */
        static double powerTerms(Node a, long e) {
            if (e == 0) {
                return 1;
            }
            double t = Math.ceil(a.terms);
            double multisets = t <= 1 ? 1 : binomialAtLeast((long) Math.min(t + e - 1, 4e18), Math.min((long) t - 1, e), CAP);
            return Math.min(multisets, maxTerms(a.vars.cardinality(), a.degree * e));
        }

        static Node power(Node a, int e, Run run, int at) {
            int numVariables = run.n;
            long d = e == 0 ? 0 : a.degree > MAX_DEGREE ? a.degree : Math.min(a.degree * e, 1L << 40);
            // the products of repeated squaring, as Polynomial.pow performs them
            double w = a.work;
            long result = 0;
            long base = 1;
            for (int k = e; k > 0; k >>= 1) {
                if ((k & 1) != 0) {
                    w += result == 0 ? 0 : powerTerms(a, result) * powerTerms(a, base);
                    result += base;
                }
                if (k > 1) {
                    w += powerTerms(a, base) * powerTerms(a, base);
                    base *= 2;
                }
                if (w > CAP || d > MAX_DEGREE) {
                    break;
                }
            }
            BitSet v = e == 0 ? new BitSet() : a.vars;
            Node node = new Node(d, v, d > MAX_DEGREE ? CAP : powerTerms(a, e), w) {
                @Override
                Polynomial eval() {
                    return e == 0 ? Polynomial.constant(numVariables, 1.0) : a.eval().pow(e);
                }
            };
            run.check(node, at, "^");
            return node;
        }
    }
}
