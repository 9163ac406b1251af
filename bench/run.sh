#!/usr/bin/env bash
# National scale budgets (#12) in one command: sets up hey and PostgreSQL, builds the harness in Release and runs it.
#   bench/run.sh [--quick] [--providers postgres,sqlite] [--demo-data] [category dashboard national import reminders pages demo | api]
# Writes bench/results/nation-YYYYMMDD-HHMM.md; exit 0 all budgets met, 1 a budget missed, 2 something not measured.
# The generated nation is kept in bench/.work/ (gitignored) and reused; delete that folder to seed again.
# Before the seed tool is merged: DXCOLLAB_SEED_PROJECT=/path/to/tools/DxCollab.Seed bench/run.sh …
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hey >/dev/null; then
  echo "Installing hey (load generator)…"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  # A new machine's package lists may be empty: refresh them once if the first try finds no package.
  $sudo apt-get install -y hey || { $sudo apt-get update -q && $sudo apt-get install -y hey; }
fi

# PostgreSQL as the integration tests use it (owner and app roles, row-level security).
if [[ " $* " != *" --providers sqlite "* ]]; then
  if ! pg_isready -q -h "${DXCOLLAB_TEST_PG_HOST:-127.0.0.1}" -p "${DXCOLLAB_TEST_PG_PORT:-5432}" 2>/dev/null; then
    infra/test.sh --setup-only
  fi
  # shellcheck source=../infra/test-env.sh
  source infra/test-env.sh
fi

dotnet build -c Release bench/DxCollab.Bench.Nation -v quiet -nologo
set +e
dotnet run -c Release --no-build --project bench/DxCollab.Bench.Nation -- "$@"
exit $?
