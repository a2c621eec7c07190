#!/usr/bin/env bash
# Measures start-up time of the packaged service in embedded mode, from launch until /actuator/health
# answers UP: once on an empty data directory (the dataset is loaded) and once on a restart.
# Usage: bench/startup.sh   (builds the jar first; writes nothing but a scratch data dir under target/)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
. bench/jdk.sh
jar=$(ls target/policygraph-*.jar | grep -v plain | head -n 1)
data=target/startup-bench-data
rm -rf "$data"

measure() {
  local start end pid
  start=$(date +%s.%N)
  "$java" -XX:+ExitOnOutOfMemoryError -jar "$jar" --policygraph.embedded.data-dir="$data" --server.port=18080 \
    --policygraph.embedded.bolt-port=0 > target/startup-bench.log 2>&1 &
  pid=$!
  until curl -sf localhost:18080/actuator/health 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "service died, see target/startup-bench.log"; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo "$1: $(echo "$end - $start" | bc) s"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java" -version 2>&1 | head -n 1)"
measure "first start (empty store, dataset loaded)"
measure "restart (data already there)"
