#!/usr/bin/env bash
# Builds a given SCS 3.x source checkout the way polysos needs it and installs it into a
# prefix, then prints the SCS_HOME (and Maven flags) to build polysos with.
#
#   sdp-scs/build-scs.sh SCS_SOURCE_DIR [PREFIX] [--dlong] [--jobs N]
#
# SCS_SOURCE_DIR  a checkout or unpacked release of SCS 3.2.0 or newer (it holds
#                 include/scs.h, scs.mk, Makefile); it is not modified: the build runs in a
#                 temporary copy.
# PREFIX          where to install (default: SCS_SOURCE_DIR/../scs-install); gets include/scs/,
#                 lib/ and polysos-scs.properties (the switches used, read by the polysos build).
# --dlong         build with DLONG=1 (64-bit scs_int); polysos must then be built with
#                 -Dscs.dlong=1 (the build checks it). Default: DLONG=0, like SCS's own default.
# --jobs N        parallel make jobs (default 2).
#
# Always CTRLC=0 (SCS must not replace the JVM's SIGINT handler) and USE_LAPACK=1 (SDPs need
# BLAS and LAPACK: on Debian/Ubuntu `apt-get install liblapack-dev libblas-dev`). Set OPT to
# override SCS's optimization flags (its default includes -march=native, so build on the
# machine that runs polysos, or pass e.g. OPT=-O3). Downloads nothing.
set -euo pipefail

usage() {
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "build-scs: $*" >&2
  exit 1
}

src=""
prefix=""
dlong=0
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --dlong) dlong=1 ;;
    --jobs)
      [ $# -ge 2 ] || die "--jobs needs a number"
      jobs="$2"
      shift ;;
    --jobs=*) jobs="${1#--jobs=}" ;;
    -h|--help) usage ;;
    -*) echo "build-scs: unknown option $1" >&2; usage ;;
    *)
      if [ -z "$src" ]; then src="$1"
      elif [ -z "$prefix" ]; then prefix="$1"
      else echo "build-scs: too many arguments: $1" >&2; usage
      fi ;;
  esac
  shift
done
[ -n "$src" ] || usage
case "$jobs" in ''|*[!0-9]*) die "--jobs needs a positive number, got '$jobs'" ;; esac

[ -d "$src" ] || die "no such folder: $src"
src="$(cd "$src" && pwd)"
for f in include/scs.h include/glbopts.h scs.mk Makefile; do
  [ -f "$src/$f" ] || die "$src is not an SCS source checkout: $f is missing"
done
version="$(sed -n 's/^#define SCS_VERSION *("\{0,1\}\([^")]*\)"\{0,1\}).*/\1/p' "$src/include/glbopts.h" | head -n 1)"
[ -n "$version" ] || die "cannot read SCS_VERSION from $src/include/glbopts.h"
major="${version%%.*}"
rest="${version#*.}"
minor="${rest%%.*}"
case "$major.$minor" in
  3.[2-9]|3.[1-9][0-9]) ;;
  *) die "SCS $version is not supported: polysos needs SCS 3.x, 3.2.0 or newer" ;;
esac
command -v make >/dev/null || die "make is not installed"
command -v "${CC:-cc}" >/dev/null || die "no C compiler (${CC:-cc}) found"

if [ -z "$prefix" ]; then
  prefix="$(dirname "$src")/scs-install"
fi
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
case "$prefix/" in
  "$src"/*) die "the prefix must be outside the source folder (got $prefix)" ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/build-scs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
log="$work/build.log"
flags=(CTRLC=0 "DLONG=$dlong" USE_LAPACK=1 "PREFIX=$prefix")
echo "build-scs: building SCS $version with ${flags[*]} (log: make's output below on failure)" >&2
if ! (cd "$work" && make purge >/dev/null 2>&1; make -j "$jobs" "${flags[@]}" out/libscsdir.a "out/libscsdir.so" \
      && make "${flags[@]}" install) >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "make failed (is liblapack-dev / libblas-dev installed?)"
fi

lib="$prefix/lib/libscsdir.so"
[ -f "$lib" ] || die "the install left no $lib"
if command -v nm >/dev/null && nm -D "$lib" | grep -q ' T scs_start_interrupt_listener'; then
  die "$lib was built with CTRLC despite CTRLC=0"
fi
cat >"$prefix/polysos-scs.properties" <<EOF
# Written by polysos sdp-scs/build-scs.sh: the switches this SCS was built with.
scs.version=$version
scs.dlong=$dlong
scs.float=0
scs.spectral=0
scs.ctrlc=0
EOF

echo "build-scs: SCS $version installed in $prefix" >&2
echo "export SCS_HOME=$prefix"
if [ "$dlong" = 1 ]; then
  echo "# then build polysos with: mvn -Pscs -Dscs.dlong=1 package   (or ./polysos, which builds with SCS_HOME set)"
else
  echo "# then build polysos with: mvn -Pscs package   (or just ./polysos: the scs profile activates when SCS_HOME is set)"
fi
