#!/usr/bin/env bash
# The benchmark: PolicyGraph vs @neo4j/graphql vs hand-written Cypher (in-process and behind a minimal HTTP
# server) on one Neo4j, at growing scales, the servers interleaved in short slices over several rounds.
# Builds the service and the benchmark, installs the peer's npm packages (bench/neo4j-graphql), then runs
# org.policygraph.bench.BenchMain (src/test/java/org/policygraph/bench), which writes bench/RESULTS.md and
# bench/results.csv. Scratch files (the Neo4j store, generated municipalities, server logs) go to target/bench/.
# Usage: bench/run.sh [--scale 1,10,100] [--concurrency 1,8] [--rounds 5] [--slice 1] [--settle 0.5]
#                     [--warm-round 3] [--cached] [--seed 7] [--heap 4g]
# (the defaults aim at about 40 minutes for scales 1, 10 and 100 on a 2-core machine; --cached times PolicyGraph
# with its answer cache on too, as a second instance)
# Needs a JDK 21+, Node 20+ and npm; about 20 GB free disk for scale 100.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk.sh
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
npm ci --prefix bench/neo4j-graphql --no-audit --no-fund --loglevel=error
exec "$java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.policygraph.bench.BenchMain --command "bench/run.sh $*" "$@"
