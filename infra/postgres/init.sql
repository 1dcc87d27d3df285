-- Databases, role and extensions of the Child Alert platform.
--
-- Idempotent: bin/stack runs it on every `bin/stack infra` (psql as superuser postgres), and the
-- postgres image runs it once from /docker-entrypoint-initdb.d on an empty data directory.
-- One database per service (the gateway's holds the console sessions); the *_test databases belong to the services' integration tests.
-- The password is a development value; a real deployment takes its credentials from its secret store.

\set ON_ERROR_STOP on

SELECT 'CREATE ROLE childalert LOGIN PASSWORD ''childalert'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'childalert')
\gexec

SELECT format('CREATE DATABASE %I OWNER childalert', name)
FROM unnest(ARRAY['cases', 'alerts', 'notifications', 'gateway',
                  'cases_test', 'alerts_test', 'notifications_test', 'gateway_test']) AS name
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name)
\gexec

-- earthdistance (distance between two points on the Earth) needs cube; both are untrusted
-- contrib extensions, so the superuser creates them in each database.
\connect cases
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
\connect alerts
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
\connect notifications
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
\connect cases_test
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
\connect alerts_test
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
\connect notifications_test
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
