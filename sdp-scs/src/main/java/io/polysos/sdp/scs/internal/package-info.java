/**
 * The JavaCPP mapping of SCS's C API. Not public API: everything here may change with the
 * SCS version; use {@link io.polysos.sdp.scs.ScsSession} or the {@code scs} solver provider.
 *
 * <p>{@link io.polysos.sdp.scs.internal.ScsLibrary} is the hand-written annotated class; its
 * JNI glue is generated and compiled by JavaCPP's Builder in the {@code scs} Maven profile
 * (never committed). Depends on JavaCPP only.
 */
package io.polysos.sdp.scs.internal;
