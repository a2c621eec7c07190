#!/usr/bin/env bash
# Measures start-up time of the service in embedded mode, from launch until /actuator/health answers UP: on an empty
# data directory (the dataset is loaded) and on a restart, each as many times as asked.
# Usage: bench/startup.sh [jar|run] [runs]
#   jar (default): the packaged jar, started as the README says (java ... -jar target/policygraph-*.jar)
#   run: ./mvnw spring-boot:run, as a newcomer's first command (after the build, with dependencies already in ~/.m2)
# Builds the jar first; writes nothing but a scratch data dir and logs under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-jar}
runs=${2:-1}
./mvnw -B -q -DskipTests package
. bench/jdk.sh
jar=$(ls target/policygraph-*.jar | grep -v plain | head -n 1)
data=$PWD/target/startup-bench-data
log=target/startup-bench.log
args="--policygraph.embedded.data-dir=$data --server.port=18080 --policygraph.embedded.bolt-port=0"
unsafe=""
if [ "$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')" -ge 23 ]; then
  unsafe="--sun-misc-unsafe-memory-access=allow"
fi

launch() {
  case "$mode" in
    jar) "$java" -XX:+ExitOnOutOfMemoryError $unsafe -jar "$jar" $args > "$log" 2>&1 & ;;
    run) ./mvnw -B -o spring-boot:run -Dspring-boot.run.arguments="$args" > "$log" 2>&1 & ;;
    *) echo "usage: bench/startup.sh [jar|run] [runs]"; exit 2 ;;
  esac
  pid=$!
}

measure() {
  local start end
  start=$(date +%s.%N)
  launch
  until curl -sf localhost:18080/actuator/health 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "service died, see $log"; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  # SIGTERM: to the JVM itself, or to Maven, which stops the JVM it forked
  kill -TERM "$pid"; wait "$pid" || true
  echo "$1: $(echo "$end - $start" | bc) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java" -version 2>&1 | head -n 1), mode $mode"
for run in $(seq 1 "$runs"); do
  rm -rf "$data"
  measure "run $run, first start (empty store, dataset loaded)"
  measure "run $run, restart (data already there)"
done
