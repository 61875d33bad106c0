/**
 * The native CSDP solver run as an outside program on SDPA files
 * ({@link io.polysos.sdp.csdp.CsdpExecutable}): a reference for {@code polysos bench compare}
 * and an oracle in tests. Depends on sdp-api only.
 */
package io.polysos.sdp.csdp;
