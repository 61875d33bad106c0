package io.polysos.poly;

import java.util.HashMap;
import java.util.List;
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
 */
public final class PolynomialParser {

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
     * positionOffset (for callers that parse a part of a longer string).
     */
    public Polynomial parse(String text, int from, int to, int positionOffset) {
        Run run = new Run(text, from, to, positionOffset);
        run.advance();
        if (run.kind == Kind.END) {
            throw run.error("empty expression");
        }
        Polynomial p = run.expr();
        if (run.kind != Kind.END) {
            throw run.error("unexpected token, expected an operator or the end of the expression");
        }
        return p;
    }

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

        Polynomial expr() {
            // long sums are merged pairwise (O(T log T) merges of sorted term lists, not O(T^2))
            java.util.List<Polynomial> terms = new java.util.ArrayList<>();
            terms.add(term());
            while (isOp('+') || isOp('-')) {
                boolean minus = isOp('-');
                advance();
                Polynomial q = term();
                terms.add(minus ? q.negate() : q);
            }
            while (terms.size() > 1) {
                java.util.List<Polynomial> next = new java.util.ArrayList<>((terms.size() + 1) / 2);
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

        Polynomial term() {
            Polynomial p = unary();
            while (isOp('*') || isOp('/')) {
                boolean div = isOp('/');
                advance();
                int divPos = tokPos;
                String divTok = tok;
                Polynomial q = unary();
                if (div) {
                    if (!q.isConstant()) {
                        throw new PolynomialParseException("division by a non-constant expression is not polynomial",
                                divPos + offset, divTok);
                    }
                    double c = q.constantTerm();
                    if (c == 0) {
                        throw new PolynomialParseException("division by zero", divPos + offset, divTok);
                    }
                    p = p.scale(1.0 / c);
                } else {
                    p = p.multiply(q);
                }
            }
            return p;
        }

        Polynomial unary() {
            if (isOp('-')) {
                advance();
                return unary().negate();
            }
            if (isOp('+')) {
                advance();
                return unary();
            }
            return power();
        }

        Polynomial power() {
            Polynomial base = primary();
            if (isOp('^')) {
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
                if (num > 10_000) {
                    throw error("exponent too large");
                }
                int e = (int) num;
                advance();
                if (isOp('^')) {
                    throw error("repeated '^': use parentheses");
                }
                return base.pow(e);
            }
            return base;
        }

        Polynomial primary() {
            switch (kind) {
                case NUMBER: {
                    double v = num;
                    advance();
                    return Polynomial.constant(n, v);
                }
                case NAME: {
                    Integer i = index.get(tok);
                    if (i == null) {
                        throw error("unknown variable (declared: " + variables + ")");
                    }
                    advance();
                    return Polynomial.variable(n, i);
                }
                case OP: {
                    if (isOp('(')) {
                        int openPos = tokPos;
                        advance();
                        if (isOp(')')) {
                            throw error("empty parentheses");
                        }
                        Polynomial p = expr();
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
    }
}
