#!/usr/bin/env bash
# Adds a migration with the same name to all three providers, each ending with ApplyTenantSecurity()
# where the provider has row-level security (PostgreSQL, SQL Server).
# Usage: infra/add-migration.sh NameOfMigration
set -euo pipefail
name=${1:?usage: infra/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  project=src/DxCollab.Data.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" -o Migrations
  if [ "$provider" != Sqlite ]; then
    file=$(ls "$project"/Migrations/*_"$name".cs | grep -v Designer)
    # Insert the call as the last statement of Up(...).
    python3 - "$file" <<'PY'
import re, sys
path = sys.argv[1]
src = open(path, encoding="utf-8").read()
start = src.index("protected override void Up(")
body_open = src.index("{", start)
depth, i = 0, body_open
while True:
    if src[i] == "{": depth += 1
    elif src[i] == "}":
        depth -= 1
        if depth == 0: break
    i += 1
src = src[:i] + "    migrationBuilder.ApplyTenantSecurity();\n        " + src[i:]
open(path, "w", encoding="utf-8").write(src)
PY
  fi
done
