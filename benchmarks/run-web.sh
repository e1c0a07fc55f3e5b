#!/usr/bin/env bash
# Re-runnable web benchmark: starts real Kafka, PostgreSQL, Keycloak and the packaged ingest-service, triage-service
# and web on random ports, signs soc-1 in through Keycloak's form, listens to web's SSE stream, sends alerts through
# ingest at 1,000/s, and measures alert-to-screen latency, the queue's page time and web's RSS.
# Writes benchmarks/results/web-DATE.md. Options as system properties, e.g. JAVA_OPTS="-Dbench.seconds=60".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.WebBenchmark
