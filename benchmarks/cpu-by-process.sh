#!/usr/bin/env bash
# CPU by process while a benchmark runs (issue 33): samples every 2 s the CPU time of each java and postgres process
# (utime+stime from /proc), labels it by its command line, and prints each label's CPU over the busiest window.
#   benchmarks/cpu-by-process.sh [window-seconds] -- benchmarks/run-web.sh
# The load generator and the SSE client share the benchmark's JVM ("bench"); Kafka, Keycloak and PostgreSQL are their
# own processes.
set -euo pipefail
window=30
if [ "${1:-}" != "--" ]; then window=$1; shift; fi
[ "${1:-}" = "--" ] && shift
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
label() {
  case "$1" in
    *ingest-service*) echo ingest;; *triage-service*) echo triage;; *dispatch-service*) echo dispatch;;
    *insurance-service*) echo insurance;; *notify-service*) echo notify;; *web/target/quarkus-app*) echo web;;
    *jp.otasuke.benchmarks*) echo bench;; *keycloak*) echo keycloak;; *kafka*) echo kafka;; *postgres*) echo postgres;;
    *) echo other;;
  esac
}
(
  while true; do
    now=$(date +%s.%N)
    for p in $(pgrep -f "java|postgres" || true); do
      stat=$(cat /proc/$p/stat 2>/dev/null) || continue
      cmd=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null)
      case "$cmd" in *cpu-by-process*) continue;; esac # this script, whose command line names the benchmark
      echo "$now $p $(label "$cmd") $(echo "$stat" | awk '{print $14+$15}')"
    done
    sleep 2
  done
) >> "$samples" &
sampler=$!
"$@" || status=$?
kill $sampler 2>/dev/null || true
ticks=$(getconf CLK_TCK)
awk -v window="$window" -v hz="$ticks" '
  { t = $1; if (!(t in seen)) { seen[t] = 1; order[++n] = t } v[t, $2] = $4; lab[$2] = $3; pids[t] = pids[t] " " $2 }
  END {
    for (i = 2; i <= n; i++) {
      a = order[i - 1]; b = order[i]; dt[i] = b - a; total[i] = 0
      split(pids[b], ps, " ")
      for (j in ps) { p = ps[j]; if ((a, p) in v) { d = v[b, p] - v[a, p]; if (d < 0) d = 0; use[i, lab[p]] += d; total[i] += d; labels[lab[p]] = 1 } }
    }
    best = 2; bestsum = -1
    for (i = 2; i <= n; i++) {
      s = 0; secs = 0
      for (k = i; k <= n && secs < window; k++) { s += total[k]; secs += dt[k] }
      if (secs >= window * 0.9 && s > bestsum) { bestsum = s; best = i }
    }
    secs = 0
    for (k = best; k <= n && secs < window; k++) { secs += dt[k]; for (l in labels) sum[l] += use[k, l] }
    printf "%-10s %7.1f cpu-s  %5.2f cores  (the busiest %.0f s)\n", "all", bestsum / hz, bestsum / hz / secs, secs
    for (l in labels) printf "%-10s %7.1f cpu-s  %5.2f cores\n", l, sum[l] / hz, sum[l] / hz / secs
  }' "$samples" | sort -k2 -nr
exit ${status:-0}
