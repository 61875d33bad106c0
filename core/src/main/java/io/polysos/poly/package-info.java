/**
 * Polynomial algebra: the graded monomial order with its combinatorial-number-system rank
 * ({@link io.polysos.poly.Monomials}, {@link io.polysos.poly.MonomialBasis}), immutable
 * sparse polynomials with double coefficients ({@link io.polysos.poly.Polynomial}), a dense
 * rank-indexed accumulator for hot loops ({@link io.polysos.poly.PolynomialBuilder}) and the
 * textual syntax ({@link io.polysos.poly.PolynomialParser}).
 *
 * <p>Depends on the JDK only.
 */
package io.polysos.poly;
