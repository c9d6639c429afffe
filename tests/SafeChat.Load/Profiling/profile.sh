#!/usr/bin/env bash
# CPU profile of SafeChat in the load benchmark's closed loop: runs tests/load.sh (200 conversations, PostgreSQL x1 unless
# given), records SafeChat with perf for 15 s once it is loaded, and prints where its samples go by component
# (attribute.py). Needs perf. The runtime writes names for compiled code (perf map; W^X off so perf can read it; no
# ReadyToRun so every hot method is compiled and named): figures are lower than an unprofiled run's.
# Usage: bash tests/SafeChat.Load/Profiling/profile.sh [setup, default pg1] [seconds after start, default 30]
set -euo pipefail
cd "$(dirname "$0")/../../.."
setup="${1:-pg1}"; delay="${2:-30}"; out="$(mktemp -d)"
export DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0
bash tests/load.sh --conversations 200 --setups "$setup" > "$out/load.log" 2>&1 &
load=$!
pid=""
for _ in $(seq 1200); do
  pid="$(pgrep -f 'SafeChat.Bot.dll' | head -n 1 || true)"
  [ -n "$pid" ] && sleep 5 && [ "$pid" = "$(pgrep -f 'SafeChat.Bot.dll' | head -n 1 || true)" ] && break
  sleep 0.5
done
[ -n "$pid" ] || { echo "SafeChat did not start"; wait "$load"; exit 1; }
sleep "$delay"
perf record -F 499 -g -p "$pid" -o "$out/perf.data" -- sleep 15 > /dev/null 2>&1
wait "$load"
grep '^|' "$out/load.log"
perf script -i "$out/perf.data" -F comm,ip,sym,dso 2>/dev/null > "$out/stacks.txt"
python3 "$(dirname "$0")/attribute.py" "$out/stacks.txt" 6
echo "perf data and stacks: $out"
