#!/usr/bin/env bash
# The load benchmark: builds SafeChat, starts the test PostgreSQL, runs tests/SafeChat.Load and prints the table.
# Arguments pass through, e.g.: bash tests/load.sh --conversations 50,200,1000 --setups sqlite,pg1,pg3
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SafeChat.Load -c Release --nologo -v quiet
SAFECHAT_LOAD_POSTGRES="$(bash tests/postgres.sh start | tail -n 1)"
export SAFECHAT_LOAD_POSTGRES
trap 'bash tests/postgres.sh stop' EXIT
dotnet tests/SafeChat.Load/bin/Release/net10.0/SafeChat.Load.dll "$@"
