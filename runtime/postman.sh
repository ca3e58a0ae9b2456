#!/usr/bin/env bash
# Runs the Postman collection of the 15-step procedure (postman/) with newman against the RUNNING system
# (./mec up first; ./mec postman calls this). newman is installed locally and reproducibly: the exact version
# in postman/package.json, the tree in the committed package-lock.json, `npm ci` into postman/node_modules
# (skipped while the lock file is unchanged). The environment is made from `./mec status --json`. Reports:
# the CLI reporter on standard output and JUnit XML in postman/target/newman-junit.xml. Exits non-zero when
# any assertion fails or any request errs.
#
# Settings (environment variables):
#   EDGESLICE_POSTMAN_HOST             MEC host whose handler is driven (default: the first one, host-1)
#   EDGESLICE_POSTMAN_RELEASE_SECONDS  how long to wait for the idle slice's release (default: the handler's
#                                      HANDLER_SLICE_IDLE_SECONDS, read from its container, + 120 s)
#   EDGESLICE_POSTMAN_POLL_MS          delay between polls (default 500)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PM="$ROOT/postman"
# shellcheck source=runtime/infra.sh
source "$ROOT/runtime/infra.sh"

pm_log() { printf '[postman] %s\n' "$*" >&2; }
pm_die() { printf '[postman] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- newman, installed locally
command -v node >/dev/null || apt_install nodejs
command -v npm >/dev/null || apt_install npm
stamp="$PM/node_modules/.edgeslice-lock.sha256"
lock_sum=$( { sha256sum "$PM/package.json" "$PM/package-lock.json"; node --version; } | sha256sum | cut -c1-64)
if [ ! -x "$PM/node_modules/.bin/newman" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  pm_log "installing newman from postman/package-lock.json (npm ci)"
  (cd "$PM" && npm ci --no-audit --no-fund --loglevel=error) || pm_die "npm ci failed"
  echo "$lock_sum" >"$stamp"
fi

# ---------------------------------------------------------------- the environment, from ./mec status --json
status=$("$ROOT/mec" status --json) || pm_die "./mec status --json failed"
mkdir -p "$PM/target"
env_file="$PM/target/newman-environment.json"
host=${EDGESLICE_POSTMAN_HOST:-}
handler_id=$(STATUS="$status" HOST_ID="$host" node -e '
  const s = JSON.parse(process.env.STATUS);
  const host = process.env.HOST_ID || (s.hosts[0] || {}).id;
  const h = s.services.find(x => x.name === "handler" && x.host === host);
  process.stdout.write(h && h.appInstanceId ? h.appInstanceId : "");')
[ -n "$handler_id" ] || pm_die "no IoT Slicing Handler in './mec status --json' (is the system up? ./mec up)"

# the release of an idle slice takes the handler's idle time: read it from the handler's container
release=${EDGESLICE_POSTMAN_RELEASE_SECONDS:-}
if [ -z "$release" ]; then
  idle=""
  if docker_available; then
    cid=$(docker_cli ps -q --filter "label=org.edgeslice.mepm.appInstanceId=$handler_id" | head -1)
    [ -z "$cid" ] || idle=$(docker_cli inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$cid" \
      | sed -n 's/^HANDLER_SLICE_IDLE_SECONDS=//p' | head -1)
  fi
  release=$(( ${idle:-300} + 120 ))
  [ "${idle:-300}" -le 60 ] || pm_log "the handler releases idle slices after ${idle:-300} s: the release check waits" \
    "up to $release s (start the system with HANDLER_SLICE_IDLE_SECONDS=2 for a quick run)"
fi
poll_ms=${EDGESLICE_POSTMAN_POLL_MS:-500}

STATUS="$status" HOST_ID="$host" POLL_MS="$poll_ms" RELEASE_S="$release" TEMPLATE="$PM/edgeslice.postman_environment.json" \
  node -e '
  const fs = require("fs");
  const s = JSON.parse(process.env.STATUS);
  const host = process.env.HOST_ID || (s.hosts[0] || {}).id;
  const svc = (name, onHost) => {
    const x = s.services.find(v => v.name === name && (!onHost || v.host === host));
    if (!x || !x.apiRoot) { console.error("[postman] ERROR: no " + name + " in ./mec status --json"); process.exit(1); }
    if (x.health !== "UP") { console.error("[postman] ERROR: " + name + " is " + x.health); process.exit(1); }
    return x;
  };
  const ciss = svc("ciss"), handler = svc("handler", true);
  const values = {
    meoApiRoot: svc("meo").apiRoot,
    mepmApiRoot: svc("mepm", true).apiRoot,
    mecPlatformApiRoot: svc("mec-platform", true).apiRoot,
    cloudApiRoot: svc("cloud-platform").apiRoot,
    cissApiRoot: ciss.apiRoot,
    cissCseName: ciss.cseName,
    cissCseId: ciss.cseId,
    handlerApiRoot: handler.apiRoot,
    handlerAppInstanceId: handler.appInstanceId,
    hostId: host,
    pollIntervalMs: process.env.POLL_MS,
    maxPolls: String(Math.ceil(240000 / Number(process.env.POLL_MS))),
    syncMaxPolls: String(Math.max(20, Math.ceil(10000 / Number(process.env.POLL_MS)))),
    releaseMaxPolls: String(Math.ceil(Number(process.env.RELEASE_S) * 1000 / Number(process.env.POLL_MS)))
  };
  const env = JSON.parse(fs.readFileSync(process.env.TEMPLATE, "utf8"));
  env.name = "EdgeSlice (from ./mec status --json)";
  for (const v of env.values) {
    if (!(v.key in values)) { console.error("[postman] ERROR: nothing fills " + v.key); process.exit(1); }
    v.value = values[v.key];
    delete values[v.key];
  }
  if (Object.keys(values).length) { console.error("[postman] ERROR: not in the template: " + Object.keys(values)); process.exit(1); }
  fs.writeFileSync(process.argv[1], JSON.stringify(env, null, 2) + "\n");
' "$env_file"

# ---------------------------------------------------------------- the run
pm_log "running the collection against $(STATUS="$status" node -e 'const s=JSON.parse(process.env.STATUS); console.log(s.services.find(x=>x.name==="meo").apiRoot)') (environment: ${env_file#"$ROOT"/})"
rm -f "$PM/target/newman-junit.xml"
exec "$PM/node_modules/.bin/newman" run "$PM/edgeslice-15-steps.postman_collection.json" \
  --environment "$env_file" \
  --reporters cli,junit --reporter-junit-export "$PM/target/newman-junit.xml" \
  --timeout-request 30000 --color off
