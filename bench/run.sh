#!/usr/bin/env bash
# Benchmark: compile generated sites through the real CLI (the ./portplan launcher, with its JVM
# defaults; PORTPLAN_JAVA_OPTS replaces them), all targets, and report wall time and peak memory
# (maximum resident set size) per size. Run from the repository root after
# 'mvn -B -q -DskipTests package test-compile'. Usage: bench/run.sh [SIZES...], a size being
# PHONES or PHONESxFIREWALLS; default: 1000 10000 100000 40000x2000. BENCH_TARGET=all compiles
# every target (--target all) instead of each firewall's own platform (iptables).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/portplan.jar
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "run 'mvn -B -q -DskipTests package test-compile' first" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 40000x2000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "target: ${BENCH_TARGET:-the site platform, iptables}; JVM options: ${PORTPLAN_JAVA_OPTS-launcher defaults}"
printf '%-14s %10s %10s %12s %10s %12s\n' size phones firewalls wall_s peak_MB us_per_phone
for size in "${sizes[@]}"; do
  phones=${size%x*}
  firewalls=1
  [[ "$size" == *x* ]] && firewalls=${size#*x}
  site="$work/site-$size.yaml"
  java -cp target/test-classes org.portplan.bench.SiteGenerator "$phones" "$firewalls" "$site"
  best=""
  for run in 1 2 3; do
    rm -rf "$work/out" "$work/site.lock"
    /usr/bin/time -f '%e %M' -o "$work/time" ./portplan compile "$site" -o "$work/out" \
      ${BENCH_TARGET:+--target "$BENCH_TARGET"} --lock "$work/site.lock" >/dev/null 2>"$work/err" \
      || { cat "$work/err" >&2; exit 1; }
    read -r wall kb < "$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < ${best%% *})}"; then best="$wall $kb"; fi
  done
  read -r wall kb <<< "$best"
  printf '%-14s %10d %10d %12.2f %10.0f %12.1f\n' "$size" "$phones" "$firewalls" "$wall" "$((kb / 1024))" \
    "$(awk "BEGIN{print $wall * 1000000 / $phones}")"
done
