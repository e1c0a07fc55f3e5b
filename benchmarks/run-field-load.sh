#!/usr/bin/env bash
# The engineer's app's load time on Slow 3G, in Debian's Chromium, against a running platform (./otasuke --demo):
#   benchmarks/run-field-load.sh http://localhost:8080 <engineer e-mail> <password>
# Writes benchmarks/results/field-load-DATE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl benchmarks -am
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec java ${JAVA_OPTS:-} -cp "benchmarks/target/otasuke-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  jp.otasuke.benchmarks.FieldLoadTime "$@"
