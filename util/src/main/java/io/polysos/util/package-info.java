/**
 * Small helpers shared by every module and part of no SDP or polynomial API: atomic file
 * writes ({@link io.polysos.util.AtomicFiles}), messages for unknown field names
 * ({@link io.polysos.util.FieldNames}), readable JSON and text-decoding errors
 * ({@link io.polysos.util.JsonMessages}, {@link io.polysos.util.TextFiles}). Depends on nothing.
 */
package io.polysos.util;
