#!/usr/bin/env bash
# Healthcheck without curl (the aspnet image has none): exits 0 when GET <url> answers 2xx.
# Usage: http-ok.sh http://127.0.0.1:8080/path
set -euo pipefail
url=${1#http://}; hostport=${url%%/*}; path=/${url#*/}
host=${hostport%:*}; port=${hostport##*:}
exec 3<>"/dev/tcp/$host/$port"
printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
read -r _ status _ <&3
[[ $status == 2* ]]
