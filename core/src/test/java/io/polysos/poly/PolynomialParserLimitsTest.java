package io.polysos.poly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser bounds an expansion from the parse tree before expanding anything. */
class PolynomialParserLimitsTest {

    static final List<String> XYZW = List.of("x", "y", "z", "w");

    static Polynomial p(String s) {
        return PolynomialParser.parse(s, XYZW);
    }

    @Test
    void refusesAHugeExpansionAtOnceWithTheNumbers() {
        // the bound comes from the tree: expanding would take minutes and run out of memory
        PolynomialParseException e = catchThrowableOfType(() -> p("(x+y+z+1)^10000"), PolynomialParseException.class);
        assertThat(e.position()).isEqualTo(9);
        assertThat(e.token()).isEqualTo("^");
        // degree 10000 in 3 variables: C(10003, 3) = 166,766,685,001 terms at most
        assertThat(e.getMessage()).contains("degree 10000 in 3 variables").contains("166,766,685,001")
                .contains("limit of " + String.format(java.util.Locale.ROOT, "%,d", PolynomialParser.MAX_TERMS));
    }

    @Test
    void refusesANestedPowerByItsDegree() {
        PolynomialParseException e = catchThrowableOfType(() -> p("((x+y)^1000)^1000"), PolynomialParseException.class);
        assertThat(e.position()).isEqualTo(12);
        assertThat(e.getMessage()).contains("expanded degree would be 1,000,000")
                .contains("limit of " + PolynomialParser.MAX_DEGREE);
        assertThatThrownBy(() -> p("x^10001")).hasMessageContaining("10,001");
        assertThatThrownBy(() -> p("x^99999999999")).hasMessageContaining("exponent too large");
        assertThatThrownBy(() -> p("(x^100)^100*x")).hasMessageContaining("10,001");
    }

    @Test
    void refusesAProductWhosePartsAreSmallButWhoseWorkIsNot() {
        // each factor has C(83, 3) = 91,881 terms, the product C(163, 3) = 708,561; but
        // expanding it would take 91,881^2 = 8.4e9 term products
        assertThatThrownBy(() -> p("(x+y+z+1)^80 * (x+y+z+1)^80")).isInstanceOf(PolynomialParseException.class)
                .hasMessageContaining("term products");
    }

    @Test
    void acceptsLargeButReasonableExpansionsAndAgreesWithDirectArithmetic() {
        Polynomial q = p("(x+y+z+w+1)^12");
        assertThat(q.numTerms()).isEqualTo((int) Monomials.count(4, 12));
        assertThat(q.evaluate(new double[] {1, 1, 1, 1})).isEqualTo(Math.pow(5, 12));
        assertThat(p("x^10000").degree()).isEqualTo(10000);
        assertThat(p("(x-x)^1000 + 2^60").constantTerm()).isEqualTo(Math.pow(2, 60));
        assertThat(p("(2*x)^3 / 8 - x^3").isZero()).isTrue();
    }

    @Test
    void boundsTheNestingSoNoStackOverflows() {
        String deep = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        assertThatThrownBy(() -> p(deep)).isInstanceOf(PolynomialParseException.class)
                .hasMessageContaining("nested more than " + PolynomialParser.MAX_NESTING);
        assertThatThrownBy(() -> p("-".repeat(100_000) + "x")).isInstanceOf(PolynomialParseException.class);
        // long flat chains are fine: they are evaluated in loops
        assertThat(p("1" + "*1".repeat(100_000)).constantTerm()).isEqualTo(1.0);
        assertThat(p("x" + "+x".repeat(100_000)).coefficientOf(new int[] {1, 0, 0, 0})).isEqualTo(100_001.0);
    }

    @Test
    void theMonomialIndexRangeIsChecked() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("v" + i);
        }
        assertThatThrownBy(() -> PolynomialParser.parse("v0^5000", many)).isInstanceOf(PolynomialParseException.class)
                .hasMessageContaining("monomial indices");
    }

    /**
     * A product of few terms in a large monomial space (degree 9,203 in 5 variables) allocates
     * what its terms need: it used to fill a dense accumulator of the whole space at every
     * squaring (186 MB for 5,565 terms; found by fuzzing).
     */
    @Test
    void aSmallProductOfHighDegreeDoesNotAllocateTheMonomialSpace() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> vars = List.of("x", "y", "z", "x1", "x_2");
        PolynomialParser.parse("((x+9+y)^104*x^9099)", vars);   // load the classes first
        long before = mx.getCurrentThreadAllocatedBytes();
        Polynomial p = PolynomialParser.parse("((x+9+y)^104*x^9099)", vars);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(p.numTerms()).isEqualTo(5565);
        assertThat(p.degree()).isEqualTo(9203);
        assertThat(bytes).isLessThan(32L << 20);
    }
}
