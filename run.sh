#!/usr/bin/env bash
# Runs the MLOps.Functions lifecycle demo on the embedded default: installs Azurite from npm if needed, builds,
# starts Azurite and the local host on 127.0.0.1, and drives the pipelines over HTTP with visible progress.
# Pass 'serve' to keep the host running instead: ./run.sh serve
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund
dotnet build functions/MLOps.LocalHost -c Release --nologo -v quiet
mode=demo
[ "${1:-}" = "serve" ] && mode=""
exec dotnet functions/MLOps.LocalHost/bin/Release/net10.0/MLOps.LocalHost.dll $mode
