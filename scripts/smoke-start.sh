#!/usr/bin/env bash
# Starts the app the way the README says (npm start) from the current directory, checks that the
# seeded matrix is served, then stops it as Ctrl-C does (SIGINT to the process group) or, with
# STOP_SIGNAL=TERM, by SIGTERM to the app's own process; then checks that PostgreSQL stopped too.
# Usage: scripts/smoke-start.sh [port]
set -euo pipefail
port="${1:-3299}"
signal="${STOP_SIGNAL:-INT}"
log="$(mktemp)"
setsid env PORT="$port" npm start >"$log" 2>&1 &
pgid=$!
cleanup() { kill -INT -- "-$pgid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pgid" 2>/dev/null; then cat "$log"; echo "smoke: the app exited during start-up" >&2; exit 1; fi
  sleep 1
done
matrix="$(curl -fsS "http://127.0.0.1:$port/api/workspaces/sco-debate/matrix")"
node -e '
  const m = JSON.parse(process.argv[1]);
  const names = m.authors.map((a) => a.shortName);
  const ok = names.length === 5 && names[0] === "Katz" && names[4] === "The Diplomat" && m.claims.length >= 10;
  console.log(`smoke: authors ${names.join(" → ")}; ${m.claims.length} claims`);
  process.exit(ok ? 0 : 1);
' "$matrix"
curl -fsS -o /dev/null "http://127.0.0.1:$port/w/sco-debate/matrix"

# A production start never gives the demo owner the published development password: without
# STANCEMAP_DEMO_PASSWORD, a fresh database's demo owner gets a generated one, printed once.
sign_in() {
  curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/auth/sign-in/email" \
    -H 'Content-Type: application/json' -H "Origin: http://127.0.0.1:$port" \
    -d "{\"email\":\"demo@stancemap.test\",\"password\":\"$1\"}"
}
if [ -z "${STANCEMAP_DEMO_PASSWORD:-}" ]; then
  status="$(sign_in stancemap-demo)"
  [ "$status" = 401 ] || { echo "smoke: the published demo password signed in ($status)" >&2; exit 1; }
  generated="$(sed -n 's/.*sign in with the password: \([^ ]*\).*/\1/p' "$log" | head -n 1)"
  if [ -n "$generated" ]; then
    status="$(sign_in "$generated")"
    [ "$status" = 200 ] || { echo "smoke: the printed demo password did not sign in ($status)" >&2; exit 1; }
    echo "smoke: the demo owner's password was generated and printed; the published one is refused"
  else
    echo "smoke: the demo owner's password was set on an earlier start; the published one is refused"
  fi
fi

# A personal API token made while the app runs on the same database, used for a write.
token="$(npm run --silent token -- demo@stancemap.test smoke 2>/dev/null | tail -n 1)"
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/workspaces" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title":"Smoke test","visibility":"PRIVATE"}')"
[ "$status" = 201 ] || { echo "smoke: a write with a fresh API token answered $status" >&2; exit 1; }
echo "smoke: npm run token made a working API token while the app ran"

trap - EXIT
if [ "$signal" = TERM ]; then
  kill -TERM "$(pgrep -g "$pgid" -f "scripts/start.ts" | tail -n 1)"
else
  kill -INT -- "-$pgid"
fi
for _ in $(seq 1 30); do grep -q "\[stancemap\] stopped" "$log" && break; sleep 1; done
grep -q "\[stancemap\] stopped" "$log" || { cat "$log"; echo "smoke: no clean shutdown after SIG$signal" >&2; exit 1; }
cluster_pid_file="$(node -e 'const c=require(process.argv[1]+"/postgres.json");console.log(c.clusterDir+"/postmaster.pid")' "${STANCEMAP_DATA_DIR:-$PWD/.data}")"
for _ in $(seq 1 10); do [ -f "$cluster_pid_file" ] || break; sleep 1; done
if [ -f "$cluster_pid_file" ]; then echo "smoke: PostgreSQL is still running after shutdown" >&2; exit 1; fi
echo "smoke: started, served the matrix and stopped cleanly on SIG$signal"
rm -f "$log"
