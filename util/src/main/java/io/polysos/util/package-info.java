/**
 * Small helpers shared by every module and part of no SDP or polynomial API: atomic file
 * writes ({@link io.polysos.util.AtomicFiles}). Depends on nothing.
 */
package io.polysos.util;
