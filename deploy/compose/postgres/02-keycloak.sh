#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (production compose only):
# Keycloak's own database and role, apart from Deelpoort's (01-roles.sh). The password comes from
# KEYCLOAK_DB_PASSWORD; changing it later does not change an initialised volume: use ALTER ROLE.
set -eo pipefail

: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
    -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
