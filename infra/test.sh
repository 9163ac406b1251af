#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine (as root, with the .NET SDK):
# installs and starts PostgreSQL 15 (a real local service, for the integration tests), creates the
# dxcollab_owner / dxcollab_app / dxcollab_backup roles, installs Chromium and Japanese fonts (browser tests), then
# `dotnet test DxCollab.sln "$@"`.
#   infra/test.sh                      everything
#   infra/test.sh --setup-only         only the machine set-up; then: source infra/test-env.sh
#   infra/test.sh --filter Category=X  extra arguments go to dotnet test
set -euo pipefail
cd "$(dirname "$0")/.."

setup_only=false
if [ "${1:-}" = "--setup-only" ]; then setup_only=true; shift; fi

step() { printf '\n==> %s\n' "$*"; }
as_postgres() { runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

# shellcheck source=infra/test-env.sh
source infra/test-env.sh

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    step "apt-get update"
    apt-get update -qq
    apt_updated=true
  fi
  step "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ "$(id -u)" -ne 0 ]; then
  echo "infra/test.sh must run as root (it installs packages and starts PostgreSQL)." >&2
  exit 1
fi

step "PostgreSQL"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt_install postgresql
fi
pg_version=$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" { print $1; exit }')
if [ -z "$pg_version" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  echo "creating cluster $pg_version/main"
  pg_createcluster "$pg_version" main >/dev/null
fi
if pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
  echo "cluster $pg_version/main already running"
else
  echo "starting cluster $pg_version/main"
  pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -h "$DXCOLLAB_TEST_PG_HOST" -p "$DXCOLLAB_TEST_PG_PORT" && break
  sleep 1
done
as_postgres pg_isready -h "$DXCOLLAB_TEST_PG_HOST" -p "$DXCOLLAB_TEST_PG_PORT"

step "PostgreSQL roles (postgres, dxcollab_owner, dxcollab_app, dxcollab_backup)"
psql_admin \
  -v admin_pw="$DXCOLLAB_TEST_PG_ADMIN_PASSWORD" \
  -v owner_pw="$DXCOLLAB_TEST_PG_OWNER_PASSWORD" \
  -v app_pw="$DXCOLLAB_TEST_PG_APP_PASSWORD" \
  -v backup_pw="$DXCOLLAB_TEST_PG_BACKUP_PASSWORD" <<'SQL'
SELECT set_config('dxc.admin_pw', :'admin_pw', false), set_config('dxc.owner_pw', :'owner_pw', false),
       set_config('dxc.app_pw', :'app_pw', false), set_config('dxc.backup_pw', :'backup_pw', false) \gset
DO $$
BEGIN
  EXECUTE format('ALTER ROLE postgres PASSWORD %L', current_setting('dxc.admin_pw'));
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dxcollab_owner') THEN
    CREATE ROLE dxcollab_owner;
  END IF;
  EXECUTE format('ALTER ROLE dxcollab_owner LOGIN CREATEROLE NOSUPERUSER PASSWORD %L', current_setting('dxc.owner_pw'));
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dxcollab_app') THEN
    CREATE ROLE dxcollab_app;
  END IF;
  -- The application role owns nothing and never bypasses row-level security.
  EXECUTE format('ALTER ROLE dxcollab_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L', current_setting('dxc.app_pw'));
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dxcollab_backup') THEN
    CREATE ROLE dxcollab_backup;
  END IF;
  -- The backup role (docs/operations.md "Backups and restore"): reads everything past row-level security, changes nothing.
  EXECUTE format('ALTER ROLE dxcollab_backup LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', current_setting('dxc.backup_pw'));
END $$;
GRANT pg_read_all_data TO dxcollab_backup;
SQL
echo "roles ready; connection strings in DXCOLLAB_TEST_PG_ADMIN / _OWNER / _APP / _BACKUP (infra/test-env.sh)"

step "RabbitMQ (loopback only)"
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  apt_install rabbitmq-server
fi
# Bind the broker, epmd and Erlang distribution to loopback before it starts.
mkdir -p /etc/rabbitmq
cat > /etc/rabbitmq/rabbitmq-env.conf <<'CONF'
# Written by DxCollab infra/test.sh: loopback only.
NODE_IP_ADDRESS=127.0.0.1
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
if timeout 20 rabbitmqctl -q status >/dev/null 2>&1; then
  echo "rabbitmq already running"
else
  echo "starting rabbitmq-server"
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached
fi
for _ in $(seq 1 60); do
  timeout 20 rabbitmqctl -q await_startup >/dev/null 2>&1 && break
  sleep 2
done
timeout 30 rabbitmqctl -q await_startup
echo "rabbitmq ready on 127.0.0.1:5672"

step "Browser and fonts (for browser tests)"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else echo "chromium and fonts-noto-cjk already installed"; fi

step "nginx (the compose proxy, for its bad-request test)"
if [ -x /usr/sbin/nginx ]; then echo "nginx already installed"; else apt_install nginx-light; fi
# The package starts a server on port 80: the test runs its own on a free port.
(service nginx stop >/dev/null 2>&1 || true)

if [ "$setup_only" = true ]; then
  step "Set-up done. To run the integration tests by hand:"
  echo "  source infra/test-env.sh && dotnet test tests/DxCollab.IntegrationTests"
  exit 0
fi

step "dotnet test DxCollab.sln $*"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Analyzers hold here as in CI, also outside CI (a plain Debug build skips them: Directory.Build.props).
export DXCOLLAB_ANALYZERS=true
log=$(mktemp)
set +e
# A test that stops making progress for 10 minutes ends its test host with the stuck tests named (the run fails
# in minutes instead of hanging until CI's time limit).
dotnet test DxCollab.sln --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test projects (dotnet test prints one summary per project).
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
if [ "$status" -ne 0 ]; then step "Tests failed (dotnet test exit code $status)."; fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "No test ran: treat as a failure." >&2; status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
