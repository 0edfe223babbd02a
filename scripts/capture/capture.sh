#!/usr/bin/env bash
# Captures real error responses from real gateways on loopback into test/fixtures/responses/<gateway>/<scenario>.http:
# in front of misbehaving upstreams (upstreams.mjs) and of real application servers (php-fpm, gunicorn, uWSGI).
#
# Usage (as root, from anywhere):  bash scripts/capture/capture.sh [gateway ...]
#   gateways: none nginx apache haproxy varnish squid caddy lighttpd h2o trafficserver tinyproxy nghttpx (default: all)
#   KEEP=1 keeps the temp dir (configs, logs, raw responses) for inspection.
# Everything runs on 127.0.0.1 with ports 18xxx, configs/pids/logs live in one temp dir, and every
# process this script starts is stopped by its own PID (one gateway at a time, to spare the CPU).
# The application servers start once and serve every gateway in turn.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/test/fixtures/responses"
CONF="$HERE/configs"
RUN="$(mktemp -d /tmp/gatewhy-capture.XXXXXX)"
chmod 755 "$RUN"   # gateways and app servers that drop to nobody/proxy must be able to reach their subdirs
export PATH="/opt/node22/bin:$PATH"
UA='User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/156'   # browser-like: nginx pads pages for Chrome/MSIE
TODAY="$(date -u +%F)"
GATEWAYS=("$@")
[ ${#GATEWAYS[@]} -eq 0 ] && GATEWAYS=(none nginx apache haproxy varnish squid caddy lighttpd h2o trafficserver tinyproxy nghttpx)
# Resolver used by gateways that need one configured explicitly (nginx, squid): the system's.
RESOLVER="$(awk '/^nameserver/ {print $2; exit}' /etc/resolv.conf)"
[ -n "$RESOLVER" ] || { echo "no nameserver in /etc/resolv.conf" >&2; exit 1; }
# The application servers are Debian's: their Python is /usr/bin/python3 (not a python3 earlier in PATH).
DEBIAN_PYTHON=/usr/bin/python3

log() { printf '[capture] %s\n' "$*" >&2; }
pkg() { dpkg-query -W -f='${Version}' "$1"; }

# ---------------------------------------------------------------- process bookkeeping
PIDS=()
# start NAME LOGFILE CMD...: start a foreground-mode process in the background and remember its PID.
start() {
  local name="$1" out="$2"; shift 2
  "$@" >"$out" 2>&1 &
  PIDS+=("$!")
  echo "$!" >"$RUN/$name.pid"
  log "started $name (pid $!)"
}
# stop NAME [SIGNAL]: send SIGNAL (default TERM) to the remembered PID, wait up to 10 s, then SIGKILL it.
stop() {
  local name="$1" sig="${2:-TERM}" pid
  pid="$(cat "$RUN/$name.pid" 2>/dev/null)" || return 0
  kill -s "$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$RUN/$name.pid"
  log "stopped $name"
}
cleanup() {
  for f in "$RUN"/*.pid; do [ -e "$f" ] && stop "$(basename "$f" .pid)"; done
  if [ "${KEEP:-0}" = 1 ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT

wait_port() {  # wait until something accepts on 127.0.0.1:$1 (max 20 s)
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "port $1 never opened" >&2; return 1
}

# render TEMPLATE DEST DIR: a config with @RUN@ (the gateway's own dir DIR), @TMP@ (the shared temp dir: certificates,
# PHP scripts, sockets) and @RESOLVER@ filled in.
render() { sed -e "s#@RUN@#$3#g" -e "s#@TMP@#$RUN#g" -e "s#@RESOLVER@#$RESOLVER#g" "$1" >"$2"; }

# ---------------------------------------------------------------- what was set up, and its truth
PHP_FPM="php-fpm $(php-fpm8.2 -v | awk 'NR==1 {print $2}') (Debian 12 package php8.2-fpm $(pkg php8.2-fpm))"
GUNICORN="gunicorn $(gunicorn --version | awk '{print $3}' | tr -d ')') with Flask 2.2.2 (Debian 12 packages gunicorn $(pkg gunicorn), python3-flask $(pkg python3-flask))"
UWSGI="uWSGI $(uwsgi --version) (Debian 12 packages uwsgi-core $(pkg uwsgi-core), uwsgi-plugin-python3 $(pkg uwsgi-plugin-python3))"

# What each upstream behaviour or application-server state is, for the "# captured:" line (ports in README.md).
declare -A DESC=(
  [refused]="upstream 127.0.0.1:18001 where nothing listens (connection refused)"
  [hang]="upstream 127.0.0.1:18002 accepts, reads the request and never answers; gateway upstream timeout set to 3 s"
  [reset]="upstream 127.0.0.1:18003 reads the request, then resets the TCP connection (RST)"
  [close]="upstream 127.0.0.1:18004 reads the request, then closes cleanly (FIN) without sending a byte"
  [garbage]="upstream 127.0.0.1:18005 answers 'HELLO THIS IS NOT HTTP' plus binary junk instead of a status line, then closes"
  [bad-header]="upstream 127.0.0.1:18015 answers 'HTTP/1.1 200 OK' with one header line that has no colon"
  [huge-header]="upstream 127.0.0.1:18006 answers a valid 200 carrying a 64 KiB X-Huge header"
  [tls]="gateway speaks TLS (certificate checks off) to 127.0.0.1:18007, which is a plain-HTTP server"
  [tls-selfsigned]="gateway speaks TLS with certificate verification on to 127.0.0.1:18011, whose certificate is self-signed"
  [tls-expired]="gateway speaks TLS with verification on (capture CA trusted, name localhost) to 127.0.0.1:18017, whose certificate from that CA expired 30 days ago"
  [tls-wrong-name]="gateway speaks TLS with verification on (capture CA trusted, name localhost) to 127.0.0.1:18018, whose certificate from that CA names only wrong-name.example"
  [plain-to-tls]="gateway speaks plain HTTP to 127.0.0.1:18019, which is an HTTPS (TLS) server"
  [app-502]="healthy upstream 127.0.0.1:18008 answers its own 502 with JSON {\"error\":\"payment service unavailable\",...}"
  [app-503-retry-after]="healthy upstream 127.0.0.1:18009 answers its own 503 with Retry-After: 120 and a maintenance page"
  [dns]="upstream host backend.invalid, which does not resolve (NXDOMAIN from the system resolver)"

  [php-fpm-down]="php-fpm address 127.0.0.1:18030, where nothing listens (php-fpm not running)"
  [php-fpm-down-socket]="php-fpm unix socket <tmp>/php-fpm-down.sock, which does not exist (php-fpm not running)"
  [php-fpm-slow]="$PHP_FPM pool [slow] on 127.0.0.1:18034 runs a script that sleeps 5 s; gateway FastCGI read timeout 3 s"
  [php-fpm-slow-terminated]="$PHP_FPM pool [terminate] on 127.0.0.1:18035 (request_terminate_timeout = 1s) runs a script that sleeps 5 s, so php-fpm kills the worker"
  [php-fpm-exhausted]="$PHP_FPM pool [single] on 127.0.0.1:18033 (pm.max_children = 1) whose only worker is held by another request (sent straight to php-fpm) sleeping 7 s; gateway FastCGI timeout 3 s"
  [php-fpm-backlog-full]="$PHP_FPM pool [backlog] on 127.0.0.1:18036 (pm.max_children = 1, listen.backlog = 1): requests sent straight to php-fpm hold the worker 14 s and wait in the listen queue (two); gateway FastCGI timeout 3 s"
  [php-fpm-segfault]="$PHP_FPM pool [main] on 127.0.0.1:18031 runs a script whose worker sends itself SIGSEGV before any output"
  [php-fpm-killed-mid-response]="$PHP_FPM pool [main] on 127.0.0.1:18031 runs a script that flushes headers and 3.6 KB of HTML, then SIGKILLs its own worker"
  [php-fpm-fatal]="$PHP_FPM pool [main] on 127.0.0.1:18031 runs a script that calls an undefined function (PHP fatal error) with display_errors off (Debian's php.ini)"
  [php-fpm-fatal-display]="$PHP_FPM pool [display] on 127.0.0.1:18032 (display_errors on) runs the same fatal-error script"
  [php-fpm-missing-script]="$PHP_FPM pool [main] on 127.0.0.1:18031 is asked for a SCRIPT_FILENAME that does not exist"

  [gunicorn-down]="gunicorn address 127.0.0.1:18040, where nothing listens (gunicorn not running)"
  [gunicorn-slow]="$GUNICORN on 127.0.0.1:18042 (3 sync workers, --timeout 30): the Flask view sleeps 5 s; gateway upstream timeout 3 s"
  [gunicorn-worker-timeout]="$GUNICORN on 127.0.0.1:18043 (sync workers, --timeout 1): the Flask view sleeps 5 s, so gunicorn's arbiter kills the worker"
  [gunicorn-exhausted]="$GUNICORN on 127.0.0.1:18044 (1 sync worker) whose only worker is held by another request (sent straight to gunicorn) sleeping 7 s (30 s for Traffic Server); gateway upstream timeout 3 s"
  [gunicorn-killed]="$GUNICORN on 127.0.0.1:18041 (2 sync workers): the Flask view SIGKILLs its own worker mid-request"
  [gunicorn-unhandled-exception]="$GUNICORN on 127.0.0.1:18041: the WSGI callable raises RuntimeError outside any framework, so gunicorn answers its own 500"
  [gunicorn-flask-exception]="$GUNICORN on 127.0.0.1:18041: the Flask view raises RuntimeError, so Flask answers its 500 page"
  [gunicorn-json-error]="$GUNICORN on 127.0.0.1:18041: the Flask view returns its own JSON 500 {\"error\":\"internal_error\",...}"

  [uwsgi-http-harakiri]="$UWSGI HTTP router on 127.0.0.1:18052 (--http, 2 processes, --harakiri 1): the Flask view sleeps 5 s, so harakiri kills the worker"
  [uwsgi-http-exhausted]="$UWSGI HTTP router on 127.0.0.1:18054 (1 process, --listen 1): requests sent straight to its HTTP router hold the worker 7 s (30 s for Traffic Server) and fill the listen queue (two); gateway upstream timeout 3 s"
  [uwsgi-http-unhandled-exception]="$UWSGI HTTP router on 127.0.0.1:18052: the WSGI callable raises RuntimeError outside any framework"
  [uwsgi-http-no-app]="$UWSGI HTTP router on 127.0.0.1:18056, started with --module naming a module that does not exist (no application loaded)"
  [uwsgi-down]="uWSGI uwsgi-protocol address 127.0.0.1:18050, where nothing listens (uWSGI not running)"
  [uwsgi-harakiri]="$UWSGI uwsgi socket 127.0.0.1:18051 (2 processes, --harakiri 1): the Flask view sleeps 5 s, so harakiri kills the worker"
  [uwsgi-exhausted]="$UWSGI uwsgi socket 127.0.0.1:18053 (1 process, --listen 1): requests sent straight to its HTTP router hold the worker 7 s and fill the listen queue (two); gateway upstream timeout 3 s"
  [uwsgi-unhandled-exception]="$UWSGI uwsgi socket 127.0.0.1:18051: the WSGI callable raises RuntimeError outside any framework"
  [uwsgi-no-app]="$UWSGI uwsgi socket 127.0.0.1:18055, started with --module naming a module that does not exist (no application loaded)"
)
# True cause of each set-up behaviour (the label does not depend on what the gateway made of it).
declare -A CAUSE=(
  [refused]=origin-unreachable [refused-direct]=origin-unreachable [hang]=origin-timeout
  [reset]=origin-reset [close]=origin-reset [garbage]=origin-invalid-response
  [bad-header]=origin-invalid-response [huge-header]=origin-invalid-response
  [tls]=origin-tls [tls-selfsigned]=origin-tls [tls-expired]=origin-tls [tls-wrong-name]=origin-tls [plain-to-tls]=origin-tls
  [app-502]=origin-app-error [app-503-retry-after]=maintenance [dns]=origin-unreachable [all-down]=origin-unreachable
  [rate-limit]=overloaded [rate-limit-429]=overloaded [conn-limit]=overloaded
  [php-fpm-down]=origin-unreachable [php-fpm-down-socket]=origin-unreachable [php-fpm-slow]=origin-timeout
  [php-fpm-slow-terminated]=origin-timeout [php-fpm-exhausted]=overloaded [php-fpm-backlog-full]=overloaded
  [php-fpm-segfault]=origin-reset [php-fpm-killed-mid-response]=origin-reset [php-fpm-fatal]=origin-app-error
  [php-fpm-fatal-display]=origin-app-error [php-fpm-missing-script]=origin-app-error
  [gunicorn-down]=origin-unreachable [gunicorn-slow]=origin-timeout [gunicorn-worker-timeout]=origin-timeout
  [gunicorn-exhausted]=overloaded [gunicorn-killed]=origin-reset [gunicorn-unhandled-exception]=origin-app-error
  [gunicorn-flask-exception]=origin-app-error [gunicorn-json-error]=origin-app-error
  [uwsgi-down]=origin-unreachable [uwsgi-harakiri]=origin-timeout [uwsgi-http-harakiri]=origin-timeout
  [uwsgi-exhausted]=overloaded [uwsgi-http-exhausted]=overloaded
  [uwsgi-unhandled-exception]=origin-app-error [uwsgi-http-unhandled-exception]=origin-app-error
  [uwsgi-no-app]=origin-app-error [uwsgi-http-no-app]=origin-app-error
)
# Why a label is not the symptom the gateway saw ("# why:"); the app-log lines in the fixture show it happened.
declare -A WHY=(
  [php-fpm-slow-terminated]="the script was too slow for php-fpm's own request_terminate_timeout: php-fpm killed the worker (its log says 'execution timed out ... terminating'), so the gateway saw the connection end early"
  [php-fpm-exhausted]="the pool was full: its only worker was busy with another request (php-fpm logs 'server reached pm.max_children setting (1)'), so this request waited in the listen queue until the gateway gave up"
  [php-fpm-backlog-full]="the pool and its listen queue were full (one request running, two queued; php-fpm logs 'server reached pm.max_children setting (1)'), so this connection was never accepted"
  [php-fpm-missing-script]="php-fpm itself answered: the gateway asked for a script that does not exist ('Primary script unknown')"
  [gunicorn-worker-timeout]="the view was too slow for gunicorn's own --timeout: the arbiter killed the worker ('WORKER TIMEOUT'), so the gateway saw the connection end early"
  [gunicorn-exhausted]="the server was full: its only sync worker was busy with another request (app-log), so this request waited in gunicorn's listen queue until the gateway gave up"
  [uwsgi-harakiri]="the view was too slow for uWSGI's own harakiri limit: uWSGI killed the worker ('HARAKIRI ON WORKER'), so the gateway saw the connection end early"
  [uwsgi-http-harakiri]="the view was too slow for uWSGI's own harakiri limit: uWSGI killed the worker ('HARAKIRI ON WORKER'), so the gateway saw the connection end early"
  [uwsgi-exhausted]="the server was full: its only worker was busy and its listen queue overflowed (uWSGI logs 'listen queue of socket ... full'), so this request was never served in time"
  [uwsgi-http-exhausted]="the server was full: its only worker was busy and its listen queue overflowed (uWSGI logs 'listen queue of socket ... full'), so this request was never served in time"
  [uwsgi-unhandled-exception]="the application raised an exception; uWSGI logged it with status 500 but sent no bytes, so the gateway saw an empty reply"
  [uwsgi-http-unhandled-exception]="the application raised an exception; uWSGI logged it with status 500 but sent no bytes, so the gateway saw an empty reply"
  [uwsgi-no-app]="uWSGI itself answered: its application failed to load at start-up ('no python application found')"
  [uwsgi-http-no-app]="uWSGI itself answered: its application failed to load at start-up ('no python application found')"
)
# Text that only an upstream's own response contains: if the body has it, the gateway relayed it.
ORIGIN_MARKERS='payment service unavailable|Down for maintenance|hello from |HELLO THIS IS NOT HTTP|ok, but look at my headers'

GW=""; GW_VERSION=""; GW_URL=""; GW_PATH_END=""; NOTE=""; PRIOR_LOG=""; CONTROL_FAILURES=()
# How long the exhausted scenarios keep an application server's only worker busy: longer than the gateway keeps trying.
EXHAUSTED_HOLD=7

# ---------------------------------------------------------------- logs
# Per-gateway log readers. mark_logs remembers the current size of every log file of $GW, of the upstreams and of the
# application servers; new_logs prints what the gateway appended since (one line per entry, filtered to the useful part).
declare -A LOGFILES=()
APP_LOGFILES=()
mark_logs() {
  local f
  for f in ${LOGFILES[$GW]:-} "$RUN/upstreams.log" "${APP_LOGFILES[@]}"; do
    echo "$(stat -c %s "$f" 2>/dev/null || echo 0)" >"$RUN/mark.$(basename "$f")"
  done
}
since_mark() {  # since_mark FILE: bytes appended to FILE since mark_logs
  local off; off="$(cat "$RUN/mark.$(basename "$1")" 2>/dev/null || echo 0)"
  if [ -f "$1" ]; then tail -c +"$((off + 1))" "$1"; fi
}
new_logs() {
  if declare -F "logs_${GW}" >/dev/null; then "logs_${GW}"; return; fi   # gateway without a log file
  local f
  for f in ${LOGFILES[$GW]:-}; do since_mark "$f"; done | "filter_logs_${GW}"
}
# What the upstreams saw (one line per request that reached them): shows retries and which
# requests never reached an upstream at all.
upstream_logs() { since_mark "$RUN/upstreams.log" | sed -E 's/^[0-9TZ:.-]+ //' || true; }
# What the application servers logged meanwhile (access lines carry "status=NNN"), without Python traceback frames.
app_logs() {
  local f
  for f in "${APP_LOGFILES[@]}"; do since_mark "$f"; done | grep -avE '^[[:space:]]|^[[:space:]]*\^+$' || true
}
# app_answered STATUS APP_LOG: did an application server log that it sent this status itself? php-fpm and gunicorn
# log a request only once they answered it; uWSGI logs one it sent nothing for too, with header-bytes=0.
app_answered() { [ -n "$1" ] && grep -aqE "status=$1(\$| header-bytes=[1-9])" <<<"$2"; }
# clean TEXT: one printable ASCII line, safe inside a "# " comment.
clean() { printf '%s' "$1" | tr -d '\r' | tr -c '\11\40-\176' '?'; }
# comment KEY TEXT: one "# KEY: line" per line of TEXT (nothing for empty TEXT).
comment() {
  [ -n "$2" ] || return 0
  local l
  while IFS= read -r l; do printf '# %s: %s\n' "$1" "$(clean "$l")"; done <<<"$2"
}

# ---------------------------------------------------------------- capture helpers
# url_for PATH: the gateway URL of PATH; GW_PATH_END (tinyproxy: "/") goes before any query string.
url_for() {
  local path="${1%%\?*}" query=""
  [[ "$1" == *\?* ]] && query="?${1#*\?}"
  printf '%s%s%s%s' "$GW_URL" "$path" "$GW_PATH_END" "$query"
}

# capture SCENARIO PATH SETUP [curl args...]: one request, one fixture file.
# Env: NOTE (extra "# note:"), CAUSE_OVERRIDE (label instead of CAUSE[scenario]), SOURCE_OVERRIDE (when the
#      gateway wrote a non-5xx answer itself), KEEP_NAME=1 (do not rename a non-5xx result to <scenario>-passed-<code>).
capture() {
  local scenario="$1" path="$2" setup="$3"; shift 3
  local url; url="$(url_for "$path")"
  local raw="$RUN/resp.raw" err="$RUN/curl.err" rc=0 http09=0
  [ "$APP_BUSY" = 1 ] || mark_logs   # occupy marked them already
  curl -siS --compressed --max-time 40 -H "$UA" "$@" "$url" >"$raw" 2>"$err" || rc=$?
  if [ "$rc" -ne 0 ] && grep -q 'HTTP/0.9' "$err"; then
    # The gateway relayed the junk as an HTTP/0.9 reply (no status line); curl refuses that by
    # default, so fetch again allowing it: the fixture is then exactly the bytes the client got.
    NOTE="${NOTE:+$NOTE; }curl -si refused the reply ('$(tr -d '\n' <"$err")'), so this capture used --http0.9: the gateway sent the upstream bytes with no status line or headers"
    http09=1; rc=0
    mark_logs
    # An HTTP/0.9 reply ends only when the connection closes, so allow time and measure it.
    local t0 t1; t0="$(date +%s)"
    curl -siS --http0.9 --compressed --max-time 120 -H "$UA" "$@" "$url" >"$raw" 2>"$err" || rc=$?
    t1="$(date +%s)"
    if [ $((t1 - t0)) -ge 3 ]; then
      NOTE="$NOTE; the reply only ended when the gateway closed the client connection, $((t1 - t0)) s after the request"
    fi
  fi
  if [ "$rc" -eq 18 ] && [ -s "$raw" ]; then
    # A status line and headers arrived, then the connection closed before the announced body was complete.
    NOTE="${NOTE:+$NOTE; }curl exit 18 ('$(tr -d '\n' <"$err")'): the connection closed before the end of the announced body; these are the bytes that arrived"
    rc=0
  fi
  sleep "${LOG_DELAY:-0.3}"   # let the gateway flush its log line
  while [ "$APP_BUSY" = 1 ] && [ "$(date +%s)" -lt "$HOLD_UNTIL" ]; do sleep 0.2; done
  local logs; logs="$(new_logs | cut -c1-600)"
  local ulogs; ulogs="$(upstream_logs | cut -c1-300)"
  local alogs; alogs="$(app_logs | cut -c1-300)"

  local status; status="$(head -c 64 "$raw" | sed -n '1s/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' | tr -d '\r')"
  local name="$scenario" source
  if [ "$rc" -ne 0 ] || [ ! -s "$raw" ]; then
    name="$scenario-no-response"; NOTE="${NOTE:+$NOTE; }curl exit $rc: $(tr -d '\n' <"$err")"
  elif [ "$http09" = 1 ]; then
    name="$scenario-http09"
  elif [ "${KEEP_NAME:-0}" != 1 ] && [ -n "$status" ] && [ "$status" -lt 500 ]; then
    name="$scenario-passed-$status"
  fi
  # source: who produced these bytes. The upstream's own content, an answer an application server logged as its own,
  # or any non-5xx => relayed.
  if [ -n "${SOURCE_OVERRIDE:-}" ]; then
    source="$SOURCE_OVERRIDE"
  elif [ "$http09" = 1 ] || { [ -n "$status" ] && [ "$status" -lt 500 ]; } || grep -aqE "$ORIGIN_MARKERS" "$raw" \
      || app_answered "$status" "$alogs"; then
    source=origin
  else
    source=gateway
  fi
  [ "$GW" = none ] && source=origin

  local file="$OUT/$GW/$name.http"
  mkdir -p "$OUT/$GW"
  {
    echo "# gateway: $GW"
    echo "# cause: ${CAUSE_OVERRIDE:-${CAUSE[$scenario]:-unknown}}"
    echo "# source: $source"
    echo "# captured: $GW_VERSION $setup; curl -si on $TODAY"
    if [ "$GW" = none ]; then
      echo "# log: (no gateway, so no gateway log)"
    elif [ -n "$logs" ]; then
      comment log "$logs"
    else
      echo "# log: (the gateway logged nothing for this request)"
    fi
    comment upstream-log "$ulogs"
    comment app-log "$alogs"
    comment prior-log "$PRIOR_LOG"
    comment why "${WHY[$scenario]:-}"
    comment note "$NOTE"
    case "$GW" in tinyproxy|nghttpx) echo "# note: no vendor file yet" ;; esac
    cat "$raw"
  } >"$file"
  log "$GW/$name.http -> ${status:-no status} ($source)"
  NOTE=""; PRIOR_LOG=""
}

# warmup PATH: an uncaptured request whose log lines are kept for the next capture's header
# (as "# prior-log:", which is also used for health-check state logged before the request).
warmup() {
  mark_logs
  curl -s --max-time 40 -o /dev/null -H "$UA" "$(url_for "$1")" || true
  sleep "${LOG_DELAY:-0.3}"
  PRIOR_LOG="$(new_logs | cut -c1-600)"
}

# control PATH: a request that must get 200 through this gateway (the route and its settings work, so the captures
# next to it fail only because of the state they set up). Not kept; a failure is reported at the end.
control() {
  local code; code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "$UA" "$(url_for "$1")" || true)"
  if [ "$code" = 200 ]; then log "control $GW$1 -> 200"; else log "CONTROL FAILED: $GW$1 -> $code"; CONTROL_FAILURES+=("$GW$1 -> $code"); fi
}

# hold_gateway_slot PATH: a background request that occupies the gateway's only upstream slot (its own connection
# limit) while the next capture runs; end_background waits for it. The capture starts once the upstream has the
# holding request, so a busy machine cannot let the captured request overtake it.
BG_PIDS=(); BG_ACTIVE=0; APP_BUSY=0; HOLD_UNTIL=0
hold_gateway_slot() {
  local before; before="$(stat -c %s "$RUN/upstreams.log")"
  curl -s --max-time 40 -o /dev/null -H "$UA" "$(url_for "$1")" &
  BG_PIDS+=("$!"); BG_ACTIVE=1
  for _ in $(seq 1 100); do
    tail -c +"$((before + 1))" "$RUN/upstreams.log" | grep -q " GET $1" && break
    sleep 0.1
  done
  sleep 0.1
}

# http_get URL QUERY / fcgi_get ADDRESS SCRIPT QUERY: one request straight to an application server, not through the
# gateway, so that the gateway's log holds only the captured request.
http_get() { curl -s --max-time 40 -o /dev/null "$1${2:+?$2}" || true; }
fcgi_get() {
  env -i REQUEST_METHOD=GET SCRIPT_FILENAME="$RUN/php/$2" SCRIPT_NAME="/$2" REQUEST_URI="/$2${3:+?$3}" \
    QUERY_STRING="$3" SERVER_PROTOCOL=HTTP/1.1 cgi-fcgi -bind -connect "$1" >/dev/null 2>&1 || true
}
# occupy SECONDS QUEUED SENDER ARGS...: keep an application server's only worker busy for SECONDS s ("SENDER ARGS
# hold=SECONDS"), then put QUEUED more requests in its listen queue, while the next capture runs. The logs are marked
# here and read only when the episode is over, so that capture's app-log shows the worker busy and what came after.
occupy() {
  local seconds="$1" queued="$2"; shift 2
  mark_logs; APP_BUSY=1
  "$@" "hold=$seconds" &
  BG_PIDS+=("$!")
  HOLD_UNTIL=$(( $(date +%s) + seconds + 1 ))
  sleep 1   # the holder is accepted first, even on a busy machine
  for _ in $(seq 1 "$queued"); do "$@" "" & BG_PIDS+=("$!"); done
  sleep 0.5
}
# end_background: wait for the background requests, and for a held worker to be free again.
end_background() {
  local p
  for p in "${BG_PIDS[@]}"; do wait "$p" || true; done
  while [ "$(date +%s)" -lt "$HOLD_UNTIL" ]; do sleep 0.2; done
  BG_PIDS=(); BG_ACTIVE=0; APP_BUSY=0
}

# ---------------------------------------------------------------- scenario groups
# The scenarios every gateway can express, with its own path names.
common_scenarios() {
  local how="$1"   # short description of the gateway's proxy directive, e.g. "proxy_pass"
  capture refused             /refused     "$how: ${DESC[refused]}"
  common_scenarios_but_refused "$how"
}
common_scenarios_but_refused() {
  local how="$1"
  capture hang                /hang        "$how: ${DESC[hang]}"
  capture reset               /reset       "$how: ${DESC[reset]}"
  capture close               /close       "$how: ${DESC[close]}"
  capture garbage             /garbage     "$how: ${DESC[garbage]}"
  capture bad-header          /bad-header  "$how: ${DESC[bad-header]}"
  capture huge-header         /huge-header "$how: ${DESC[huge-header]}"
  capture app-502             /app-502     "$how: ${DESC[app-502]}"
  capture app-503-retry-after /app-503     "$how: ${DESC[app-503-retry-after]}"
}
# Upstream certificates that fail verification against a CA the gateway trusts, after a control with a valid one.
tls_verify_scenarios() {
  local how="$1"
  control /tls-valid
  capture tls-expired    /tls-expired    "$how: ${DESC[tls-expired]}"
  capture tls-wrong-name /tls-wrong-name "$how: ${DESC[tls-wrong-name]}"
}
# capture_state SCENARIO PATH HOW: an application-server state, described by DESC[SCENARIO].
capture_state() { capture "$1" "$2" "$3: ${DESC[$1]}"; }
# php-fpm over FastCGI: /php-fpm-<state>.php (the scripts are linked in $RUN/php by start_php_fpm).
php_fpm_scenarios() {
  local how="$1"
  control /php-fpm-ok.php
  capture_state php-fpm-down                /php-fpm-down.php                "$how"
  capture_state php-fpm-down-socket         /php-fpm-down-socket.php         "$how"
  capture_state php-fpm-slow                /php-fpm-slow.php                "$how"
  capture_state php-fpm-slow-terminated     /php-fpm-slow-terminated.php     "$how"
  occupy "$EXHAUSTED_HOLD" 0 fcgi_get 127.0.0.1:18033 php-fpm-exhausted.php
  capture_state php-fpm-exhausted           /php-fpm-exhausted.php           "$how"
  end_background
  # 14 s: longer than a gateway that retries the connect (HAProxy: 4 attempts of 3 s) keeps trying.
  occupy 14 2 fcgi_get 127.0.0.1:18036 php-fpm-backlog-full.php
  capture_state php-fpm-backlog-full        /php-fpm-backlog-full.php        "$how"
  end_background
  capture_state php-fpm-segfault            /php-fpm-segfault.php            "$how"
  capture_state php-fpm-killed-mid-response /php-fpm-killed-mid-response.php "$how"
  capture_state php-fpm-fatal               /php-fpm-fatal.php               "$how"
  capture_state php-fpm-fatal-display       /php-fpm-fatal-display.php       "$how"
  capture_state php-fpm-missing-script      /php-fpm-missing-script.php      "$how"
}
# gunicorn over HTTP: /gunicorn-<state>.
gunicorn_scenarios() {
  local how="$1"
  control /gunicorn-ok
  capture_state gunicorn-down                /gunicorn-down                "$how"
  capture_state gunicorn-slow                /gunicorn-slow                "$how"
  capture_state gunicorn-worker-timeout      /gunicorn-worker-timeout      "$how"
  occupy "$EXHAUSTED_HOLD" 0 http_get http://127.0.0.1:18044/gunicorn-exhausted
  capture_state gunicorn-exhausted           /gunicorn-exhausted           "$how"
  end_background
  capture_state gunicorn-killed              /gunicorn-killed              "$how"
  capture_state gunicorn-unhandled-exception /gunicorn-unhandled-exception "$how"
  capture_state gunicorn-flask-exception     /gunicorn-flask-exception     "$how"
  capture_state gunicorn-json-error          /gunicorn-json-error          "$how"
}
# uWSGI's HTTP router (--http) over HTTP: /uwsgi-http-<state>. Down is left out: with nothing listening it is the
# same request as gunicorn-down.
uwsgi_http_scenarios() {
  local how="$1"
  control /uwsgi-http-ok
  capture_state uwsgi-http-harakiri            /uwsgi-http-harakiri            "$how"
  occupy "$EXHAUSTED_HOLD" 2 http_get http://127.0.0.1:18054/uwsgi-http-exhausted
  capture_state uwsgi-http-exhausted           /uwsgi-http-exhausted           "$how"
  end_background
  capture_state uwsgi-http-unhandled-exception /uwsgi-http-unhandled-exception "$how"
  capture_state uwsgi-http-no-app              /uwsgi-http-no-app              "$how"
}
# uWSGI over its uwsgi protocol (--socket): /uwsgi-<state>.
uwsgi_scenarios() {
  local how="$1"
  control /uwsgi-ok
  capture_state uwsgi-down                /uwsgi-down                "$how"
  capture_state uwsgi-harakiri            /uwsgi-harakiri            "$how"
  occupy "$EXHAUSTED_HOLD" 2 http_get http://127.0.0.1:18054/uwsgi-exhausted
  capture_state uwsgi-exhausted           /uwsgi-exhausted           "$how"
  end_background
  capture_state uwsgi-unhandled-exception /uwsgi-unhandled-exception "$how"
  capture_state uwsgi-no-app              /uwsgi-no-app              "$how"
}
# Every application-server scenario an HTTP reverse proxy can express.
http_app_scenarios() {
  gunicorn_scenarios "$1"
  uwsgi_http_scenarios "$1"
}

# ---------------------------------------------------------------- certificates and upstreams
# make_certs: a self-signed certificate, and a capture CA that issues a valid, an expired and a wrong-name certificate.
make_certs() {
  local c="$RUN/certs"; mkdir -p "$c"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$c/self-signed-key.pem" -out "$c/self-signed-cert.pem" \
    -days 2 -subj /CN=localhost -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$c/ca-key.pem" -out "$c/ca-cert.pem" \
    -days 2 -subj '/CN=Gatewhy capture CA' 2>/dev/null
  # `openssl ca` (not `x509 -req`) because only it takes explicit validity dates, which the expired one needs.
  printf '[ca]\ndefault_ca = capture\n[capture]\nunique_subject = no\ndatabase = %s/index.txt\nnew_certs_dir = %s\nserial = %s/serial\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n[any]\ncommonName = supplied\n' \
    "$c" "$c" "$c" >"$c/ca.cnf"
  : >"$c/index.txt"; echo 01 >"$c/serial"
  issue() {  # issue NAME CN SAN START END
    openssl req -newkey rsa:2048 -nodes -keyout "$c/$1-key.pem" -out "$c/$1.csr" -subj "/CN=$2" \
      -addext "subjectAltName=$3" 2>/dev/null
    openssl ca -batch -config "$c/ca.cnf" -cert "$c/ca-cert.pem" -keyfile "$c/ca-key.pem" -in "$c/$1.csr" \
      -out "$c/$1-cert.pem" -startdate "$4" -enddate "$5" -notext 2>/dev/null
  }
  local stamp='+%Y%m%d%H%M%SZ'
  issue valid      localhost            'DNS:localhost,IP:127.0.0.1' "$(date -u -d '-1 day' "$stamp")"   "$(date -u -d '+2 days' "$stamp")"
  issue expired    localhost            'DNS:localhost,IP:127.0.0.1' "$(date -u -d '-60 days' "$stamp")" "$(date -u -d '-30 days' "$stamp")"
  issue wrong-name wrong-name.example   'DNS:wrong-name.example'     "$(date -u -d '-1 day' "$stamp")"   "$(date -u -d '+2 days' "$stamp")"
  # Traffic Server takes a single CA bundle for every origin: the system's plus the capture CA.
  cat /etc/ssl/certs/ca-certificates.crt "$c/ca-cert.pem" >"$c/ca-bundle.pem"
  chmod -R a+rX "$c"
}

log "temp dir $RUN"
make_certs
start upstreams "$RUN/upstreams.log" node "$HERE/upstreams.mjs" --certs "$RUN/certs"
for p in 18002 18003 18004 18005 18006 18007 18008 18009 18010 18011 18012 18013 18014 18015 18017 18018 18019; do wait_port "$p"; done

# ---------------------------------------------------------------- application servers (shared by every gateway)
# The WSGI app and PHP scripts are copied into the temp dir: the servers run as nobody, and Python's bytecode
# cache must not land in the repository.
cp -r "$HERE/apps" "$RUN/apps"
chmod -R a+rX "$RUN/apps"

# Which script each php-fpm state runs (php-fpm-missing-script has none on purpose).
declare -A PHP_SCRIPT=(
  [ok]=ok [down]=ok [down-socket]=ok [slow]=slow [slow-terminated]=slow [exhausted]=ok [backlog-full]=ok
  [segfault]=segfault [killed-mid-response]=killed-mid-response [fatal]=fatal [fatal-display]=fatal
)
# link_php_scripts DIR PREFIX: DIR/PREFIX<state>.php for every state, linked to the script it runs.
link_php_scripts() {
  mkdir -p "$1"
  local state
  for state in "${!PHP_SCRIPT[@]}"; do ln -sf "$RUN/apps/php/${PHP_SCRIPT[$state]}.php" "$1/$2$state.php"; done
}

# php-fpm: one master, one pool per state on 18031-18036 (php-fpm.conf); 18030 and the unix socket stay dead.
start_php_fpm() {
  link_php_scripts "$RUN/php" php-fpm-
  render "$CONF/php-fpm/php-fpm.conf" "$RUN/php-fpm.conf" "$RUN"
  : >"$RUN/php-fpm-access.log"; chown nobody:nogroup "$RUN/php-fpm-access.log"
  start php-fpm "$RUN/php-fpm.out" php-fpm8.2 -F -y "$RUN/php-fpm.conf"
  APP_LOGFILES+=("$RUN/php-fpm.log" "$RUN/php-fpm-access.log")
  for p in 18031 18032 18033 18034 18035 18036; do wait_port "$p"; done
}

# gunicorn: four instances of the WSGI app, one per state family (README.md).
start_gunicorn() {
  local instance port workers timeout
  while read -r instance port workers timeout; do
    local logfile="$RUN/gunicorn-$instance.log"
    : >"$logfile"; chown nobody:nogroup "$logfile"
    start "gunicorn-$instance" "$RUN/gunicorn-$instance.out" "$DEBIAN_PYTHON" /usr/bin/gunicorn \
      --bind "127.0.0.1:$port" --workers "$workers" --timeout "$timeout" --user nobody --group nogroup \
      --chdir "$RUN/apps" --error-logfile "$logfile" --access-logfile "$logfile" \
      --access-logformat "gunicorn-$instance \"%(r)s\" status=%(s)s" wsgi_app:application
    APP_LOGFILES+=("$logfile")
  done <<'EOF'
main 18041 2 30
slow 18042 3 30
worker-timeout 18043 2 1
single 18044 1 30
EOF
  for p in 18041 18042 18043 18044; do wait_port "$p"; done
}

# uWSGI: three instances, each with a uwsgi-protocol socket and an HTTP router in front of it (README.md).
start_uwsgi() {
  local instance socket http options module
  while read -r instance socket http module options; do
    local logfile="$RUN/uwsgi-$instance.log"
    : >"$logfile"; chown nobody:nogroup "$logfile"
    # --die-on-term: uWSGI 2.0 takes SIGTERM as "reload", and stop() sends SIGTERM.
    # shellcheck disable=SC2086  # $options is a list of flags
    start "uwsgi-$instance" "$RUN/uwsgi-$instance.out" uwsgi --plugins http,python3 --master --die-on-term \
      --socket "127.0.0.1:$socket" --http "127.0.0.1:$http" --chdir "$RUN/apps" --module "$module" \
      --uid nobody --gid nogroup --logto "$logfile" \
      --logformat "uwsgi-$instance \"%(method) %(uri)\" %(msecs)ms status=%(status) header-bytes=%(hsize)" $options
    APP_LOGFILES+=("$logfile")
  done <<'EOF'
main   18051 18052 wsgi_app:application --processes 2 --harakiri 1
single 18053 18054 wsgi_app:application --processes 1 --listen 1
no-app 18055 18056 no_such_module:application --processes 1
EOF
  for p in 18051 18052 18053 18054 18055 18056; do wait_port "$p"; done
}

start_php_fpm
start_gunicorn
start_uwsgi

# ---------------------------------------------------------------- none: plain apps, no gateway
run_none() {
  GW=none; LOGFILES[none]=""
  filter_logs_none() { cat; }
  mkdir -p "$RUN/www"
  start pyhttp "$RUN/pyhttp.log" python3 -m http.server 18016 --bind 127.0.0.1 --directory "$RUN/www"
  wait_port 18016
  local node; node="$(node --version)"
  GW_VERSION="Node.js $node node:http app, no gateway in front,"
  GW_URL=http://127.0.0.1:18008; capture app-502 /orders "app-502 in upstreams.mjs answered directly (port 18008)"
  GW_URL=http://127.0.0.1:18009; capture app-503-retry-after / "app-503 in upstreams.mjs answered directly (port 18009)"
  GW_URL=http://127.0.0.1:18014; NOTE="Express-style JSON error handler around a handler that really threw a TypeError"
  CAUSE_OVERRIDE=origin-app-error capture app-500-json /api/user "app-500 in upstreams.mjs answered directly (port 18014)"
  GW_URL=http://127.0.0.1:18013
  NOTE="the app is a hand-written Node fetch() proxy whose own upstream (127.0.0.1:18001) refused the connection; no gateway product involved"
  CAUSE_OVERRIDE=origin-app-error capture fetch-proxy-502 /api/items "fetch-proxy in upstreams.mjs answered directly (port 18013)"
  local py; py="$(python3 --version 2>&1)"
  GW_VERSION="$py 'python3 -m http.server', no gateway in front,"
  GW_URL=http://127.0.0.1:18016
  NOTE="a 404 from a plain static file server: not a gateway error and not a 5xx"
  KEEP_NAME=1 CAUSE_OVERRIDE=unknown capture python-http-server-404 /missing.html "GET of a file that does not exist"
  NOTE="http.server has no do_POST, so it answers 501 itself"
  KEEP_NAME=1 CAUSE_OVERRIDE=unknown capture python-http-server-501 /form "POST (curl -d x=1) to a server without POST support" -d x=1
  stop pyhttp

  # The application servers' own error answers, asked directly.
  GW_VERSION="no gateway in front,"
  GW_URL=http://127.0.0.1:18041
  capture gunicorn-unhandled-exception /gunicorn-unhandled-exception "${DESC[gunicorn-unhandled-exception]}, asked directly"
  capture gunicorn-flask-exception     /gunicorn-flask-exception     "${DESC[gunicorn-flask-exception]}, asked directly"
  capture gunicorn-json-error          /gunicorn-json-error          "${DESC[gunicorn-json-error]}, asked directly"
  GW_URL=http://127.0.0.1:18056
  capture uwsgi-http-no-app /uwsgi-http-no-app "${DESC[uwsgi-http-no-app]}, asked directly"

  # PHP's built-in web server (php -S): the closest thing to "PHP with nothing in front"; php-fpm speaks only FastCGI.
  link_php_scripts "$RUN/php-builtin" php-builtin-
  local php_cli; php_cli="$(php -v | awk 'NR==1 {print $2}')"
  local app_logfiles=("${APP_LOGFILES[@]}")
  start php-builtin "$RUN/php-builtin.log" php -S 127.0.0.1:18060 -t "$RUN/php-builtin"
  start php-builtin-display "$RUN/php-builtin-display.log" php -d display_errors=1 -S 127.0.0.1:18061 -t "$RUN/php-builtin"
  APP_LOGFILES+=("$RUN/php-builtin.log" "$RUN/php-builtin-display.log")
  wait_port 18060; wait_port 18061
  GW_VERSION="PHP $php_cli built-in web server (Debian 12 package php8.2-cli $(pkg php8.2-cli), stock php.ini), no gateway in front,"
  GW_URL=http://127.0.0.1:18060
  CAUSE_OVERRIDE=origin-app-error capture php-builtin-fatal /php-builtin-fatal.php \
    "php -S 127.0.0.1:18060 runs a script that calls an undefined function, display_errors off (Debian's php.ini)"
  KEEP_NAME=1 CAUSE_OVERRIDE=origin-app-error capture php-builtin-missing-script /php-builtin-missing-script.php \
    "php -S 127.0.0.1:18060 is asked for a script that does not exist"
  GW_URL=http://127.0.0.1:18061
  CAUSE_OVERRIDE=origin-app-error capture php-builtin-fatal-display /php-builtin-fatal.php \
    "php -d display_errors=1 -S 127.0.0.1:18061 runs the same fatal-error script"
  stop php-builtin; stop php-builtin-display
  APP_LOGFILES=("${app_logfiles[@]}")
}

# ---------------------------------------------------------------- nginx
run_nginx() {
  GW=nginx; local d="$RUN/nginx"; mkdir -p "$d"
  render "$CONF/nginx/nginx.conf" "$d/nginx.conf" "$d"
  LOGFILES[nginx]="$d/error.log"
  # keep errors and warnings; drop the [info]/[notice] chatter about keepalive connections
  filter_logs_nginx() { grep -aE '\[(error|warn|crit|alert)\]|^(Stack trace|#[0-9]|  thrown)' || true; }
  start nginx "$d/stdout.log" nginx -c "$d/nginx.conf" -p "$d"
  wait_port 18101
  GW_VERSION="$(nginx -v 2>&1 | sed 's/^nginx version: //') (Debian 12 package $(pkg nginx))"
  GW_URL=http://127.0.0.1:18101
  common_scenarios "proxy_pass"
  capture tls            /tls            "proxy_pass https://: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "proxy_pass https:// + proxy_ssl_verify on: ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "proxy_pass https:// + proxy_ssl_verify on"
  capture plain-to-tls   /plain-to-tls   "proxy_pass http://: ${DESC[plain-to-tls]}"
  capture dns            /dns            "proxy_pass http://\$backend with resolver $RESOLVER: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "upstream{} of two dead servers (max_fails=1 fail_timeout=60s), after one warm-up request marked both failed: nginx has no live upstream left"
  warmup /rate-limit
  capture rate-limit     /rate-limit     "limit_req zone rate=1r/m (no burst) in front of the healthy upstream 127.0.0.1:18010; second request in a row"
  warmup /rate-limit-429
  KEEP_NAME=1 SOURCE_OVERRIDE=gateway capture rate-limit-429 /rate-limit-429 \
    "limit_req zone rate=1r/m (no burst) with limit_req_status 429 in front of the healthy upstream 127.0.0.1:18010; second request in a row"
  hold_gateway_slot /conn-limit
  capture conn-limit     /conn-limit     "limit_conn 1 per server in front of the slow upstream 127.0.0.1:18012 (2.8 s) while another request holds the only connection"
  end_background
  http_app_scenarios "proxy_pass"
  uwsgi_scenarios "uwsgi_pass"
  php_fpm_scenarios "fastcgi_pass"
  stop nginx
}

# ---------------------------------------------------------------- apache
run_apache() {
  GW=apache; local d="$RUN/apache"; mkdir -p "$d"
  render "$CONF/apache/httpd.conf" "$d/httpd.conf" "$d"
  LOGFILES[apache]="$d/error.log"
  # proxy/balancer lines, plus the mod_ssl lines that carry the TLS reason
  filter_logs_apache() { grep -aE '\[(proxy|proxy_http|proxy_balancer|proxy_fcgi|proxy_uwsgi):|SSL Library Error|AH02276|AH01997|AH02003' || true; }
  start apache "$d/stdout.log" apache2 -f "$d/httpd.conf" -DFOREGROUND
  wait_port 18102
  GW_VERSION="$(apache2 -v | sed -n 's/^Server version: //p') (Debian 12 package $(pkg apache2-bin))"
  GW_URL=http://127.0.0.1:18102
  common_scenarios "ProxyPass (mod_proxy_http)"
  capture tls            /tls            "ProxyPass https:// with SSLProxyEngine on (SSLProxyVerify none, the default): ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "ProxyPass https:// with SSLProxyVerify require: ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "ProxyPass https://localhost:<port> with SSLProxyVerify require and SSLProxyCACertificateFile capture CA"
  capture plain-to-tls   /plain-to-tls   "ProxyPass http://: ${DESC[plain-to-tls]}"
  capture dns            /dns            "ProxyPass http://backend.invalid:18010: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "balancer:// of two dead members (forcerecovery=off), after one warm-up request put both in error state"
  hold_gateway_slot /rate-limit
  capture rate-limit     /rate-limit     "ProxyPass to the slow upstream 127.0.0.1:18012 with max=1 acquire=1000 while another request holds the only connection"
  end_background
  http_app_scenarios "ProxyPass (mod_proxy_http)"
  uwsgi_scenarios "ProxyPass uwsgi:// (mod_proxy_uwsgi)"
  php_fpm_scenarios "ProxyPass fcgi:// (mod_proxy_fcgi)"
  stop apache
}

# ---------------------------------------------------------------- haproxy
run_haproxy() {
  GW=haproxy; local d="$RUN/haproxy"; mkdir -p "$d"
  render "$CONF/haproxy/haproxy.cfg" "$d/haproxy.cfg" "$d"
  LOGFILES[haproxy]="$d/haproxy.log"
  # only the HTTP log lines (with the termination state) and the FastCGI stderr lines (log-stderr); health-check
  # chatter from other backends would otherwise land in whichever capture is running when it happens
  filter_logs_haproxy() { grep -aE '"(GET|POST) |PHP message|Primary script unknown' || true; }
  start haproxy "$d/haproxy.log" haproxy -db -f "$d/haproxy.cfg"
  wait_port 18103
  GW_VERSION="HAProxy $(haproxy -v | sed -n 's/^HAProxy version \([^ ]*\).*/\1/p') (Debian 12)"
  GW_URL=http://127.0.0.1:18103
  common_scenarios "backend server"
  capture tls            /tls            "server ... ssl verify none: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "server ... ssl verify required ca-file system bundle: ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "server ... ssl verify required ca-file capture CA sni str(localhost)"
  capture plain-to-tls   /plain-to-tls   "server (no ssl): ${DESC[plain-to-tls]}"
  capture dns            /dns            "server backend.invalid:18010 resolvers (parse-resolv-conf) init-addr none: ${DESC[dns]}"
  sleep 1.5   # let the health checks (inter 500ms fall 1) mark both all-down servers DOWN
  PRIOR_LOG="$(grep -a '^Server be_all-down/.* is DOWN\|^backend be_all-down has no server' "$d/haproxy.log" || true)"
  capture all-down       /all-down       "backend of two health-checked servers (check inter 500ms fall 1) on dead ports, both marked DOWN before the request"
  hold_gateway_slot /rate-limit
  capture rate-limit     /rate-limit     "server maxconn 1 to the slow upstream 127.0.0.1:18012 (2.8 s) with timeout queue 1s while another request holds the slot"
  end_background
  warmup /rate-limit-429
  KEEP_NAME=1 SOURCE_OVERRIDE=gateway capture rate-limit-429 /rate-limit-429 \
    "stick-table http_req_rate(60s) + http-request deny deny_status 429 above 1 request, in front of the healthy upstream 127.0.0.1:18010; second request in a row"
  http_app_scenarios "backend server"
  php_fpm_scenarios "fcgi-app + server ... proto fcgi"
  stop haproxy
}

# ---------------------------------------------------------------- varnish
run_varnish() {
  GW=varnish; local d="$RUN/varnish"; mkdir -p "$d"
  cp "$CONF/varnish/default.vcl" "$d/default.vcl"
  LOGFILES[varnish]=""
  start varnish "$d/stdout.log" varnishd -F -a 127.0.0.1:18104 -T 127.0.0.1:18114 -f "$d/default.vcl" \
    -n "$d/work" -s malloc,16m -p thread_pools=1 -p thread_pool_min=5
  wait_port 18104
  GW_VERSION="$(varnishd -V 2>&1 | sed -n 's/^varnishd (\(varnish-[0-9.]*\).*/\1/p') (Debian 12)"
  GW_URL=http://127.0.0.1:18104
  # Varnish has no error log: the reason is the FetchError record in its shared-memory log,
  # found via the request's VXID (X-Varnish header).
  logs_varnish() {
    local vxid; vxid="$(sed -n 's/^X-Varnish: \([0-9]*\).*/\1/p' "$RUN/resp.raw" | tr -d '\r' | head -1)"
    [ -n "$vxid" ] || return 0
    varnishlog -n "$d/work" -d -g request -q "vxid == $vxid" -i FetchError,BerespStatus,BerespReason 2>/dev/null \
      | grep -aE 'FetchError|Beresp' | sed -E 's/^[-* ]+//; s/ +/ /g' | sort -s -k1,1r | awk '!seen[$0]++' || true
  }
  common_scenarios "backend (VCL)"
  capture plain-to-tls /plain-to-tls "backend (VCL): ${DESC[plain-to-tls]}"
  sleep 1   # let the probe mark the all_down backend sick
  PRIOR_LOG="$(varnishlog -n "$d/work" -d -g raw -i Backend_health 2>/dev/null | grep -a all_down | tail -1 | sed -E 's/ +/ /g' || true)"
  capture all-down   /all-down   "backend with a health probe (.window 1 .threshold 1) on a dead port, probed sick before the request"
  hold_gateway_slot /rate-limit
  capture rate-limit /rate-limit "backend .max_connections = 1 to the slow upstream 127.0.0.1:18012 while another request holds the connection"
  end_background
  http_app_scenarios "backend (VCL)"
  stop varnish
}

# ---------------------------------------------------------------- squid
run_squid() {
  GW=squid; local d="$RUN/squid"; mkdir -p "$d"
  render "$CONF/squid/squid.conf" "$d/squid.conf" "$d"
  chown -R proxy:proxy "$d"   # squid drops to the "proxy" user for its logs
  LOGFILES[squid]="$d/access.log $d/cache.log"
  filter_logs_squid() { grep -av -E '^[[:space:]]+current master transaction' || true; }
  start squid "$d/stdout.log" squid -N -f "$d/squid.conf"
  wait_port 18105; wait_port 18115; wait_port 18125; wait_port 18135
  sleep 1   # squid probes its cache_peers right after start; let that settle
  GW_VERSION="$(squid -v | sed -n 's/^Squid Cache: Version /squid\//p') (Debian 12, GnuTLS build)"
  GW_URL=http://127.0.0.1:18105
  NOTE="Squid never connected: a cache_peer counts as down until a TCP probe to it succeeds, and every probe to this dead port was refused, so Squid found no destination (compare refused-direct.http)"
  capture refused /refused "accel port + cache_peer originserver: ${DESC[refused]}"
  common_scenarios_but_refused "accel port + cache_peer originserver"
  capture tls            /tls            "cache_peer ... tls tls-flags=DONT_VERIFY_PEER: ${DESC[tls]}"
  NOTE="Debian's squid is built with GnuTLS and did not reject the self-signed certificate: the handshake succeeded, the request reached the upstream (see upstream log), and reading the TLS reply then failed"
  capture tls-selfsigned /tls-selfsigned "cache_peer ... tls tls-cafile=system bundle: ${DESC[tls-selfsigned]}"
  capture plain-to-tls   /plain-to-tls   "cache_peer (no tls): ${DESC[plain-to-tls]}"
  warmup /all-down
  NOTE="Squid never connected, for the same reason as refused.http: both peers count as down until a probe succeeds"
  capture all-down       /all-down       "two cache_peers on dead ports (connect-fail-limit=1), after one warm-up request"
  NOTE="Squid never connected, for the same reason as refused.http: the peer counts as down until a probe succeeds"
  http_app_scenarios "accel port + cache_peer originserver"   # NOTE goes to its first capture, gunicorn-down
  GW_URL=http://127.0.0.1:18115
  capture dns            /dns            "accel port with defaultsite=backend.invalid:18010 and always_direct (no cache_peer): ${DESC[dns]}"
  GW_URL=http://127.0.0.1:18125
  capture refused-direct /refused        "accel port with defaultsite=127.0.0.1:18001 and always_direct (no cache_peer): ${DESC[refused]}"
  GW_URL=http://127.0.0.1:18135
  hold_gateway_slot /conn-limit
  KEEP_NAME=1 SOURCE_OVERRIDE=gateway capture conn-limit /conn-limit \
    "accel port with defaultsite=127.0.0.1:18012 (the slow upstream) and 'http_access deny' for a client with more than one connection (acl maxconn 1), while another request holds one"
  end_background
  stop squid
}

# ---------------------------------------------------------------- caddy
run_caddy() {
  GW=caddy; local d="$RUN/caddy"; mkdir -p "$d"
  render "$CONF/caddy/Caddyfile" "$d/Caddyfile" "$d"
  LOGFILES[caddy]="$d/caddy.log"
  # error lines only, reduced to the fields that explain them (the full line repeats all request headers)
  filter_logs_caddy() {
    grep -a '"level":"error"' | python3 -c '
import json, sys
for line in sys.stdin:
    try: e = json.loads(line)
    except ValueError: continue
    print(json.dumps({k: e[k] for k in ("level", "logger", "msg", "status") if k in e}))' || true
  }
  # HOME/XDG_* point at the temp dir so Caddy keeps nothing in root's home
  start caddy "$d/caddy.log" env HOME="$d" XDG_DATA_HOME="$d" XDG_CONFIG_HOME="$d" \
    caddy run --config "$d/Caddyfile" --adapter caddyfile
  wait_port 18106
  GW_VERSION="Caddy $(caddy version | awk '{print $1}') (Debian 12)"
  GW_URL=http://127.0.0.1:18106
  common_scenarios "reverse_proxy"
  capture tls            /tls            "reverse_proxy https:// with tls_insecure_skip_verify: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "reverse_proxy https:// (default verifying TLS client): ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "reverse_proxy https:// with tls_trusted_ca_certs capture CA and tls_server_name localhost"
  capture plain-to-tls   /plain-to-tls   "reverse_proxy http://: ${DESC[plain-to-tls]}"
  capture dns            /dns            "reverse_proxy backend.invalid:18010: ${DESC[dns]}"
  sleep 1   # let the active health checks mark both all-down upstreams unhealthy
  PRIOR_LOG="$(grep -a 'health_checker' "$d/caddy.log" | tail -2 | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print(json.dumps({k: e[k] for k in ("level", "logger", "msg", "host", "error") if k in e}))' || true)"
  capture all-down       /all-down       "reverse_proxy with active health checks (health_uri / every 500ms) to two dead ports, both unhealthy before the request"
  http_app_scenarios "reverse_proxy"
  php_fpm_scenarios "php_fastcgi"
  stop caddy
}

# ---------------------------------------------------------------- lighttpd
run_lighttpd() {
  GW=lighttpd; local d="$RUN/lighttpd"; mkdir -p "$d"
  render "$CONF/lighttpd/lighttpd.conf" "$d/lighttpd.conf" "$d"
  chown nobody:nogroup "$d"
  LOGFILES[lighttpd]="$d/error.log"
  # drop the gw debug bookkeeping lines (found a host / got proc / released proc) and the
  # timer-driven "re-enabled" lines, which land in whatever request happens to be running
  filter_logs_lighttpd() { grep -avE 'gw - found a host|got proc:|released proc:|re-enabled' || true; }
  start lighttpd "$d/stdout.log" lighttpd -D -f "$d/lighttpd.conf"
  wait_port 18107
  GW_VERSION="$(lighttpd -v | awk '{print $1}') (Debian 12)"
  GW_URL=http://127.0.0.1:18107
  export LOG_DELAY=1.2
  common_scenarios "mod_proxy proxy.server"
  capture plain-to-tls /plain-to-tls "mod_proxy proxy.server: ${DESC[plain-to-tls]}"
  warmup /all-down
  capture all-down /all-down "proxy.server with two dead backends (disable-time 60), after one warm-up request disabled both"
  http_app_scenarios "mod_proxy proxy.server"
  uwsgi_scenarios "mod_scgi scgi.server with scgi.protocol = \"uwsgi\""
  php_fpm_scenarios "mod_fastcgi fastcgi.server"
  unset LOG_DELAY
  stop lighttpd
}

# ---------------------------------------------------------------- h2o
run_h2o() {
  GW=h2o; local d="$RUN/h2o"; mkdir -p "$d"
  render "$CONF/h2o/h2o.conf" "$d/h2o.conf" "$d"
  chown nobody:nogroup "$d"   # h2o writes its pid file after dropping to "nobody"
  LOGFILES[h2o]="$d/error.log"
  filter_logs_h2o() { grep -a 'proxy.c\|fastcgi.c' || true; }
  start h2o "$d/stdout.log" h2o -c "$d/h2o.conf"
  wait_port 18108
  GW_VERSION="$(h2o -v | sed -n 's/^h2o version /h2o\//p') (Debian 12)"
  GW_URL=http://127.0.0.1:18108
  common_scenarios "proxy.reverse.url"
  capture tls            /tls            "proxy.reverse.url https:// with proxy.ssl.verify-peer OFF: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "proxy.reverse.url https://localhost:18011 (verify-peer ON, the default): ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "proxy.reverse.url https://localhost:<port> with proxy.ssl.cafile capture CA (verify-peer ON, the default)"
  capture plain-to-tls   /plain-to-tls   "proxy.reverse.url http://: ${DESC[plain-to-tls]}"
  capture dns            /dns            "proxy.reverse.url http://backend.invalid:18010: ${DESC[dns]}"
  http_app_scenarios "proxy.reverse.url"
  php_fpm_scenarios "fastcgi.connect"
  stop h2o
}

# ---------------------------------------------------------------- trafficserver
run_trafficserver() {
  GW=trafficserver; local d="$RUN/ats"; mkdir -p "$d"/{etc,log,run,var,cache}
  render "$CONF/trafficserver/runroot.yaml" "$d/runroot.yaml" "$d"
  for f in records.config remap.config parent.config storage.config ip_allow.yaml logging.yaml; do
    render "$CONF/trafficserver/$f" "$d/etc/$f" "$d"
  done
  # config files ATS insists on finding, all empty (= defaults)
  for f in plugin.config hosting.config cache.config sni.yaml ssl_multicert.config splitdns.config \
           socks.config volume.config strategies.yaml; do : >"$d/etc/$f"; done
  # error.log: the per-transaction failure; access.log: the result code; diags.log: the TLS verification reason,
  # parent and connection-limit notes
  LOGFILES[trafficserver]="$d/log/error.log $d/log/access.log $d/log/diags.log"
  # while hold_gateway_slot holds the upstream slot, its own successful (x/200) transaction line can
  # be flushed into this capture's window: drop it, it belongs to the other request
  filter_logs_trafficserver() { if [ "${BG_ACTIVE:-0}" = 1 ]; then grep -av '/200 ' || true; else cat; fi; }
  start trafficserver "$d/stdout.log" traffic_server --run-root="$d/runroot.yaml"
  wait_port 18109
  sleep 2   # remap/plugins finish loading after the port opens
  GW_VERSION="$(traffic_server --version 2>/dev/null | sed -n 's/^\(Traffic Server [0-9.]*\).*/\1/p') (Debian 12 package $(pkg trafficserver))"
  GW_URL=http://127.0.0.1:18109
  export LOG_DELAY=2.5   # ATS flushes log buffers about once a second
  EXHAUSTED_HOLD=30      # ATS retries a request that timed out (with 16 s it was still trying, and got served, at 14.5 s)
  common_scenarios "remap.config map"
  capture tls            /tls            "map to https:// (verify policy PERMISSIVE, the default): ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "map to https:// with conf_remap verify.server.policy=ENFORCED: ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "map to https://localhost:<port> with conf_remap verify.server.policy=ENFORCED, CA bundle with the capture CA"
  capture plain-to-tls   /plain-to-tls   "map to http://: ${DESC[plain-to-tls]}"
  capture dns            /dns            "map to http://backend.invalid:18010: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "parent.config with two dead origin parents (go_direct=false, fail_threshold 1), after one warm-up request marked both down"
  hold_gateway_slot /rate-limit
  capture rate-limit     /rate-limit     "map to the slow upstream 127.0.0.1:18012 with conf_remap per_server.connection.max=1 while another request holds the connection"
  end_background
  http_app_scenarios "remap.config map"
  EXHAUSTED_HOLD=7
  unset LOG_DELAY
  stop trafficserver
}

# ---------------------------------------------------------------- tinyproxy
run_tinyproxy() {
  GW=tinyproxy; local d="$RUN/tinyproxy"; mkdir -p "$d"
  render "$CONF/tinyproxy/tinyproxy.conf" "$d/tinyproxy.conf" "$d"
  chown nobody:nogroup "$d"
  LOGFILES[tinyproxy]="$d/tinyproxy.log"
  # what went wrong (ERROR/WARNING) and the rewrite that names the upstream; not the per-connection chatter
  filter_logs_tinyproxy() { grep -aE '^(ERROR|WARNING|CRITICAL)|Rewriting URL' || true; }
  start tinyproxy "$d/stdout.log" tinyproxy -d -c "$d/tinyproxy.conf"
  wait_port 18110
  GW_VERSION="tinyproxy $(tinyproxy -v | awk '{print $2}') (Debian 12 package $(pkg tinyproxy))"
  GW_URL=http://127.0.0.1:18110; GW_PATH_END=/
  common_scenarios "ReversePath"
  capture plain-to-tls /plain-to-tls "ReversePath to http://: ${DESC[plain-to-tls]}"
  capture dns          /dns          "ReversePath to http://backend.invalid:18010/: ${DESC[dns]}"
  http_app_scenarios "ReversePath"
  GW_PATH_END=""
  stop tinyproxy
}

# ---------------------------------------------------------------- nghttpx
run_nghttpx() {
  GW=nghttpx; local d="$RUN/nghttpx"; mkdir -p "$d"
  render "$CONF/nghttpx/nghttpx.conf" "$d/nghttpx.conf" "$d"
  LOGFILES[nghttpx]="$d/error.log"
  # warnings and errors; not the NOTICE start-up lines
  filter_logs_nghttpx() { grep -aE ' (WARN|ERROR|FATAL) ' || true; }
  start nghttpx "$d/stdout.log" nghttpx --conf="$d/nghttpx.conf"
  wait_port 18111
  GW_VERSION="nghttpx $(nghttpx --version | awk '{print $2}') (Debian 12 package nghttp2-proxy $(pkg nghttp2-proxy))"
  GW_URL=http://127.0.0.1:18111
  common_scenarios "backend="
  capture tls            /tls            "backend=...;tls (certificate verified against the capture CA, the only verify mode it has short of --insecure): gateway speaks TLS to 127.0.0.1:18007, which is a plain-HTTP server"
  capture tls-selfsigned /tls-selfsigned "backend=...;tls;sni=localhost (verification on, the default): ${DESC[tls-selfsigned]}"
  tls_verify_scenarios "backend=...;tls;sni=localhost with cacert capture CA"
  capture plain-to-tls   /plain-to-tls   "backend= (no tls): ${DESC[plain-to-tls]}"
  capture dns            /dns            "backend=backend.invalid,18010;/dns;dns (resolved per connection): ${DESC[dns]}"
  capture all-down       /all-down       "two backend= lines for /all-down, both on dead ports"
  http_app_scenarios "backend="
  stop nghttpx
}

# Fixtures this script wrote on an earlier run (never the hand-collected *--published.http files),
# so that a renamed outcome (e.g. huge-header -> huge-header-passed-200) leaves no stale file behind.
remove_old_captures() {
  local f
  for f in "$OUT/$1"/*.http; do
    [ -e "$f" ] || continue
    case "$f" in *--published.http) continue ;; esac
    grep -q '^# captured: .*; curl -si on ' "$f" && rm -f "$f"
  done
  return 0
}

for g in "${GATEWAYS[@]}"; do
  log "=== $g"
  remove_old_captures "$g"
  "run_$g"
done
for f in "${CONTROL_FAILURES[@]}"; do log "CONTROL FAILED: $f (the captures beside it may not show what their label says)"; done
log "done; fixtures in $OUT"
