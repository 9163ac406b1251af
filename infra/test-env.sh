# Connection details of the local PostgreSQL that infra/test.sh sets up, for the integration tests.
# Source it (`source infra/test-env.sh`) to run `dotnet test tests/DxCollab.IntegrationTests` by hand
# after `infra/test.sh --setup-only`. Test-only passwords for a loopback-only server; never use them elsewhere.
: "${DXCOLLAB_TEST_PG_HOST:=127.0.0.1}"
: "${DXCOLLAB_TEST_PG_PORT:=5432}"
: "${DXCOLLAB_TEST_PG_ADMIN_PASSWORD:=dxcollab-admin-test}"
: "${DXCOLLAB_TEST_PG_OWNER_PASSWORD:=dxcollab-owner-test}"
: "${DXCOLLAB_TEST_PG_APP_PASSWORD:=dxcollab-app-test}"
: "${DXCOLLAB_TEST_PG_BACKUP_PASSWORD:=dxcollab-backup-test}"
_dxc_pg="Host=${DXCOLLAB_TEST_PG_HOST};Port=${DXCOLLAB_TEST_PG_PORT}"
# Database=postgres: the tests create (and drop) a fresh database per run and swap the database name in.
export DXCOLLAB_TEST_PG_ADMIN="${_dxc_pg};Username=postgres;Password=${DXCOLLAB_TEST_PG_ADMIN_PASSWORD};Database=postgres"
export DXCOLLAB_TEST_PG_OWNER="${_dxc_pg};Username=dxcollab_owner;Password=${DXCOLLAB_TEST_PG_OWNER_PASSWORD};Database=postgres"
export DXCOLLAB_TEST_PG_APP="${_dxc_pg};Username=dxcollab_app;Password=${DXCOLLAB_TEST_PG_APP_PASSWORD};Database=postgres"
export DXCOLLAB_TEST_PG_BACKUP="${_dxc_pg};Username=dxcollab_backup;Password=${DXCOLLAB_TEST_PG_BACKUP_PASSWORD};Database=postgres"
unset _dxc_pg
# Builds made for the tests run the analyzers, as CI does (Directory.Build.props).
export DXCOLLAB_ANALYZERS=true
