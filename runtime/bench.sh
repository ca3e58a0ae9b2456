#!/usr/bin/env bash
# ./mec bench KIND: the benchmarks. Each prints a table; none of them is a test.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
kind=$1; shift

classpath_of() { # module -> its jar and its lib/ (built with dependencies copied)
  echo "$ROOT/$1/target/$1.jar:$ROOT/$1/target/lib/*"
}

ensure_built() { # module...
  local m missing=""
  for m in "$@"; do [ -f "$m/target/$m.jar" ] || missing="$missing,$m"; done
  [ -z "$missing" ] || "$ROOT/mvnw" -B -q -DskipTests install -pl "${missing#,}" -am
}

free_port() { java -cp "$ROOT/launcher/target/launcher.jar" org.edgeslice.launcher.FreePort 2>/dev/null || echo 62700; }

bench_cse() {
  ensure_built iot-slice-meapp launcher
  local port; port=$(free_port)
  local data; data=$(mktemp -d)
  # shellcheck source=runtime/slice-jvm.sh
  source "$ROOT/runtime/slice-jvm.sh"
  local jsa cds=()
  jsa=$(slice_cds_archive "$ROOT") && cds=("-XX:SharedArchiveFile=$jsa")
  echo "== IoT slice (standalone, main endpoint 127.0.0.1:$port; JVM ${cds[*]} ${SLICE_JVM_FLAGS[*]}) =="
  local t0; t0=$(date +%s%N)
  SLICE_HTTP_PORT=$port SLICE_PORT_REGISTRATION=0 SLICE_PORT_RETRIEVE=0 SLICE_PORT_SUBSCRIPTION=0 \
  SLICE_PORT_NOTIFICATION=0 SLICE_DATA_DIR="$data" \
    java "${cds[@]}" "${SLICE_JVM_FLAGS[@]}" -jar iot-slice-meapp/target/iot-slice-meapp.jar \
    >"$data/slice.log" 2>&1 &
  SLICE_PID=$! SLICE_DATA=$data
  trap 'kill $SLICE_PID 2>/dev/null || true; rm -rf "$SLICE_DATA"' EXIT
  local pid=$SLICE_PID
  until curl -fs -o /dev/null -H 'X-M2M-Origin: CAdmin' -H 'X-M2M-RI: ready' -H 'X-M2M-RVI: 3' \
        "http://127.0.0.1:$port/cse-slice"; do
    kill -0 $pid 2>/dev/null || { cat "$data/slice.log"; exit 1; }
    sleep 0.005
  done
  local t1; t1=$(date +%s%N)
  sleep 2
  printf 'slice start-to-ready (process start -> first oneM2M answer): %d ms\n' $(( (t1 - t0) / 1000000 ))
  printf 'slice idle RSS: %d MiB\n' $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  # the client (one selector thread, C2, serial GC) shares the cores with the server: the table gives both CPUs
  java -XX:+UseSerialGC -cp "$(classpath_of iot-slice-meapp)" org.edgeslice.slice.bench.CseBench \
    "http://127.0.0.1:$port/cse-slice" --server-pid=$pid "$@"
  kill $pid; wait $pid 2>/dev/null || true
  local ciss status proc cpid=-1
  status=$(./mec status --json 2>/dev/null || true)
  ciss=$(echo "$status" | grep -o '"name":"ciss","apiRoot":"[^"]*"' | sed 's/.*"apiRoot":"//; s/"$//' || true)
  if [ -n "$ciss" ]; then
    # the Payara process that hosts the CISS, for its CPU per request
    proc=$(echo "$status" | grep -o '"name":"cloud-platform",[^}]*"process":"[^"]*"' | sed 's/.*"process":"//; s/"$//' || true)
    [ -n "$proc" ] && [ -f "${EDGESLICE_STATE_DIR:-$ROOT/.mec}/run/$proc.pid" ] \
      && cpid=$(cat "${EDGESLICE_STATE_DIR:-$ROOT/.mec}/run/$proc.pid")
    echo; echo "== CISS (cloud IN-CSE, durable store) at $ciss =="
    java -XX:+UseSerialGC -cp "$(classpath_of iot-slice-meapp)" org.edgeslice.slice.bench.CseBench "$ciss/in-cse" \
      --server-pid="$cpid" "$@"
  else
    echo; echo "(the CISS is not running: './mec up' first to benchmark the cloud CSE too)"
  fi
}

# The Docker driver alone: create+start -> app answering, warm image, and pulls from the CSFR.
bench_vim() {
  [ -d mepm/target/mepm/WEB-INF/lib ] || "$ROOT/mvnw" -B -q -DskipTests install -pl mepm -am
  source "$ROOT/runtime/infra.sh"
  ensure_dockerd; ensure_registry; ensure_base_image
  java -cp "mepm/target/mepm/WEB-INF/classes:mepm/target/mepm/WEB-INF/lib/*" org.edgeslice.mepm.bench.VimBench \
    --docker-host "$DOCKER_HOST_URL" "$@"
}

# MEC 010-2 LCM through the running system (./mec up): instantiate -> COMPLETED with a real container
# (the handler's package, onboarded by ./mec up), and GET app_instances.
bench_lcm() {
  [ -d meo/target/test-classes/org/edgeslice/meo/bench ] || "$ROOT/mvnw" -B -q -DskipTests install -pl meo -am
  local meo
  meo=$(./mec status --json | grep -o '"name":"meo","apiRoot":"[^"]*"' | sed 's/.*"apiRoot":"//; s/"$//')
  [ -n "$meo" ] || { echo "mec: the MEO is not running; './mec up' first" >&2; exit 1; }
  java -cp meo/target/test-classes org.edgeslice.meo.bench.LcmBench --meo "$meo" \
    --appd-id iot-slicing-handler-0.1.0 --host host-1 --cycles 20 "$@"
}

# Slice preparation through the running system: warm image, cold image (pulled from the CSFR), 03-2 path.
bench_slicing() {
  ensure_built demo
  local status handler cloud
  status=$(./mec status --json)
  handler=$(echo "$status" | grep -o '"name":"handler","apiRoot":"[^"]*"' | head -1 | sed 's/.*"apiRoot":"//; s/"$//')
  cloud=$(echo "$status" | grep -o '"name":"cloud-platform","apiRoot":"[^"]*"' | sed 's/.*"apiRoot":"//; s/"$//')
  [ -n "$handler" ] || { echo "mec: the system is not running; './mec up' first" >&2; exit 1; }
  local mepm
  mepm=$(echo "$status" | grep -o '"name":"mepm","apiRoot":"[^"]*"' | head -1 | sed 's/.*"apiRoot":"//; s/"$//')
  # the devices share the two cores with the system they measure: C1 and the serial GC keep their CPU small (with
  # C2 the client took 14-17 ms of CPU per 03-2 request, 9 ms with C1)
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$(classpath_of demo)" org.edgeslice.demo.SlicingBench \
    --handler "$handler" --cloud "$cloud" \
    ${mepm:+--mepm "$mepm"} "$@"
}

# Through the whole running system (./mec up): MODE = preparation (new slice through the handler, per-step
# breakdown), scale (preparation with k slices running, memory and idle CPU of the slice containers), burst
# (N device requests at once), meo (app_instances latency up to 1,000 instances). Class org.edgeslice.evaluation.system.SystemBench; options: --runs --levels --sizes --out.
bench_system() {
  local mode=$1; shift
  ensure_built evaluation
  local status handler cloud mepm docker meo
  status=$(./mec status --json)
  handler=$(echo "$status" | grep -o '"name":"handler","apiRoot":"[^"]*"' | head -1 | sed 's/.*"apiRoot":"//; s/"$//')
  cloud=$(echo "$status" | grep -o '"name":"cloud-platform","apiRoot":"[^"]*"' | sed 's/.*"apiRoot":"//; s/"$//')
  mepm=$(echo "$status" | grep -o '"name":"mepm","apiRoot":"[^"]*"' | head -1 | sed 's/.*"apiRoot":"//; s/"$//')
  docker=$(echo "$status" | grep -o '"docker":"[^"]*"' | head -1 | sed 's/.*"docker":"//; s/"$//')
  [ -n "$handler" ] && [ -n "$docker" ] || { echo "mec: the system (with Docker) is not running; './mec up' first" >&2; exit 1; }
  meo=$(echo "$status" | grep -o '"name":"meo","apiRoot":"[^"]*"' | sed 's/.*"apiRoot":"//; s/"$//')
  java -Xmx256m -XX:+UseSerialGC -cp "$(classpath_of evaluation)" org.edgeslice.evaluation.system.SystemBench "$mode" \
    --handler "$handler" --cloud "$cloud" --mepm "$mepm" --meo "$meo" --docker-host "$docker" "$@"
}

case "$kind" in
  cse) bench_cse "$@" ;;
  slicing) bench_slicing "$@" ;;
  vim) bench_vim "$@" ;;
  lcm) bench_lcm "$@" ;;
  preparation|scale|burst|meo) bench_system "$kind" "$@" ;;
  paper) exec "$ROOT/runtime/bench-paper.sh" "$@" ;;
  *) echo "mec: benchmark '$kind' is not available in this build yet" >&2; exit 1 ;;
esac
