-- Migrations run as the owner role; the gateway connects as ${appRole}, which owns nothing and
-- gets exactly the rights each table grants it (see later migrations).
REVOKE ALL ON SCHEMA deelpoort FROM PUBLIC;
GRANT USAGE ON SCHEMA deelpoort TO ${appRole};
