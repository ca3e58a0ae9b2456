#!/usr/bin/env bash
# ./mec bench paper [--quick] [options]: the seed paper's experiments (Figs. 10-12) and beyond, on 127.0.0.1.
# Builds the slice and evaluation jars if they are missing, then runs the harness. A full run writes
# docs/evaluation/results.json and docs/evaluation/*.png (the numbers and plots of docs/evaluation.md);
# --quick (CI smoke test, < 2 min) writes to evaluation/target/bench-paper-quick. --out DIR overrides both.
# All options: runtime/bench-paper.sh --help
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

quick=false
has_out=false
for a in "$@"; do
  case "$a" in
    --quick) quick=true ;;
    --out) has_out=true ;;
    -h|--help) exec java -jar evaluation/target/evaluation.jar --help ;;
  esac
done

if [ ! -f iot-slice-meapp/target/iot-slice-meapp.jar ] || [ ! -f evaluation/target/evaluation.jar ]; then
  echo "bench paper: building iot-slice-meapp and evaluation" >&2
  flock /tmp/edgeslice-mvn.lock mvn -B -q -o -DskipTests -pl iot-slice-meapp,evaluation -am install \
    || flock /tmp/edgeslice-mvn.lock mvn -B -q -DskipTests -pl iot-slice-meapp,evaluation -am install
fi

out=()
if ! $has_out; then
  if $quick; then out=(--out evaluation/target/bench-paper-quick); else out=(--out docs/evaluation); fi
fi

exec java -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true -jar evaluation/target/evaluation.jar \
  --slice-jar iot-slice-meapp/target/iot-slice-meapp.jar --work evaluation/target/bench-work "${out[@]}" "$@"
