/*
 * polysos: the C side of the SCS bindings (io.polysos.sdp.scs.internal.ScsLibrary).
 *
 * Included by the JNI glue that JavaCPP generates at build time. It configures the user's
 * own SCS header (scs.h of the SCS build found through SCS_HOME) with the same type
 * switches the library was built with, then adds three small probes. Hand-written; part of
 * polysos, not of SCS.
 *
 *   POLYSOS_SCS_DLONG=1     SCS built with DLONG=1 (scs_int is long long)
 *   POLYSOS_SCS_SFLOAT=1    SCS built with SFLOAT=1 (scs_float is float)
 *   POLYSOS_SCS_SPECTRAL=1  SCS built with USE_SPECTRAL_CONES=1 (extra ScsCone fields)
 */
#ifndef POLYSOS_SCS_H
#define POLYSOS_SCS_H

#if defined(POLYSOS_SCS_DLONG) && POLYSOS_SCS_DLONG
#ifndef DLONG
#define DLONG 1
#endif
#endif
#if defined(POLYSOS_SCS_SFLOAT) && POLYSOS_SCS_SFLOAT
#ifndef SFLOAT
#define SFLOAT 1
#endif
#endif
#if defined(POLYSOS_SCS_SPECTRAL) && POLYSOS_SCS_SPECTRAL
#ifndef USE_SPECTRAL_CONES
#define USE_SPECTRAL_CONES 1
#endif
#endif

#include "scs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if !defined(_WIN32)
#include <dlfcn.h>
#endif

/* sizeof(scs_int) as compiled here: 4, or 8 with DLONG. */
static inline int polysos_scs_sizeof_int(void) { return (int)sizeof(scs_int); }

/* sizeof(scs_float) as compiled here: 8, or 4 with SFLOAT. */
static inline int polysos_scs_sizeof_float(void) { return (int)sizeof(scs_float); }

/*
 * 1 when the loaded SCS was built with CTRLC (it then defines scs_start_interrupt_listener
 * and installs its own SIGINT handler during every solve), 0 when not, -1 when unknown.
 */
static inline int polysos_scs_ctrlc(void) {
#if defined(_WIN32)
  return -1;
#else
  Dl_info info;
  void *h;
  int found;
  if (!dladdr((void *)&scs_version, &info) || info.dli_fname == 0) {
    return -1;
  }
  h = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
  if (h == 0) {
    return -1;
  }
  found = dlsym(h, "scs_start_interrupt_listener") != 0;
  dlclose(h);
  return found;
#endif
}

/*
 * Capture of SCS's printing. SCS prints with printf (its log when verbose, and "Failure:..."
 * or validation errors always) on C's stdout, which would mix with a program's own output
 * (a --json answer on standard output). While a capture is active, C's stdout stream points
 * at a memory stream instead; the file descriptor 1, and so Java's System.out, is untouched.
 * The Java side serializes these calls (one lock), starts the capture when the first solve
 * begins, takes the text at the end of each solve and stops when the last one ends, so the
 * stream is never closed while SCS may print on it. POSIX only (open_memstream); elsewhere
 * polysos_scs_capture_start returns 0 and nothing is captured.
 */
static FILE *polysos_scs_real_stdout = 0;
static FILE *polysos_scs_capture = 0;
static char *polysos_scs_capture_buf = 0;
static size_t polysos_scs_capture_len = 0;
static size_t polysos_scs_capture_read = 0;

/* Points C's stdout at a fresh memory stream; 1 on success (or when already capturing), 0 when not possible. */
static inline int polysos_scs_capture_start(void) {
#if defined(_WIN32)
  return 0;
#else
  FILE *f;
  if (polysos_scs_capture != 0) {
    return 1;
  }
  fflush(stdout);
  polysos_scs_capture_buf = 0;
  polysos_scs_capture_len = 0;
  polysos_scs_capture_read = 0;
  f = open_memstream(&polysos_scs_capture_buf, &polysos_scs_capture_len);
  if (f == 0) {
    return 0;
  }
  polysos_scs_real_stdout = stdout;
  polysos_scs_capture = f;
  stdout = f;
  return 1;
#endif
}

/*
 * Copies at most cap bytes of the text printed since the last call into dst and returns how
 * many were copied (0 when there is nothing more, or no capture).
 */
static inline long polysos_scs_capture_take(char *dst, long cap) {
#if defined(_WIN32)
  return 0;
#else
  long n;
  if (polysos_scs_capture == 0 || dst == 0 || cap <= 0) {
    return 0;
  }
  flockfile(polysos_scs_capture);
  fflush(polysos_scs_capture); /* the lock is recursive */
  n = (long)(polysos_scs_capture_len - polysos_scs_capture_read);
  if (n > cap) {
    n = cap;
  }
  if (n > 0) {
    memcpy(dst, polysos_scs_capture_buf + polysos_scs_capture_read, (size_t)n);
    polysos_scs_capture_read += (size_t)n;
  }
  funlockfile(polysos_scs_capture);
  return n;
#endif
}

/* Puts C's stdout back and frees the memory stream (call only when no SCS call is running). */
static inline void polysos_scs_capture_stop(void) {
#if !defined(_WIN32)
  if (polysos_scs_capture == 0) {
    return;
  }
  stdout = polysos_scs_real_stdout;
  fclose(polysos_scs_capture);
  free(polysos_scs_capture_buf);
  polysos_scs_capture = 0;
  polysos_scs_capture_buf = 0;
  polysos_scs_capture_len = 0;
  polysos_scs_capture_read = 0;
#endif
}

#endif
