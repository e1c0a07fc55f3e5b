#!/usr/bin/env bash
# Re-runnable ingest intake benchmark: starts real Kafka, PostgreSQL, Keycloak and the packaged
# ingest-service on random ports, drives HTTP and syslog intake, measures Kafka's ProducerPerformance on the
# same broker in the same run, and writes benchmarks/results/ingest-DATE.md.
# Options as system properties, e.g. JAVA_OPTS="-Dbench.seconds=30 -Dbench.httpClients=8".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.IngestBenchmark
