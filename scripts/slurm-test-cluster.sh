#!/usr/bin/env bash
# A throw-away one-node SLURM cluster on 127.0.0.1, for tests and for trying generated sbatch
# scripts (polysos batch --slurm-script) without a real cluster. Needs root and the Debian
# packages slurmctld slurmd slurm-client munge (apt-get install --no-install-recommends ...).
#
#   scripts/slurm-test-cluster.sh start    # idempotent; prints the SLURM_CONF to export
#   scripts/slurm-test-cluster.sh status   # exit 0 when the cluster answers
#   scripts/slurm-test-cluster.sh env      # prints: export SLURM_CONF=...
#   scripts/slurm-test-cluster.sh stop     # cancels its jobs, stops its daemons, deletes its state
#
# Everything lives in one state folder, POLYSOS_SLURM_DIR (default /tmp/polysos-slurm-test):
# slurm.conf, state, spool, logs, pid files, and a private munged with its own socket (so a
# system munged, if any, is left alone). Daemons run in the background without systemd and
# are stopped through their pid files, after checking /proc/PID/comm (a stale pid file can
# name an unrelated process). Ports: the first free pair from POLYSOS_SLURM_PORT (default 16817).
set -euo pipefail

dir="${POLYSOS_SLURM_DIR:-/tmp/polysos-slurm-test}"
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

die() { echo "slurm-test-cluster: $*" >&2; exit 1; }
say() { echo "slurm-test-cluster: $*" >&2; }

# pid_of NAME COMM: the pid in $dir/NAME.pid if that process is alive and is COMM, else nothing.
pid_of() {
  local f="$dir/$1.pid" pid comm
  [ -f "$f" ] || return 0
  pid="$(tr -dc '0-9' <"$f" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  if [ "$comm" = "$2" ]; then echo "$pid"; fi
}

# stop_daemon NAME COMM: SIGTERM, wait up to 10 s, then SIGKILL; only if the pid is still COMM.
stop_daemon() {
  local pid i
  pid="$(pid_of "$1" "$2")"
  if [ -z "$pid" ]; then rm -f "$dir/$1.pid"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 100); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "$2" ] || break
    sleep 0.1
  done
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "$2" ]; then
    say "$2 ($pid) did not stop on SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/$1.pid"
}

answers() {
  [ -f "$conf" ] && [ -n "$(pid_of slurmctld slurmctld)" ] && [ -n "$(pid_of slurmd slurmd)" ] \
    && scontrol ping 2>/dev/null | grep -q 'is UP'
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Job steps outlive a killed slurmd: find the slurmstepd processes of this cluster (they carry
# its SLURM_CONF in their environment) and kill them with their job processes.
kill_stray_steps() {
  local pid
  for pid in $(pgrep -x slurmstepd || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "SLURM_CONF=$conf"; then
      say "killing stray slurmstepd $pid and its children"
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

stop() {
  if [ -f "$conf" ] && [ -n "$(pid_of slurmctld slurmctld)" ]; then
    # Cancel every job of this cluster and give them KillWait to go.
    scancel --full --quiet --partition=debug 2>/dev/null || true
    local i
    for i in $(seq 100); do
      [ -z "$(squeue -h -o %i 2>/dev/null || true)" ] && break
      sleep 0.1
    done
  fi
  stop_daemon slurmd slurmd & stop_daemon slurmctld slurmctld & wait
  kill_stray_steps
  stop_daemon munged munged
  # Delete the state folder only when it is ours (a mistyped POLYSOS_SLURM_DIR stays untouched).
  if [ -f "$conf" ] && grep -q '^# Written by scripts/slurm-test-cluster.sh' "$conf"; then
    rm -rf "$dir"
  elif [ -d "$dir" ]; then
    rmdir "$dir"/{state,spool,log,munge} "$dir" 2>/dev/null || true
  fi
  say "stopped"
}

start() {
  if answers; then say "already running ($conf)"; echo "export SLURM_CONF=$conf"; return 0; fi
  [ "$(id -u)" = 0 ] || die "needs root (the daemons run as root: SlurmUser=root)"
  local cmd
  for cmd in slurmctld slurmd sbatch squeue scontrol scancel; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found: apt-get install --no-install-recommends slurmctld slurmd slurm-client munge"
  done
  # A half-started or crashed cluster: clear it first.
  stop 2>/dev/null
  mkdir -p "$dir"/{state,spool,log}
  chmod 755 "$dir"

  local auth="AuthType=auth/munge"
  if command -v munged >/dev/null 2>&1; then
    local key=/etc/munge/munge.key
    if [ ! -r "$key" ]; then
      key="$dir/munge/munge.key"
      install -d -o munge -g munge -m 700 "$dir/munge"
      mungekey --create --keyfile="$key" >/dev/null 2>&1 || dd if=/dev/urandom of="$key" bs=1 count=1024 2>/dev/null
      chown munge:munge "$key"; chmod 400 "$key"
    fi
    install -d -o munge -g munge -m 755 "$dir/munge"
    runuser -u munge -- /usr/sbin/munged --socket="$dir/munge/munge.socket" --key-file="$key" \
      --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
      || die "munged did not start (see $dir/munge/munged.log)"
    ln -sf "$dir/munge/munged.pid" "$dir/munged.pid"
    auth="AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge"
  else
    say "munged not installed: using AuthType=auth/none (test clusters only)"
    auth="AuthType=auth/none
CredType=cred/none"
  fi

  local host cpus sockets cores threads mem ctl_port
  host="$(hostname -s)"
  read -r cpus sockets cores threads mem < <(slurmd -C | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { print v["CPUs"], v["SocketsPerBoard"] * (v["Boards"] ? v["Boards"] : 1), v["CoresPerSocket"], v["ThreadsPerCore"], v["RealMemory"] }')
  [ -n "$mem" ] || die "slurmd -C did not report the node's hardware"
  mem=$((mem * 9 / 10)) # below what slurmd reports, else the node is drained
  ctl_port="${POLYSOS_SLURM_PORT:-16817}"
  while ! port_free "$ctl_port" || ! port_free $((ctl_port + 1)); do ctl_port=$((ctl_port + 2)); done

  cat >"$conf" <<EOF
# Written by scripts/slurm-test-cluster.sh: a throw-away one-node cluster on 127.0.0.1.
ClusterName=polysos-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$((ctl_port + 1))
SlurmUser=root
SlurmdUser=root
$auth
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
MinJobAge=3600
KillWait=5
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus Sockets=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

  slurmctld -f "$conf" || die "slurmctld did not start (see $dir/log/slurmctld.log)"
  slurmd -f "$conf" -N "$host" || die "slurmd did not start (see $dir/log/slurmd.log)"
  local i state
  for i in $(seq 300); do
    state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
    case "$state" in idle|mix|alloc) break ;; esac
    sleep 0.1
  done
  case "$state" in
    idle|mix|alloc) ;;
    *) tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
       stop 2>/dev/null; die "the node did not become idle (state '${state:-none}')" ;;
  esac
  say "up: node $host ($cpus CPUs), slurmctld on 127.0.0.1:$ctl_port, state in $dir"
  echo "export SLURM_CONF=$conf"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if answers; then say "running ($conf)"; else say "not running"; exit 1; fi ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
