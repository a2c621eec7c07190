#!/usr/bin/env bash
# Soak: the packaged service on its embedded Neo4j (dev profile, a fresh data directory, the dataset loaded),
# 64 readers running a mix of the API's queries and 2 editors changing programs and budgets, for 5 minutes after
# a 30 s warm-up. Fails unless every request succeeds, heap after a full GC (jcmd, taken at rest) and open
# transactions (SHOW TRANSACTIONS) have not grown from the warm-up's end, and Bolt connections
# (dbms.listConnections) stay within the driver pool's bound.
# Figures: target/soak/report.txt; the service's log: target/soak/service.log.
# Usage: bench/soak.sh [duration, ISO-8601, default PT5M] [warm-up, default PT30S]
# The test command (./mvnw verify) runs the same test for 20 s after a 20 s warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT \
  -Dsoak.duration="${1:-PT5M}" -Dsoak.warmup="${2:-PT30S}"
cat target/soak/report.txt
