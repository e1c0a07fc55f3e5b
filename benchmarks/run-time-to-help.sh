#!/usr/bin/env bash
# Re-runnable "time to help" benchmark (issue 28): starts real Kafka, PostgreSQL, Keycloak, a mail server, every
# packaged service and web on random ports; 1,000 SMEs' sensors send 1,000 alerts/s of noise while 20 P1 stories are
# played through; measures attack → SOC screen, → the SME's mail, → the on-call page, and job completed → claim opened
# → the insurer's webhook. Writes benchmarks/results/time-to-help-DATE.md. Options as system properties, e.g.
# JAVA_OPTS="-Dbench.stories=40 -Dbench.tenants=2000".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
# Kafka (in this JVM) logs through SLF4J: to java.util.logging, so its warnings and a fatal error are seen
exec java -Dslf4j.provider=org.slf4j.jul.JULServiceProvider ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.TimeToHelpBenchmark
