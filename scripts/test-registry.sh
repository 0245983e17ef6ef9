#!/usr/bin/env bash
# A private registry for bulkhead's integration tests: Debian's docker-registry (distribution 2.x) on
# 127.0.0.1 with TLS (a throwaway CA made here with openssl) and htpasswd (bcrypt) auth.
#
#   bash scripts/test-registry.sh start    # install docker-registry, apache2-utils, skopeo if needed; start
#   bash scripts/test-registry.sh env      # prints the address, CA, credentials and a skopeo cert dir
#   bash scripts/test-registry.sh status   # exit 0 when it answers
#   bash scripts/test-registry.sh stop     # stop it and remove its state dir
#
# Isolation: everything (config, certificates, htpasswd, storage, log, pid) lives in
# BULKHEAD_TEST_REGISTRY_DIR (default /tmp/bulkhead-registry); nothing under /etc is touched, and the
# service the Debian package may have enabled is left alone (ours has its own port and config).
set -euo pipefail

DIR="${BULKHEAD_TEST_REGISTRY_DIR:-/tmp/bulkhead-registry}"
PORT="${BULKHEAD_TEST_REGISTRY_PORT:-25443}"
USER_NAME="${BULKHEAD_TEST_REGISTRY_USER:-bulkhead}"
PASSWORD="${BULKHEAD_TEST_REGISTRY_PASSWORD:-s3cret-for-tests}"
WAIT_SECONDS=30
MARKER="$DIR/.bulkhead-test-registry"

log() { printf 'test-registry: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

registry_bin() {
  local b
  for b in docker-registry registry; do
    if command -v "$b" >/dev/null 2>&1; then
      command -v "$b"
      return 0
    fi
  done
  return 1
}

install_deps() {
  local pkgs=()
  registry_bin >/dev/null || pkgs+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || pkgs+=(apache2-utils)
  command -v skopeo >/dev/null 2>&1 || pkgs+=(skopeo)
  command -v openssl >/dev/null 2>&1 || pkgs+=(openssl)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl ca-certificates)
  ((${#pkgs[@]} == 0)) && return 0
  [[ $(id -u) -eq 0 ]] || die "missing ${pkgs[*]}; run as root to install them with apt-get"
  command -v apt-get >/dev/null 2>&1 || die "missing ${pkgs[*]} and no apt-get to install them"
  log "installing ${pkgs[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  registry_bin >/dev/null || die 'docker-registry still missing after apt-get'
}

read_pid() { [[ -f $1 ]] && tr -dc '0-9' <"$1" || true; }
pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# The registry answers /v2/ with 401 when auth is on: that is "up".
answers() {
  [[ -f $DIR/tls/ca.pem ]] || return 1
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 --cacert "$DIR/tls/ca.pem" "https://127.0.0.1:$PORT/v2/" || true)
  [[ $code == 401 || $code == 200 ]]
}

make_tls() {
  [[ -f $DIR/tls/server-key.pem ]] && return 0
  mkdir -p "$DIR/tls" "$DIR/certs.d"
  (
    cd "$DIR/tls"
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${ec[@]}" -keyout ca-key.pem -out ca.pem -days 2 -subj /CN=bulkhead-test-registry-ca 2>/dev/null
    openssl req "${ec[@]}" -keyout server-key.pem -out server.csr -subj /CN=127.0.0.1 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    chmod 0400 ca-key.pem server-key.pem
  ) || die 'openssl could not make the registry certificates'
  # skopeo --cert-dir / --dest-cert-dir wants *.crt files.
  cp "$DIR/tls/ca.pem" "$DIR/certs.d/ca.crt"
}

write_config() {
  htpasswd -Bbc "$DIR/htpasswd" "$USER_NAME" "$PASSWORD" 2>/dev/null
  cat >"$DIR/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
  tls:
    certificate: $DIR/tls/server-cert.pem
    key: $DIR/tls/server-key.pem
auth:
  htpasswd:
    realm: bulkhead-test
    path: $DIR/htpasswd
EOF
}

cmd_start() {
  install_deps
  if answers; then
    log "reusing the registry at 127.0.0.1:$PORT"
    return 0
  fi
  mkdir -p "$DIR/data"
  touch "$MARKER"
  local old
  old=$(read_pid "$DIR/registry.pid")
  if pid_alive "$old"; then
    kill -TERM "$old" 2>/dev/null || true
    sleep 0.5
  fi
  make_tls
  write_config
  setsid "$(registry_bin)" serve "$DIR/config.yml" >>"$DIR/registry.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$DIR/registry.pid"
  local i
  for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
    answers && {
      log "registry at https://127.0.0.1:$PORT (pid $pid)"
      return 0
    }
    pid_alive "$pid" || break
    sleep 0.25
  done
  tail -n 20 "$DIR/registry.log" >&2 || true
  die "docker-registry did not start (log: $DIR/registry.log)"
}

cmd_stop() {
  if [[ ! -d $DIR ]]; then
    log "nothing to stop ($DIR does not exist)"
    return 0
  fi
  [[ -f $MARKER ]] || die "$DIR was not created by this script (no $MARKER); refusing to touch it"
  local pid i
  pid=$(read_pid "$DIR/registry.pid")
  if pid_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
      pid_alive "$pid" || break
      sleep 0.25
    done
    pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf --one-file-system "$DIR"
  log "stopped and removed $DIR"
}

cmd_env() {
  echo "export BULKHEAD_TEST_REGISTRY=127.0.0.1:$PORT"
  echo "export BULKHEAD_TEST_REGISTRY_CA=$DIR/tls/ca.pem"
  echo "export BULKHEAD_TEST_REGISTRY_CERT_DIR=$DIR/certs.d"
  echo "export BULKHEAD_TEST_REGISTRY_USER=$USER_NAME"
  echo "export BULKHEAD_TEST_REGISTRY_PASSWORD=$PASSWORD"
}

cmd_status() {
  if answers; then
    echo "running: https://127.0.0.1:$PORT pid $(read_pid "$DIR/registry.pid")"
    return 0
  fi
  echo "not running (127.0.0.1:$PORT)"
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
