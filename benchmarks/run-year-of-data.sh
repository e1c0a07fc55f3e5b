#!/usr/bin/env bash
# Re-runnable "year of data" benchmark (issue 28): starts real Kafka, PostgreSQL, Keycloak and the packaged
# triage-service on random ports, bulk-loads 14 months of a 1,000-SME platform (10 million alerts, about 20 GB of
# disk), times the SOC's pages through triage's API and the retention dropping the oldest month under a writer.
# Writes benchmarks/results/year-of-data-DATE.md. Options as system properties, e.g. JAVA_OPTS="-Dbench.alerts=2000000".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.YearOfDataBenchmark
