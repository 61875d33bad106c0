/**
 * The SCS backend ({@code scs}): the translation of {@link io.polysos.sdp.SdpProblem}s into
 * SCS 3.x's conic form and back ({@link io.polysos.sdp.scs.ScsConicForm}, pure Java), the
 * settings ({@link io.polysos.sdp.scs.ScsSettings}), the native session
 * ({@link io.polysos.sdp.scs.ScsSession}), the solver and its provider.
 *
 * <p>Depends on sdp-api and JavaCPP; the JavaCPP mapping lives in
 * {@code io.polysos.sdp.scs.internal} and is not public API. Without the native library
 * (module built without the {@code scs} profile) everything here loads and the provider
 * reports itself unavailable.
 */
package io.polysos.sdp.scs;
