#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for `rnnlab sweep … --on slurm` and its test:
# Debian's slurm-wlm and munge, a munge key made here, slurmctld and slurmd on localhost with the
# node's CPUs and memory, no cgroups and no accounting (sacct is off; rnnlab needs only sbatch
# and squeue). Idempotent: `start` installs what is missing and starts what is not running.
#
#   scripts/slurm-cluster.sh start    install (apt, as root) and start; waits until the node is idle
#   scripts/slurm-cluster.sh status   sinfo
#   scripts/slurm-cluster.sh stop     stop the daemons this script started
#
# State, logs and pid files live in /var/lib/rnnlab-slurm; the configuration in /etc/slurm.
set -euo pipefail
state=/var/lib/rnnlab-slurm

need_root() {
    if [ "$(id -u)" -ne 0 ]; then echo "slurm-cluster.sh: run as root (it installs packages and starts daemons)" >&2; exit 2; fi
}

install_packages() {
    if command -v slurmctld >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null; then return; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

start_munge() {
    if [ ! -s /etc/munge/munge.key ]; then
        mkdir -p /etc/munge
        head -c 1024 /dev/urandom > /etc/munge/munge.key
    fi
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
    if ! pgrep -x munged >/dev/null; then su -s /bin/sh munge -c /usr/sbin/munged; fi
}

write_config() {
    local host cpus memory
    host=$(hostname -s)
    cpus=$(nproc)
    memory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) - 1024 ))
    mkdir -p /etc/slurm "$state/spool" "$state/ctld"
    cat > /etc/slurm/slurm.conf.rnnlab <<CONF
# Written by rnnlab's scripts/slurm-cluster.sh: one node, no cgroups, no accounting.
ClusterName=rnnlab
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=lab Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    if ! cmp -s /etc/slurm/slurm.conf.rnnlab /etc/slurm/slurm.conf 2>/dev/null; then
        cp /etc/slurm/slurm.conf.rnnlab /etc/slurm/slurm.conf
    fi
}

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

start() {
    need_root
    install_packages
    start_munge
    write_config
    running slurmctld || slurmctld
    running slurmd || slurmd
    for _ in $(seq 1 60); do
        if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
            echo "slurm-cluster.sh: one node up: $(sinfo -h -o '%N %c CPUs %m MB %T')"
            return 0
        fi
        sleep 0.5
    done
    echo "slurm-cluster.sh: the node did not become idle; logs in $state" >&2
    sinfo >&2 || true
    exit 1
}

stop() {
    for daemon in slurmd slurmctld; do
        if running "$daemon"; then kill "$(cat "$state/$daemon.pid")"; fi
    done
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) sinfo ;;
    *) echo "usage: scripts/slurm-cluster.sh start|status|stop" >&2; exit 2 ;;
esac
