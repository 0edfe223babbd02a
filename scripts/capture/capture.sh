#!/usr/bin/env bash
# Captures real 5xx responses from real gateways on loopback into test/fixtures/responses/<gateway>/<scenario>.http.
#
# Usage (as root, from anywhere):  bash scripts/capture/capture.sh [gateway ...]
#   gateways: none nginx apache haproxy varnish squid caddy lighttpd h2o trafficserver (default: all)
#   KEEP=1 keeps the temp dir (configs, logs, raw responses) for inspection.
# Everything runs on 127.0.0.1 with ports 18xxx, configs/pids/logs live in one temp dir, and every
# process this script starts is stopped by its own PID (one gateway at a time, to spare the CPU).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/test/fixtures/responses"
CONF="$HERE/configs"
RUN="$(mktemp -d /tmp/gatewhy-capture.XXXXXX)"
chmod 755 "$RUN"   # gateways that drop to nobody/proxy must be able to reach their subdirs
export PATH="/opt/node22/bin:$PATH"
UA='User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/156'   # browser-like: nginx pads pages for Chrome/MSIE
TODAY="$(date -u +%F)"
GATEWAYS=("$@")
[ ${#GATEWAYS[@]} -eq 0 ] && GATEWAYS=(none nginx apache haproxy varnish squid caddy lighttpd h2o trafficserver)
# Resolver used by gateways that need one configured explicitly (nginx, squid): the system's.
RESOLVER="$(awk '/^nameserver/ {print $2; exit}' /etc/resolv.conf)"
[ -n "$RESOLVER" ] || { echo "no nameserver in /etc/resolv.conf" >&2; exit 1; }

log() { printf '[capture] %s\n' "$*" >&2; }

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
# stop NAME: SIGTERM the remembered PID, wait up to 10 s, then SIGKILL it.
stop() {
  local name="$1" pid
  pid="$(cat "$RUN/$name.pid" 2>/dev/null)" || return 0
  kill "$pid" 2>/dev/null || true
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

# ---------------------------------------------------------------- capture helpers
# What each upstream behaviour is, for the "# captured:" line (ports from upstreams.mjs).
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
  [app-502]="healthy upstream 127.0.0.1:18008 answers its own 502 with JSON {\"error\":\"payment service unavailable\",...}"
  [app-503-retry-after]="healthy upstream 127.0.0.1:18009 answers its own 503 with Retry-After: 120 and a maintenance page"
  [dns]="upstream host backend.invalid, which does not resolve (NXDOMAIN from the system resolver)"
)
# True cause of each set-up behaviour (the label does not depend on what the gateway made of it).
declare -A CAUSE=(
  [refused]=origin-unreachable [refused-direct]=origin-unreachable [hang]=origin-timeout
  [reset]=origin-reset [close]=origin-reset [garbage]=origin-invalid-response
  [bad-header]=origin-invalid-response [huge-header]=origin-invalid-response
  [tls]=origin-tls [tls-selfsigned]=origin-tls [app-502]=origin-app-error
  [app-503-retry-after]=maintenance [dns]=origin-unreachable [all-down]=origin-unreachable
  [rate-limit]=overloaded
)
# Text that only an upstream's own response contains: if the body has it, the gateway relayed it.
ORIGIN_MARKERS='payment service unavailable|Down for maintenance|hello from |HELLO THIS IS NOT HTTP|ok, but look at my headers'

GW=""; GW_VERSION=""; GW_URL=""; NOTE=""; PRIOR_LOG=""

# Per-gateway log readers. mark_logs remembers the current size of every log file of $GW;
# new_logs prints what was appended since (one line per entry, already filtered to the useful part).
declare -A LOGFILES=()
mark_logs() {
  local f
  for f in ${LOGFILES[$GW]:-} "$RUN/upstreams.log"; do
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
# clean TEXT: one printable ASCII line, safe inside a "# " comment.
clean() { printf '%s' "$1" | tr -d '\r' | tr -c '\11\40-\176' '?'; }

# capture SCENARIO PATH SETUP [curl args...]: one request, one fixture file.
# Env: NOTE (extra "# note:"), CAUSE_OVERRIDE (label instead of CAUSE[scenario]),
#      KEEP_NAME=1 (do not rename a non-5xx result to <scenario>-passed-<code>).
capture() {
  local scenario="$1" path="$2" setup="$3"; shift 3
  local url="$GW_URL$path" raw="$RUN/resp.raw" err="$RUN/curl.err" rc=0 http09=0
  mark_logs
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
  sleep "${LOG_DELAY:-0.3}"   # let the gateway flush its log line
  local logs; logs="$(new_logs | cut -c1-600)"
  local ulogs; ulogs="$(upstream_logs | cut -c1-300)"

  local status; status="$(head -c 64 "$raw" | sed -n '1s/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' | tr -d '\r')"
  local name="$scenario" source
  if [ "$rc" -ne 0 ] || [ ! -s "$raw" ]; then
    name="$scenario-no-response"; NOTE="${NOTE:+$NOTE; }curl exit $rc: $(tr -d '\n' <"$err")"
  elif [ "$http09" = 1 ]; then
    name="$scenario-http09"
  elif [ "${KEEP_NAME:-0}" != 1 ] && [ -n "$status" ] && [ "$status" -lt 500 ]; then
    name="$scenario-passed-$status"
  fi
  # source: who produced these bytes. The upstream's own content (or any non-5xx) => relayed.
  if [ "$http09" = 1 ] || { [ -n "$status" ] && [ "$status" -lt 500 ]; } || grep -aqE "$ORIGIN_MARKERS" "$raw"; then
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
      while IFS= read -r l; do printf '# log: %s\n' "$(clean "$l")"; done <<<"$logs"
    else
      echo "# log: (the gateway logged nothing for this request)"
    fi
    if [ -n "$ulogs" ]; then
      while IFS= read -r l; do printf '# upstream-log: %s\n' "$(clean "$l")"; done <<<"$ulogs"
    fi
    if [ -n "$PRIOR_LOG" ]; then
      while IFS= read -r l; do printf '# prior-log: %s\n' "$(clean "$l")"; done <<<"$PRIOR_LOG"
    fi
    [ -n "$NOTE" ] && echo "# note: $NOTE"
    cat "$raw"
  } >"$file"
  log "$GW/$name.http -> ${status:-no status} ($source)"
  NOTE=""; PRIOR_LOG=""
}

# warmup PATH: an uncaptured request whose log lines are kept for the next capture's header
# (as "# prior-log:", which is also used for health-check state logged before the request).
warmup() {
  mark_logs
  curl -s --max-time 40 -o /dev/null -H "$UA" "$GW_URL$1" || true
  sleep "${LOG_DELAY:-0.3}"
  PRIOR_LOG="$(new_logs | cut -c1-600)"
}

# in_background PATH: a request that occupies the gateway's only upstream slot while we capture.
in_background() {
  curl -s --max-time 40 -o /dev/null -H "$UA" "$GW_URL$1" &
  BG_PID=$!; BG_ACTIVE=1
  sleep 0.4
}
# end_background: wait for the in_background request to finish.
end_background() { wait "$BG_PID" || true; BG_ACTIVE=0; }

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

# ---------------------------------------------------------------- upstreams
log "temp dir $RUN"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$RUN/upstream-key.pem" -out "$RUN/upstream-cert.pem" \
  -days 2 -subj /CN=localhost -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' 2>/dev/null
start upstreams "$RUN/upstreams.log" node "$HERE/upstreams.mjs" --cert "$RUN/upstream-cert.pem" --key "$RUN/upstream-key.pem"
for p in 18002 18003 18004 18005 18006 18007 18008 18009 18010 18011 18012 18013 18014 18015; do wait_port "$p"; done

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
}

# ---------------------------------------------------------------- nginx
run_nginx() {
  GW=nginx; local d="$RUN/nginx"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" -e "s#@RESOLVER@#$RESOLVER#g" "$CONF/nginx/nginx.conf" >"$d/nginx.conf"
  LOGFILES[nginx]="$d/error.log"
  # keep errors and warnings; drop the [info]/[notice] chatter about keepalive connections
  filter_logs_nginx() { grep -aE '\[(error|warn|crit|alert)\]' || true; }
  start nginx "$d/stdout.log" nginx -c "$d/nginx.conf" -p "$d"
  wait_port 18101
  GW_VERSION="$(nginx -v 2>&1 | sed 's/^nginx version: //') (Debian 12 package $(dpkg-query -W -f='${Version}' nginx))"
  GW_URL=http://127.0.0.1:18101
  common_scenarios "proxy_pass"
  capture tls            /tls            "proxy_pass https://: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "proxy_pass https:// + proxy_ssl_verify on: ${DESC[tls-selfsigned]}"
  capture dns            /dns            "proxy_pass http://\$backend with resolver $RESOLVER: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "upstream{} of two dead servers (max_fails=1 fail_timeout=60s), after one warm-up request marked both failed: nginx has no live upstream left"
  warmup /rate-limit
  capture rate-limit     /rate-limit     "limit_req zone rate=1r/m (no burst) in front of the healthy upstream 127.0.0.1:18010; second request in a row"
  stop nginx
}

# ---------------------------------------------------------------- apache
run_apache() {
  GW=apache; local d="$RUN/apache"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" "$CONF/apache/httpd.conf" >"$d/httpd.conf"
  LOGFILES[apache]="$d/error.log"
  # proxy/balancer lines, plus the mod_ssl lines that carry the TLS reason
  filter_logs_apache() { grep -aE '\[(proxy|proxy_http|proxy_balancer):|SSL Library Error|AH02276|AH01997|AH02003' || true; }
  start apache "$d/stdout.log" apache2 -f "$d/httpd.conf" -DFOREGROUND
  wait_port 18102
  GW_VERSION="$(apache2 -v | sed -n 's/^Server version: //p') (Debian 12 package $(dpkg-query -W -f='${Version}' apache2-bin))"
  GW_URL=http://127.0.0.1:18102
  common_scenarios "ProxyPass (mod_proxy_http)"
  capture tls            /tls            "ProxyPass https:// with SSLProxyEngine on (SSLProxyVerify none, the default): ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "ProxyPass https:// with SSLProxyVerify require: ${DESC[tls-selfsigned]}"
  capture dns            /dns            "ProxyPass http://backend.invalid:18010: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "balancer:// of two dead members (forcerecovery=off), after one warm-up request put both in error state"
  in_background /rate-limit
  capture rate-limit     /rate-limit     "ProxyPass to the slow upstream 127.0.0.1:18012 with max=1 acquire=1000 while another request holds the only connection"
  end_background
  stop apache
}

# ---------------------------------------------------------------- haproxy
run_haproxy() {
  GW=haproxy; local d="$RUN/haproxy"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" "$CONF/haproxy/haproxy.cfg" >"$d/haproxy.cfg"
  LOGFILES[haproxy]="$d/haproxy.log"
  # the HTTP log lines (with the termination state) and server state changes
  # only the HTTP log lines (with the termination state); health-check chatter from other
  # backends would otherwise land in whichever capture is running when it happens
  filter_logs_haproxy() { grep -aE '"(GET|POST) ' || true; }
  start haproxy "$d/haproxy.log" haproxy -db -f "$d/haproxy.cfg"
  wait_port 18103
  GW_VERSION="HAProxy $(haproxy -v | sed -n 's/^HAProxy version \([^ ]*\).*/\1/p') (Debian 12)"
  GW_URL=http://127.0.0.1:18103
  common_scenarios "backend server"
  capture tls            /tls            "server ... ssl verify none: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "server ... ssl verify required ca-file system bundle: ${DESC[tls-selfsigned]}"
  capture dns            /dns            "server backend.invalid:18010 resolvers (parse-resolv-conf) init-addr none: ${DESC[dns]}"
  sleep 1.5   # let the health checks (inter 500ms fall 1) mark both all-down servers DOWN
  PRIOR_LOG="$(grep -a '^Server be_all-down/.* is DOWN\|^backend be_all-down has no server' "$d/haproxy.log" || true)"
  capture all-down       /all-down       "backend of two health-checked servers (check inter 500ms fall 1) on dead ports, both marked DOWN before the request"
  in_background /rate-limit
  capture rate-limit     /rate-limit     "server maxconn 1 to the slow upstream 127.0.0.1:18012 (2 s) with timeout queue 1s while another request holds the slot"
  end_background
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
  sleep 1   # let the probe mark the all_down backend sick
  PRIOR_LOG="$(varnishlog -n "$d/work" -d -g raw -i Backend_health 2>/dev/null | grep -a all_down | tail -1 | sed -E 's/ +/ /g' || true)"
  capture all-down   /all-down   "backend with a health probe (.window 1 .threshold 1) on a dead port, probed sick before the request"
  in_background /rate-limit
  capture rate-limit /rate-limit "backend .max_connections = 1 to the slow upstream 127.0.0.1:18012 while another request holds the connection"
  end_background
  stop varnish
}

# ---------------------------------------------------------------- squid
run_squid() {
  GW=squid; local d="$RUN/squid"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" -e "s#@RESOLVER@#$RESOLVER#g" "$CONF/squid/squid.conf" >"$d/squid.conf"
  chown -R proxy:proxy "$d"   # squid drops to the "proxy" user for its logs
  LOGFILES[squid]="$d/access.log $d/cache.log"
  filter_logs_squid() { grep -av -E '^[[:space:]]+current master transaction' || true; }
  start squid "$d/stdout.log" squid -N -f "$d/squid.conf"
  wait_port 18105; wait_port 18115; wait_port 18125
  sleep 1   # squid probes its cache_peers right after start; let that settle
  GW_VERSION="$(squid -v | sed -n 's/^Squid Cache: Version /squid\//p') (Debian 12, GnuTLS build)"
  GW_URL=http://127.0.0.1:18105
  NOTE="Squid never connected: a cache_peer counts as down until a TCP probe to it succeeds, and every probe to this dead port was refused, so Squid found no destination (compare refused-direct.http)"
  capture refused /refused "accel port + cache_peer originserver: ${DESC[refused]}"
  common_scenarios_but_refused "accel port + cache_peer originserver"
  capture tls            /tls            "cache_peer ... tls tls-flags=DONT_VERIFY_PEER: ${DESC[tls]}"
  NOTE="Debian's squid is built with GnuTLS and did not reject the self-signed certificate: the handshake succeeded, the request reached the upstream (see upstream log), and reading the TLS reply then failed"
  capture tls-selfsigned /tls-selfsigned "cache_peer ... tls tls-cafile=system bundle: ${DESC[tls-selfsigned]}"
  warmup /all-down
  NOTE="Squid never connected, for the same reason as refused.http: both peers count as down until a probe succeeds"
  capture all-down       /all-down       "two cache_peers on dead ports (connect-fail-limit=1), after one warm-up request"
  GW_URL=http://127.0.0.1:18115
  capture dns            /dns            "accel port with defaultsite=backend.invalid:18010 and always_direct (no cache_peer): ${DESC[dns]}"
  GW_URL=http://127.0.0.1:18125
  capture refused-direct /refused        "accel port with defaultsite=127.0.0.1:18001 and always_direct (no cache_peer): ${DESC[refused]}"
  stop squid
}

# ---------------------------------------------------------------- caddy
run_caddy() {
  GW=caddy; local d="$RUN/caddy"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" "$CONF/caddy/Caddyfile" >"$d/Caddyfile"
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
  capture dns            /dns            "reverse_proxy backend.invalid:18010: ${DESC[dns]}"
  sleep 1   # let the active health checks mark both all-down upstreams unhealthy
  PRIOR_LOG="$(grep -a 'health_checker' "$d/caddy.log" | tail -2 | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print(json.dumps({k: e[k] for k in ("level", "logger", "msg", "host", "error") if k in e}))' || true)"
  capture all-down       /all-down       "reverse_proxy with active health checks (health_uri / every 500ms) to two dead ports, both unhealthy before the request"
  stop caddy
}

# ---------------------------------------------------------------- lighttpd
run_lighttpd() {
  GW=lighttpd; local d="$RUN/lighttpd"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" "$CONF/lighttpd/lighttpd.conf" >"$d/lighttpd.conf"
  chown nobody:nogroup "$d"
  LOGFILES[lighttpd]="$d/error.log"
  # drop the proxy.debug bookkeeping lines (found a host / got proc / released proc) and the
  # timer-driven "re-enabled" lines, which land in whatever request happens to be running
  filter_logs_lighttpd() { grep -avE 'gw - found a host|got proc:|released proc:|re-enabled' || true; }
  start lighttpd "$d/stdout.log" lighttpd -D -f "$d/lighttpd.conf"
  wait_port 18107
  GW_VERSION="$(lighttpd -v | awk '{print $1}') (Debian 12)"
  GW_URL=http://127.0.0.1:18107
  LOG_DELAY=1.2 common_scenarios "mod_proxy proxy.server"
  warmup /all-down
  capture all-down /all-down "proxy.server with two dead backends (disable-time 60), after one warm-up request disabled both"
  stop lighttpd
}

# ---------------------------------------------------------------- h2o
run_h2o() {
  GW=h2o; local d="$RUN/h2o"; mkdir -p "$d"
  sed -e "s#@RUN@#$d#g" "$CONF/h2o/h2o.conf" >"$d/h2o.conf"
  chown nobody:nogroup "$d"   # h2o writes its pid file after dropping to "nobody"
  LOGFILES[h2o]="$d/error.log"
  filter_logs_h2o() { grep -a 'proxy.c' || true; }
  start h2o "$d/stdout.log" h2o -c "$d/h2o.conf"
  wait_port 18108
  GW_VERSION="$(h2o -v | sed -n 's/^h2o version /h2o\//p') (Debian 12)"
  GW_URL=http://127.0.0.1:18108
  common_scenarios "proxy.reverse.url"
  capture tls            /tls            "proxy.reverse.url https:// with proxy.ssl.verify-peer OFF: ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "proxy.reverse.url https://localhost:18011 (verify-peer ON, the default): ${DESC[tls-selfsigned]}"
  capture dns            /dns            "proxy.reverse.url http://backend.invalid:18010: ${DESC[dns]}"
  stop h2o
}

# ---------------------------------------------------------------- trafficserver
run_trafficserver() {
  GW=trafficserver; local d="$RUN/ats"; mkdir -p "$d"/{etc,log,run,var,cache}
  sed -e "s#@RUN@#$d#g" "$CONF/trafficserver/runroot.yaml" >"$d/runroot.yaml"
  for f in records.config remap.config parent.config storage.config ip_allow.yaml logging.yaml; do
    sed -e "s#@RUN@#$d#g" "$CONF/trafficserver/$f" >"$d/etc/$f"
  done
  # config files ATS insists on finding, all empty (= defaults)
  for f in plugin.config hosting.config cache.config sni.yaml ssl_multicert.config splitdns.config \
           socks.config volume.config strategies.yaml; do : >"$d/etc/$f"; done
  LOGFILES[trafficserver]="$d/log/error.log $d/log/access.log"
  # while in_background holds the upstream slot, its own successful (x/200) transaction line can
  # be flushed into this capture's window: drop it, it belongs to the other request
  filter_logs_trafficserver() { if [ "${BG_ACTIVE:-0}" = 1 ]; then grep -av '/200 ' || true; else cat; fi; }
  start trafficserver "$d/stdout.log" traffic_server --run-root="$d/runroot.yaml"
  wait_port 18109
  sleep 2   # remap/plugins finish loading after the port opens
  GW_VERSION="$(traffic_server --version 2>/dev/null | sed -n 's/^\(Traffic Server [0-9.]*\).*/\1/p') (Debian 12 package $(dpkg-query -W -f='${Version}' trafficserver))"
  GW_URL=http://127.0.0.1:18109
  export LOG_DELAY=2.5   # ATS flushes log buffers about once a second
  common_scenarios "remap.config map"
  capture tls            /tls            "map to https:// (verify policy PERMISSIVE, the default): ${DESC[tls]}"
  capture tls-selfsigned /tls-selfsigned "map to https:// with conf_remap verify.server.policy=ENFORCED: ${DESC[tls-selfsigned]}"
  capture dns            /dns            "map to http://backend.invalid:18010: ${DESC[dns]}"
  warmup /all-down
  capture all-down       /all-down       "parent.config with two dead origin parents (go_direct=false, fail_threshold 1), after one warm-up request marked both down"
  in_background /rate-limit
  capture rate-limit     /rate-limit     "map to the slow upstream 127.0.0.1:18012 with conf_remap per_server.connection.max=1 while another request holds the connection"
  end_background
  unset LOG_DELAY
  stop trafficserver
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
log "done; fixtures in $OUT"
