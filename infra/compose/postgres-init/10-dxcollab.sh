#!/usr/bin/env bash
# Runs once, when the postgres container starts on an empty data volume (docker-entrypoint-initdb.d).
# Creates the roles DxCollab needs and the database owned by the schema owner:
#   dxcollab_owner  LOGIN CREATEROLE: owns the database, the schema objects (migrations) and the hangfire schema
#   dxcollab_app    LOGIN, owns nothing, NOBYPASSRLS: the application's connection, subject to row-level security
#   dxcollab_backup LOGIN BYPASSRLS, member of pg_read_all_data, owns nothing: pg_dump only (docs/operations.md
#                   "Backups and restore"); created when DXCOLLAB_BACKUP_DB_PASSWORD is set
# Passwords come from the container environment (infra/compose/.env), never from this file.
set -e
: "${DXCOLLAB_OWNER_DB_PASSWORD:?DXCOLLAB_OWNER_DB_PASSWORD is not set}"
: "${DXCOLLAB_APP_DB_PASSWORD:?DXCOLLAB_APP_DB_PASSWORD is not set}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v owner_pw="$DXCOLLAB_OWNER_DB_PASSWORD" -v app_pw="$DXCOLLAB_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE dxcollab_owner LOGIN CREATEROLE NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
CREATE ROLE dxcollab_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
CREATE DATABASE dxcollab OWNER dxcollab_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE dxcollab FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE dxcollab TO dxcollab_app;
\connect dxcollab
-- PostgreSQL 15: the public schema belongs to the database owner (dxcollab_owner) and PUBLIC may not create in
-- it. Said again so that an older template cannot give dxcollab_app a way to own objects.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Table and sequence grants for dxcollab_app are made by the migrations (ApplyTenantSecurity), not here.
SQL

if [ -n "${DXCOLLAB_BACKUP_DB_PASSWORD:-}" ]; then
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v backup_pw="$DXCOLLAB_BACKUP_DB_PASSWORD" <<'SQL'
-- Row-level security is FORCEd, so a dump as the owner would stop at the first tenant table: dumps run as this
-- read-only role, which bypasses it and can change nothing.
CREATE ROLE dxcollab_backup LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'backup_pw';
GRANT pg_read_all_data TO dxcollab_backup;
SQL
else
  echo "DXCOLLAB_BACKUP_DB_PASSWORD is not set: no dxcollab_backup role (create it as docs/operations.md shows before the first backup)."
fi
