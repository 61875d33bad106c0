/**
 * The Moment-SOS hierarchy: order-k moment relaxations of polynomial programs as SDPs
 * ({@link io.polysos.moment.MomentRelaxation}), numerical ranks with pluggable strategies
 * ({@link io.polysos.moment.RankStrategy}, {@link io.polysos.moment.RankDecision}), flat
 * truncation and atom extraction ({@link io.polysos.moment.AtomExtraction}), checks of
 * extracted points ({@link io.polysos.moment.CandidatePoint}), SOS certificates read from the
 * dual ({@link io.polysos.moment.SosCertificate}) and the hierarchy driver
 * ({@link io.polysos.moment.MomentSosSolver}).
 *
 * <p>Depends on {@code io.polysos.poly}, {@code io.polysos.pop}, sdp-api and EJML; never on
 * a backend.
 */
package io.polysos.moment;
