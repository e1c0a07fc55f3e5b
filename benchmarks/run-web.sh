#!/usr/bin/env bash
# Re-runnable web benchmark: starts real Kafka, PostgreSQL, Keycloak and the packaged ingest-service, triage-service
# and web on random ports, signs soc-1 in through Keycloak's form, listens to web's SSE stream, sends alerts through
# ingest at 1,000/s in a realistic mix (1 alert in 100 opens an incident) and a stress mix (1 in 3), and measures
# alert-to-screen latency, each process's CPU (and from it the CPU of a new incident), what PostgreSQL was asked,
# the queue's page time and web's RSS. Writes benchmarks/results/web-DATE.md. Options as system properties, e.g.
# JAVA_OPTS="-Dbench.seconds=60 -Dbench.rate=3000 -Dbench.warmupSeconds=120 -Dbench.stressFirst=true".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.WebBenchmark
