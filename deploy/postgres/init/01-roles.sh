#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume
# (/docker-entrypoint-initdb.d). Sets the database up as the gateway expects it:
#   deelpoort_owner  owns the database; the gateway runs its Flyway migrations as this role
#                    (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD).
#   deelpoort_app    the gateway's datasource user (SPRING_DATASOURCE_USERNAME / _PASSWORD); it owns
#                    nothing and gets only the rights the migrations grant it.
# The passwords come from DEELPOORT_OWNER_PASSWORD and DEELPOORT_APP_PASSWORD (see
# docker-compose.yml). Changing them later does not change an initialised volume: use ALTER ROLE.
set -eo pipefail

: "${DEELPOORT_OWNER_PASSWORD:?DEELPOORT_OWNER_PASSWORD must be set}"
: "${DEELPOORT_APP_PASSWORD:?DEELPOORT_APP_PASSWORD must be set}"

# psql interpolates :'name' as a quoted literal, so a password cannot break out of the statement.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
    -v owner_password="$DEELPOORT_OWNER_PASSWORD" \
    -v app_password="$DEELPOORT_APP_PASSWORD" <<'SQL'
CREATE ROLE deelpoort_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE deelpoort_app LOGIN PASSWORD :'app_password';
CREATE DATABASE deelpoort OWNER deelpoort_owner;
REVOKE ALL ON DATABASE deelpoort FROM PUBLIC;
GRANT CONNECT ON DATABASE deelpoort TO deelpoort_app;
SQL
