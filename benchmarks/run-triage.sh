#!/usr/bin/env bash
# Re-runnable triage benchmark: starts real Kafka, PostgreSQL, Keycloak and the packaged ingest-service and
# triage-service on random ports, sends alerts through ingest at 1,000/s, 5,000/s and flat out, and reads the
# alert-to-incident latency of every alert from triage's database. Writes benchmarks/results/triage-DATE.md.
# Options as system properties, e.g. JAVA_OPTS="-Dbench.seconds=60 -Dbench.tenants=24".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.TriageBenchmark
