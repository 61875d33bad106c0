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

#endif
