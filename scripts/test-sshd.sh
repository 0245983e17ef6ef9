#!/usr/bin/env bash
# An isolated OpenSSH server on 127.0.0.1 for the ssh:// integration tests: its own host key, its own
# authorized_keys with a client key made here, and DOCKER_HOST set for its sessions so that
# `docker system dial-stdio` (what ssh:// clients run on the remote side) reaches the test daemon.
#
#   bash scripts/test-sshd.sh start   # installs openssh-server from apt if sshd is missing; prints its env
#   bash scripts/test-sshd.sh stop
#
# Environment:
#   BULKHEAD_TEST_SSHD_DIR=DIR       state dir (default /tmp/bulkhead-sshd)
#   BULKHEAD_TEST_SSHD_PORT=N        port on 127.0.0.1 (default 22022)
#   BULKHEAD_TEST_SSHD_DOCKER_HOST=  DOCKER_HOST for sessions (default unix:///tmp/bulkhead-dockerd/docker.sock)
#
# start prints, for the tests: SSHD_PORT, SSHD_KEY (the client private key), SSHD_KNOWN_HOSTS (a
# known_hosts file with this server's key for [127.0.0.1]:PORT) and SSHD_USER.
set -euo pipefail

DIR="${BULKHEAD_TEST_SSHD_DIR:-/tmp/bulkhead-sshd}"
PORT="${BULKHEAD_TEST_SSHD_PORT:-22022}"
DOCKER="${BULKHEAD_TEST_SSHD_DOCKER_HOST:-unix:///tmp/bulkhead-dockerd/docker.sock}"

die() {
  echo "test-sshd: $*" >&2
  exit 1
}

install_sshd() {
  [[ -x /usr/sbin/sshd ]] && return 0
  [[ $(id -u) -eq 0 ]] || die "sshd is not installed and this is not root: apt-get install openssh-server"
  echo "test-sshd: installing openssh-server from apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package's postinst may try to start a system sshd; policy-rc.d keeps it from doing so.
  local policy=/usr/sbin/policy-rc.d created=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1
  fi
  apt-get install -y -qq --no-install-recommends openssh-server >/dev/null ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends openssh-server >/dev/null; }
  [[ $created -eq 1 ]] && rm -f "$policy"
  [[ -x /usr/sbin/sshd ]] || die "openssh-server installed but /usr/sbin/sshd is missing"
}

cmd_stop() {
  if [[ -f $DIR/sshd.pid ]]; then
    local pid
    pid=$(cat "$DIR/sshd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$DIR"
}

cmd_start() {
  install_sshd
  command -v docker >/dev/null || die "the docker CLI is missing (ssh:// runs docker system dial-stdio): apt-get install docker.io"
  cmd_stop
  mkdir -p "$DIR" /run/sshd
  chmod 700 "$DIR"
  ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_key" -C bulkhead-test-host
  ssh-keygen -q -t ed25519 -N '' -f "$DIR/client_key" -C bulkhead-test-client
  cp "$DIR/client_key.pub" "$DIR/authorized_keys"
  local user
  user=$(id -un)
  cat >"$DIR/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $PORT
HostKey $DIR/host_key
PidFile $DIR/sshd.pid
AuthorizedKeysFile $DIR/authorized_keys
AllowUsers $user
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
SetEnv DOCKER_HOST=$DOCKER
EOF
  /usr/sbin/sshd -t -f "$DIR/sshd_config" || die "sshd rejected $DIR/sshd_config"
  /usr/sbin/sshd -f "$DIR/sshd_config" -E "$DIR/sshd.log"
  for _ in $(seq 50); do
    [[ -s $DIR/sshd.pid ]] && ssh-keyscan -p "$PORT" -t ed25519 127.0.0.1 >"$DIR/known_hosts" 2>/dev/null &&
      [[ -s $DIR/known_hosts ]] && break
    sleep 0.1
  done
  [[ -s $DIR/known_hosts ]] || die "sshd did not come up on 127.0.0.1:$PORT (see $DIR/sshd.log)"
  echo "SSHD_PORT=$PORT"
  echo "SSHD_USER=$user"
  echo "SSHD_KEY=$DIR/client_key"
  echo "SSHD_KNOWN_HOSTS=$DIR/known_hosts"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) die "usage: $0 start|stop" ;;
esac
