#!/usr/bin/env bash
# Starts the app the way the README says (npm start) from the current directory, checks that the
# seeded matrix is served, then stops it with SIGTERM and checks that PostgreSQL stopped too.
# Usage: scripts/smoke-start.sh [port]
set -euo pipefail
port="${1:-3299}"
log="$(mktemp)"
PORT="$port" npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "smoke: the app exited during start-up" >&2; exit 1; fi
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

trap - EXIT
kill -TERM "$pid"
wait "$pid" || true
grep -q "\[stancemap\] stopped" "$log" || { cat "$log"; echo "smoke: no clean shutdown" >&2; exit 1; }
cluster_pid_file="$(node -e 'const c=require(process.argv[1]+"/postgres.json");console.log(c.clusterDir+"/postmaster.pid")' "${STANCEMAP_DATA_DIR:-$PWD/.data}")"
if [ -f "$cluster_pid_file" ]; then echo "smoke: PostgreSQL is still running after shutdown" >&2; exit 1; fi
echo "smoke: started, served the matrix and stopped cleanly"
rm -f "$log"
