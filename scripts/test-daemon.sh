#!/usr/bin/env bash
# An isolated Docker daemon for bulkhead's integration tests.
#
#   bash scripts/test-daemon.sh start    # install docker.io if needed, start (or reuse) the daemon
#   bash scripts/test-daemon.sh env      # prints: export DOCKER_HOST=unix://<dir>/docker.sock
#   bash scripts/test-daemon.sh status   # exit 0 when it answers, 1 otherwise
#   bash scripts/test-daemon.sh stop     # stop dockerd + its containerd, remove the bridge and state dir
#
# Isolation: its own state dir (BULKHEAD_TEST_DAEMON_DIR, default /tmp/bulkhead-dockerd) holding
# data-root, exec-root, pidfile, socket and log; its own containerd (started here with a config whose
# root, state and sockets are under the state dir, and its own namespace), because dockerd 20.10+ would
# otherwise attach to a system containerd at /run/containerd and share the "moby" namespace with the
# host's daemon; its own bridge (never --bridge=none, which deletes the host's docker0); no iptables
# and no ip_forward change, so the host's firewall and sysctls are left alone; an empty daemon.json so
# /etc/docker/daemon.json cannot interfere. Works as root on Debian 12 with docker.io 20.10 from apt,
# and with a newer docker CLI earlier on PATH (the CLI negotiates the API version down).
#
# A second daemon runs beside the first when it gets its own BULKHEAD_TEST_DAEMON_DIR (its containerd,
# sockets and namespace live there), BULKHEAD_TEST_BRIDGE, a non-overlapping BULKHEAD_TEST_BRIDGE_CIDR and
# BULKHEAD_TEST_TLS_PORT. Optional:
#   BULKHEAD_TEST_TLS_CERTS_FROM=DIR   use DIR's ca.pem, server-cert.pem and server-key.pem (and DIR/client/,
#                                      if present) instead of making certificates with openssl
#   BULKHEAD_TEST_PLAIN_TCP_PORT=N     listen on tcp://127.0.0.1:N without TLS, instead of the TLS port
#                                      (dockerd applies --tlsverify to every tcp listener, so not both)
#   BULKHEAD_TEST_DAEMON_JSON=FILE     start with FILE as daemon.json instead of an empty one; FILE may be
#                                      $BULKHEAD_TEST_DAEMON_DIR/daemon.json itself, which is then kept as is
set -euo pipefail

DIR="${BULKHEAD_TEST_DAEMON_DIR:-/tmp/bulkhead-dockerd}"
BRIDGE="${BULKHEAD_TEST_BRIDGE:-bh-test0}"
BRIDGE_CIDR="${BULKHEAD_TEST_BRIDGE_CIDR:-172.31.254.1/24}"
WAIT_SECONDS="${BULKHEAD_TEST_DAEMON_WAIT:-60}"
# The daemon also listens on loopback TCP with TLS and client-certificate auth (--tlsverify), so the
# tcp+TLS path of the client is tested against a real dockerd. Certificates are made here with openssl.
TLS_PORT="${BULKHEAD_TEST_TLS_PORT:-23760}"
TLS_CERTS_FROM="${BULKHEAD_TEST_TLS_CERTS_FROM:-}"
PLAIN_TCP_PORT="${BULKHEAD_TEST_PLAIN_TCP_PORT:-}"
NAMESPACE=bulkhead-test

SOCK="$DIR/docker.sock"
TLS_DIR="$DIR/tls"
CTRD_DIR="$DIR/containerd"
CTRD_SOCK="$CTRD_DIR/containerd.sock"
MARKER="$DIR/.bulkhead-test-daemon"

log() { printf 'test-daemon: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

need_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (dockerd needs it); try: sudo bash $0 $*"
}

# A statically linked busybox, for FROM-scratch fixture images (no registry pulls).
static_busybox() {
  local b
  for b in /bin/busybox /usr/bin/busybox; do
    if [[ -x $b ]] && LC_ALL=C file -b "$b" 2>/dev/null | grep -q 'statically linked'; then
      echo "$b"
      return 0
    fi
  done
  # `file` may be missing: the busybox-static package is the fallback proof.
  if dpkg -s busybox-static >/dev/null 2>&1 && [[ -x /bin/busybox ]]; then
    echo /bin/busybox
    return 0
  fi
  return 1
}

install_deps() {
  local pkgs=()
  command -v dockerd >/dev/null 2>&1 || pkgs+=(docker.io)
  command -v containerd >/dev/null 2>&1 || pkgs+=(containerd)
  command -v ip >/dev/null 2>&1 || pkgs+=(iproute2)
  command -v openssl >/dev/null 2>&1 || pkgs+=(openssl)
  static_busybox >/dev/null || pkgs+=(busybox-static)
  ((${#pkgs[@]} == 0)) && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${pkgs[*]} and no apt-get to install them"
  log "installing ${pkgs[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  command -v dockerd >/dev/null 2>&1 || die 'dockerd still missing after installing docker.io'
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }
read_pid() { [[ -f $1 ]] && tr -dc '0-9' <"$1" || true; }

# Answers when the API answers; uses the first docker CLI on PATH.
daemon_answers() {
  [[ -S $SOCK ]] || return 1
  timeout 10 docker -H "unix://$SOCK" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

wait_for() {
  local what=$1 test_fn=$2 pid=$3 i
  for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
    "$test_fn" && return 0
    pid_alive "$pid" || return 1
    sleep 0.5
  done
  log "$what did not answer within ${WAIT_SECONDS}s"
  return 1
}

containerd_answers() { [[ -S $CTRD_SOCK ]]; }

setup_bridge() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    echo "$BRIDGE" >"$DIR/bridge-created"
  fi
  if ! ip -o -4 addr show dev "$BRIDGE" | grep -q " ${BRIDGE_CIDR%/*}/"; then
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
}

write_containerd_config() {
  # Mirrors what dockerd writes for the containerd it manages: no CRI, everything under our dir.
  cat >"$CTRD_DIR/config.toml" <<EOF
version = 2
root = "$CTRD_DIR/root"
state = "$CTRD_DIR/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
oom_score = 0

[grpc]
  address = "$CTRD_SOCK"

[ttrpc]
  address = "$CTRD_SOCK.ttrpc"

[debug]
  address = "$CTRD_DIR/debug.sock"

[metrics]
  address = ""

[plugins."io.containerd.internal.v1.opt"]
  path = "$CTRD_DIR/opt"
EOF
}

start_containerd() {
  local pid
  pid=$(read_pid "$CTRD_DIR/containerd.pid")
  if pid_alive "$pid" && containerd_answers; then
    return 0
  fi
  mkdir -p "$CTRD_DIR"
  write_containerd_config
  rm -f "$CTRD_SOCK" "$CTRD_SOCK.ttrpc" "$CTRD_DIR/debug.sock"
  setsid containerd --config "$CTRD_DIR/config.toml" >>"$DIR/containerd.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$CTRD_DIR/containerd.pid"
  if ! wait_for containerd containerd_answers "$pid"; then
    tail -n 20 "$DIR/containerd.log" >&2 || true
    die "containerd failed to start (log: $DIR/containerd.log)"
  fi
}

cmd_start() {
  need_root start
  install_deps
  if daemon_answers; then
    log "reusing the daemon at unix://$SOCK"
    return 0
  fi
  mkdir -p "$DIR" "$DIR/data" "$DIR/exec"
  touch "$MARKER"
  # A daemon that died leaves a stale pidfile; dockerd refuses to start while its process lives.
  local old
  old=$(read_pid "$DIR/dockerd.pid")
  if pid_alive "$old"; then
    log "dockerd pid $old is alive but not answering; stopping it first"
    cmd_stop_processes
  fi
  setup_bridge
  local tcp=()
  if [[ -n $PLAIN_TCP_PORT ]]; then
    [[ $PLAIN_TCP_PORT =~ ^[0-9]+$ ]] || die "BULKHEAD_TEST_PLAIN_TCP_PORT must be a port number"
    tcp=(-H "tcp://127.0.0.1:$PLAIN_TCP_PORT")
  else
    make_tls
    tcp=(
      -H "tcp://127.0.0.1:$TLS_PORT"
      --tlsverify
      --tlscacert "$TLS_DIR/ca.pem"
      --tlscert "$TLS_DIR/server-cert.pem"
      --tlskey "$TLS_DIR/server-key.pem"
    )
  fi
  start_containerd
  if [[ -n ${BULKHEAD_TEST_DAEMON_JSON:-} ]]; then
    [[ -f $BULKHEAD_TEST_DAEMON_JSON ]] || die "BULKHEAD_TEST_DAEMON_JSON: no file $BULKHEAD_TEST_DAEMON_JSON"
    [[ $BULKHEAD_TEST_DAEMON_JSON -ef $DIR/daemon.json ]] || cp "$BULKHEAD_TEST_DAEMON_JSON" "$DIR/daemon.json"
  else
    echo '{}' >"$DIR/daemon.json"
  fi
  local storage=()
  [[ -n ${BULKHEAD_TEST_STORAGE_DRIVER:-} ]] && storage=(--storage-driver "$BULKHEAD_TEST_STORAGE_DRIVER")
  setsid dockerd \
    --config-file "$DIR/daemon.json" \
    --data-root "$DIR/data" \
    --exec-root "$DIR/exec" \
    --pidfile "$DIR/dockerd.pid" \
    -H "unix://$SOCK" \
    "${tcp[@]}" \
    --containerd "$CTRD_SOCK" \
    --containerd-namespace "$NAMESPACE" \
    --containerd-plugins-namespace "$NAMESPACE-plugins" \
    --bridge "$BRIDGE" \
    --iptables=false \
    --ip6tables=false \
    --ip-forward=false \
    --ip-masq=false \
    "${storage[@]}" \
    >>"$DIR/dockerd.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$DIR/dockerd.launch.pid"
  if ! wait_for dockerd daemon_answers "$pid"; then
    tail -n 30 "$DIR/dockerd.log" >&2 || true
    die "dockerd failed to start (log: $DIR/dockerd.log)"
  fi
  log "dockerd $(docker -H "unix://$SOCK" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') at unix://$SOCK"
}

# Sends TERM, waits up to $2 seconds, then KILL.
stop_pid() {
  local pid=$1 grace=$2 i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 4; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.25
  done
  log "pid $pid ignored TERM; killing"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.25
}

# Shims outlive containerd by design; ours name our containerd socket on their command line.
our_shims() {
  local p cmd
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' 2>/dev/null <"$p/cmdline") || continue
    [[ $cmd == *containerd-shim* && $cmd == *"-address $CTRD_SOCK "* ]] && echo "${p#/proc/}"
  done
  return 0
}

cmd_stop_processes() {
  local pid ids
  # dockerd gives each container its own stop timeout (10 s) on shutdown; these are throwaway.
  if daemon_answers; then
    ids=$(timeout 10 docker -H "unix://$SOCK" ps -q 2>/dev/null || true)
    [[ -n $ids ]] && timeout 20 docker -H "unix://$SOCK" kill $ids >/dev/null 2>&1 || true
  fi
  pid=$(read_pid "$DIR/dockerd.pid")
  [[ -n $pid ]] || pid=$(read_pid "$DIR/dockerd.launch.pid")
  stop_pid "$pid" 30
  for pid in $(our_shims); do stop_pid "$pid" 5; done
  stop_pid "$(read_pid "$CTRD_DIR/containerd.pid")" 15
  for pid in $(our_shims); do stop_pid "$pid" 2; done
}

cmd_stop() {
  need_root stop
  if [[ ! -d $DIR ]]; then
    log "nothing to stop ($DIR does not exist)"
    return 0
  fi
  [[ -f $MARKER ]] || die "$DIR was not created by this script (no $MARKER); refusing to touch it"
  cmd_stop_processes
  # Overlay, shm and netns mounts left under the state dir, deepest first.
  local m
  while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done < <(awk -v d="$DIR" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r)
  if [[ -f $DIR/bridge-created ]] && ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link del "$BRIDGE" || log "could not remove bridge $BRIDGE"
  fi
  rm -rf --one-file-system "$DIR"
  log "stopped and removed $DIR"
}

cmd_env() {
  echo "export DOCKER_HOST=unix://$SOCK"
  if [[ -n $PLAIN_TCP_PORT ]]; then
    echo "export BULKHEAD_TEST_PLAIN_TCP_HOST=tcp://127.0.0.1:$PLAIN_TCP_PORT"
    return 0
  fi
  echo "export BULKHEAD_TEST_TLS_HOST=tcp://127.0.0.1:$TLS_PORT"
  echo "export BULKHEAD_TEST_CERT_PATH=$TLS_DIR/client"
}

# Certificates made elsewhere (e.g. by `bulkhead tls init`), copied so the daemon does not depend on
# the caller keeping them.
copy_tls() {
  local f
  for f in ca.pem server-cert.pem server-key.pem; do
    [[ -f $TLS_CERTS_FROM/$f ]] || die "BULKHEAD_TEST_TLS_CERTS_FROM: no $f in $TLS_CERTS_FROM"
  done
  rm -rf "$TLS_DIR"
  mkdir -p "$TLS_DIR"
  cp "$TLS_CERTS_FROM/ca.pem" "$TLS_CERTS_FROM/server-cert.pem" "$TLS_CERTS_FROM/server-key.pem" "$TLS_DIR/"
  [[ -d $TLS_CERTS_FROM/client ]] && cp -r "$TLS_CERTS_FROM/client" "$TLS_DIR/client"
  chmod 0400 "$TLS_DIR/server-key.pem"
}

# A CA, a server certificate for 127.0.0.1 and a client certificate (in DOCKER_CERT_PATH layout).
make_tls() {
  if [[ -n $TLS_CERTS_FROM ]]; then
    copy_tls
    return 0
  fi
  [[ -f $TLS_DIR/client/key.pem ]] && return 0
  mkdir -p "$TLS_DIR/client"
  (
    cd "$TLS_DIR"
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${ec[@]}" -keyout ca-key.pem -out ca.pem -days 2 -subj /CN=bulkhead-test-ca 2>/dev/null
    openssl req "${ec[@]}" -keyout server-key.pem -out server.csr -subj /CN=127.0.0.1 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req "${ec[@]}" -keyout client/key.pem -out client.csr -subj /CN=bulkhead-test-client 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
      -extfile client.ext -out client/cert.pem 2>/dev/null
    cp ca.pem client/ca.pem
    chmod 0400 server-key.pem client/key.pem ca-key.pem
  ) || die 'openssl could not make the test certificates'
}

cmd_status() {
  if daemon_answers; then
    echo "running: unix://$SOCK dockerd pid $(read_pid "$DIR/dockerd.pid"), containerd pid $(read_pid "$CTRD_DIR/containerd.pid")"
    docker -H "unix://$SOCK" version --format 'server {{.Server.Version}} API {{.Server.APIVersion}} (min {{.Server.MinAPIVersion}})'
    return 0
  fi
  echo "not running ($SOCK)"
  return 1
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
env) cmd_env ;;
status) cmd_status ;;
*)
  echo "usage: $0 start|stop|env|status" >&2
  exit 2
  ;;
esac
