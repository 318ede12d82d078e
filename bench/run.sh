#!/usr/bin/env bash
# DualRail benchmarks, one command: installs what it needs, builds Release, runs the wrk load phases
# (bench/DualRail.LoadBench), the settlement backlog and the BenchmarkDotNet microbenchmarks, then
# writes bench/RESULTS.md, bench/results/throughput.png and the raw outputs under bench/results/.
# Usage: bench/run.sh [--duration SECONDS]   (default 10 s per wrk phase; ~15 minutes in all)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=10
if [ "${1:-}" = "--duration" ]; then duration=$2; fi
results="$root/bench/results"
started=$(date -u +%s)

# --- what the run needs (idempotent) ---
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v node >/dev/null || need+=(nodejs npm)
secp=; ls /usr/lib/*/libsecp256k1.so.* /usr/lib/libsecp256k1.so.* >/dev/null 2>&1 || secp=yes
if [ ${#need[@]} -gt 0 ] || [ -n "$secp" ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  if [ -n "$secp" ]; then
    for p in libsecp256k1-2 libsecp256k1-1; do apt-cache show "$p" >/dev/null 2>&1 && { need+=("$p"); break; }; done
  fi
  if [ ${#need[@]} -gt 0 ]; then $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; fi
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

dotnet build bench/DualRail.LoadBench -c Release -nologo -v q
dotnet build bench/DualRail.Benchmarks -c Release -nologo -v q

rm -rf "$results/raw" "$results/micro" "$results"/load.* "$results/chart.dat" "$results/throughput.png"; mkdir -p "$results/raw"
uptime > "$results/raw/uptime-start.txt"

# --- load phases, challenge, settlement (one orchestrator process; wrk is the load generator) ---
load_cmd="dotnet bench/DualRail.LoadBench/bin/Release/net10.0/DualRail.LoadBench.dll --out bench/results --duration $duration"
echo "== $load_cmd"
set +e
$load_cmd 2>&1 | tee "$results/raw/loadbench.log"
load_status=${PIPESTATUS[0]}
set -e
uptime > "$results/raw/uptime-after-load.txt"

# --- microbenchmarks (BenchmarkDotNet ShortRun: 3 warm-up + 3 measured iterations) ---
micro_cmd="dotnet run -c Release --no-build --project bench/DualRail.Benchmarks -- --filter '*' --exporters github --artifacts bench/results/micro"
echo "== $micro_cmd"
uptime > "$results/raw/uptime-before-micro.txt"
dotnet run -c Release --no-build --project bench/DualRail.Benchmarks -- --filter '*' --exporters github --artifacts bench/results/micro \
  2>&1 | tail -n 200 > "$results/raw/micro.log" || true
uptime > "$results/raw/uptime-after-micro.txt"

# --- chart ---
gnuplot <<GNUPLOT
set terminal pngcairo size 1100,520 font ",10" noenhanced
set output "$results/throughput.png"
set title "DualRail load phases: responses with the expected status per second (log scale; one 2-core machine, shared)"
set style data histograms
set style fill solid 0.8
set logscale y
set ylabel "per second"
set xtics rotate by -25
set grid ytics
set boxwidth 0.7
plot "$results/chart.dat" using 2:xtic(1) title "req/s" lc rgb "#2b6cb0"
GNUPLOT

# --- RESULTS.md ---
commit=$(git rev-parse --short HEAD)
dirty=$(git status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
mem=$(free -h | awk '/^Mem:/ {print $2}')
elapsed=$(( $(date -u +%s) - started ))
{
  echo "# DualRail benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\`$dirty; the run took $((elapsed / 60)) min $((elapsed % 60)) s."
  echo "Every number below comes from that run; raw outputs are in [results/](results/)."
  echo
  echo "**Machine:** $(nproc) cores ($cpu), $mem memory, $(uname -sr), .NET $(dotnet --version), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), Node $(node --version)."
  echo
  echo "**Load on the machine.** This machine is shared with other engineers' builds and tests; the load"
  echo "average (below, and around every phase in the tables) affects every number here: a phase run while"
  echo "it was above the core count measured less, and noisier, than an idle machine would, and the load"
  echo "changed between phases, so even the ratios carry that noise."
  echo
  echo '```'
  echo "start:               $(cat "$results/raw/uptime-start.txt")"
  echo "after load phases:   $(cat "$results/raw/uptime-after-load.txt")"
  echo "before micro:        $(cat "$results/raw/uptime-before-micro.txt")"
  echo "after micro:         $(cat "$results/raw/uptime-after-micro.txt")"
  echo '```'
  echo
  echo "## Commands"
  echo
  echo '```sh'
  echo "bench/run.sh --duration $duration"
  echo "# which runs:"
  echo "$load_cmd"
  echo "$micro_cmd"
  echo '```'
  echo
  echo "Each wrk phase: \`wrk -t2 -c16 -d${duration}s --timeout 30s --latency -s bench/load/paid.lua URL\` (one connection for (e1)),"
  echo "each request carrying its own pre-made payment header from a file (\`WRK_HEADERS_FILE\`), none sent twice."
  echo "Every phase starts its own stack: a fresh Anvil (chain id 84532, the test token at Base Sepolia's USDC"
  echo "address), a fresh facilitator and a fresh server ledger. The DualRail server, our facilitator and the LND"
  echo "simulator run inside the orchestrator process (Kestrel on 127.0.0.1, logging off); the reference server"
  echo "and facilitator are the Node scripts of tests/interop. Price: \$0.01 (10000 atomic USDC) on EVM, 10 sat on Lightning."
  echo
  echo "## Load, 402 challenge and settlement"
  echo
  echo "![throughput](results/throughput.png)"
  echo
  cat "$results/load.md"
  echo
  echo "## Microbenchmarks (BenchmarkDotNet, ShortRun)"
  echo
  found=
  for f in "$results"/micro/results/*-report-github.md; do
    [ -e "$f" ] || continue
    found=yes
    echo "### $(basename "$f" -report-github.md | sed 's/^DualRail\.Benchmarks\.//')"
    echo
    sed -n '/^|/,$p' "$f"
    echo
  done
  [ -n "$found" ] || echo "(BenchmarkDotNet produced no report: see results/raw/micro.log)"
  echo
  if [ -f bench/ANALYSIS.md ]; then cat bench/ANALYSIS.md; fi
} > bench/RESULTS.md
rm -rf "$results"/micro/bin "$results"/micro/obj 2>/dev/null || true
echo "bench/RESULTS.md written (load orchestrator exit $load_status)"
exit "$load_status"
