#!/usr/bin/env bash
# Re-runnable dispatch schedule benchmark: generated Kanto instances (30/120, 60/300), Timefold against the
# greedy baseline in the same run. No servers needed. Writes benchmarks/results/dispatch-DATE.md.
# Options as system properties, e.g. JAVA_OPTS="-Dbench.spentLimit=PT10S -Dbench.seed=7".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.DispatchBenchmark
