#!/usr/bin/env bash
# The load benchmark: builds SafeChat, starts the test PostgreSQL, runs tests/SafeChat.Load and prints the table.
# Arguments pass through, e.g.: bash tests/load.sh --conversations 50,200,1000 --setups sqlite,pg1,pg3
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SafeChat.Load -c Release --nologo -v quiet
# SafeChat itself as deployment/ publishes it: compiled ahead of time (ReadyToRun), so a process starts warmer.
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
published="$PWD/tests/SafeChat.Load/bin/published"
dotnet publish bot/SafeChat.Bot -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$published" --nologo -v quiet
export SAFECHAT_BOT_DLL="$published/SafeChat.Bot.dll"
SAFECHAT_LOAD_POSTGRES="$(bash tests/postgres.sh start | tail -n 1)"
export SAFECHAT_LOAD_POSTGRES
trap 'bash tests/postgres.sh stop' EXIT
dotnet tests/SafeChat.Load/bin/Release/net10.0/SafeChat.Load.dll "$@"
