/**
 * The {@code mosek} backend: MOSEK's interior-point optimizer through its Fusion API for
 * Java, optional at run time. {@link io.polysos.sdp.mosek.MosekProvider} finds the Fusion
 * classes (class path, {@code -Dmosek.jar}, {@code MOSEK_JAR}) and checks the licence;
 * {@link io.polysos.sdp.mosek.MosekSolver} translates a problem to Fusion (the dual form,
 * with PSD variables) and maps the solution and statuses back.
 *
 * <p>MOSEK is not a compile-time dependency: every Fusion call goes through a small
 * reflection adapter ({@code FusionApi}). Depends on sdp-api and the JDK only.
 */
package io.polysos.sdp.mosek;
