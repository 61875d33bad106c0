package io.polysos.poly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolynomialParserTest {

    static final List<String> XY = List.of("x", "y");

    static Polynomial p(String s) {
        return PolynomialParser.parse(s, XY);
    }

    @Test
    void parsesTheSixHumpCamel() {
        Polynomial f = p("4*x^2 - 2.1*x^4 + 1/3*x^6 + x*y - 4*y^2 + 4*y^4");
        double x = 0.3;
        double y = -0.7;
        double expected = 4 * x * x - 2.1 * Math.pow(x, 4) + Math.pow(x, 6) / 3 + x * y - 4 * y * y + 4 * Math.pow(y, 4);
        assertThat(f.evaluate(new double[] {x, y})).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertThat(p("-x^2")).isEqualTo(p("x^2").negate());
        assertThat(p("(-x)^2")).isEqualTo(p("x^2"));
        assertThat(p("--x")).isEqualTo(p("x"));
    }

    @Test
    void parsesScientificNotationAndParentheses() {
        assertThat(p("1.5e2*x")).isEqualTo(p("150*x"));
        assertThat(p("2E-1")).isEqualTo(Polynomial.constant(2, 0.2));
        assertThat(p(".5*(x+y)^2")).isEqualTo(p("0.5*x^2 + x*y + 0.5*y^2"));
        assertThat(p("(x - 1)^2 / 4")).isEqualTo(p("0.25*x^2 - 0.5*x + 0.25"));
    }

    @Test
    void namesTheUnknownVariableAndItsPosition() {
        PolynomialParseException e = catchThrowableOfType(PolynomialParseException.class, () -> p("x + 2*z"));
        assertThat(e.position()).isEqualTo(6);
        assertThat(e.token()).isEqualTo("z");
        assertThat(e).hasMessageContaining("unknown variable");
    }

    @Test
    void rejectsDivisionByAVariable() {
        PolynomialParseException e = catchThrowableOfType(PolynomialParseException.class, () -> p("1/x"));
        assertThat(e.position()).isEqualTo(2);
        assertThat(e).hasMessageContaining("non-constant");
    }

    @Test
    void appliesEveryDivisionOfAChainAndNamesTheOffendingOne() {
        assertThat(p("6*x/2/3*y")).isEqualTo(p("x*y"));
        assertThat(p("(x + y)^2/4")).isEqualTo(p("x^2/4 + x*y/2 + y^2/4"));
        // the divisors are evaluated before the dividend is expanded; the error still points at
        // the divisor that is wrong
        PolynomialParseException zero = catchThrowableOfType(PolynomialParseException.class, () -> p("x/2*y/(1 - 1)"));
        assertThat(zero.position()).isEqualTo(6);
        assertThat(zero).hasMessageContaining("division by zero");
        PolynomialParseException big = catchThrowableOfType(PolynomialParseException.class, () -> p("((x+y)^2168)/0000"));
        assertThat(big.position()).isEqualTo(13);
        assertThat(big).hasMessageContaining("division by zero");
    }

    @Test
    void rejectsNegativeAndFractionalPowers() {
        PolynomialParseException neg = catchThrowableOfType(PolynomialParseException.class, () -> p("x^-1"));
        assertThat(neg.position()).isEqualTo(2);
        assertThat(neg).hasMessageContaining("negative");
        PolynomialParseException frac = catchThrowableOfType(PolynomialParseException.class, () -> p("x^0.5"));
        assertThat(frac.position()).isEqualTo(2);
        assertThat(frac.token()).isEqualTo("0.5");
        assertThat(frac).hasMessageContaining("fractional");
    }

    @Test
    void reportsUnbalancedParenthesesAndMissingOperands() {
        assertThat(catchThrowableOfType(PolynomialParseException.class, () -> p("(x + y")).position()).isEqualTo(0);
        assertThat(catchThrowableOfType(PolynomialParseException.class, () -> p("x + ")).token()).isEmpty();
        assertThat(catchThrowableOfType(PolynomialParseException.class, () -> p("x y")).position()).isEqualTo(2);
        assertThat(catchThrowableOfType(PolynomialParseException.class, () -> p("x ) ")).token()).isEqualTo(")");
        assertThatThrownBy(() -> p("  ")).isInstanceOf(PolynomialParseException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> p("x # 2")).isInstanceOf(PolynomialParseException.class).hasMessageContaining("'#'");
    }

    @Test
    void rejectsRepeatedVariableNames() {
        assertThatThrownBy(() -> new PolynomialParser(List.of("x", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variable 1");
    }
}
