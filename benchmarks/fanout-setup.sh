# shellcheck shell=bash
#
# benchmarks/fanout-setup.sh: what bin/bench-fanout and bin/crash-test share (sourced, not run): the fakes' jars,
# the builds, a fresh database and vhost of the run's own, and the JVM that drives the run. Both scripts set
# PREFIX, DB, VHOST and the ports before calling these functions.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOWNLOADS="$ROOT/.stack/downloads"
MAVEN_REPO="${MAVEN_REPO:-https://repo.maven.apache.org/maven2}"
# MAVEN_LOCAL_REPO, when set, is Maven's local repository too (e.g. /tmp/fresh-m2 to prove a fresh machine).
MVN_ARGS=(-B -q ${MAVEN_LOCAL_REPO:+"-Dmaven.repo.local=$MAVEN_LOCAL_REPO"})
MAVEN_LOCAL_REPO="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}"
# The fakes' versions are bin/stack's: the run measures the fakes the stack runs.
WIREMOCK_VERSION="$(sed -n 's/^WIREMOCK_VERSION=//p' "$ROOT/bin/stack")"
GREENMAIL_VERSION="$(sed -n 's/^GREENMAIL_VERSION=//p' "$ROOT/bin/stack")"
WIREMOCK_JAR="$DOWNLOADS/wiremock-standalone-$WIREMOCK_VERSION.jar"
GREENMAIL_JAR="$DOWNLOADS/greenmail-standalone-$GREENMAIL_VERSION.jar"
TARGET="$ROOT/benchmarks/target"
SERVICE_JAR="$ROOT/notification-service/target/notification-service.jar"

say() { printf '[%s] %s\n' "$PREFIX" "$*"; }
die() { printf '[%s] error: %s\n' "$PREFIX" "$*" >&2; exit 1; }

# fetch GROUP_PATH ARTIFACT VERSION: a jar from Maven Central into .stack/downloads, as bin/stack fetches it
# (the local Maven repository first).
fetch() {
  local file="$2-$3.jar"
  local target="$DOWNLOADS/$file" cached="$MAVEN_LOCAL_REPO/$1/$2/$3/$file"
  [[ -s "$target" ]] && return 0
  mkdir -p "$DOWNLOADS"
  if [[ -s "$cached" ]]; then
    cp "$cached" "$target"
    return 0
  fi
  say "downloading $MAVEN_REPO/$1/$2/$3/$file"
  curl -fSL --retry 3 "$([[ -t 2 ]] && echo --progress-bar || echo --silent)" -o "$target.part" "$MAVEN_REPO/$1/$2/$3/$file"
  mv "$target.part" "$target"
}

# build: notification-service's jar as this checkout has it, and benchmarks/ with its classpaths. FANOUT_SKIP_BUILD=1
# reuses what an earlier run built.
build() {
  fetch org/wiremock wiremock-standalone "$WIREMOCK_VERSION"
  fetch com/icegreen greenmail-standalone "$GREENMAIL_VERSION"
  mkdir -p "$TARGET"
  if [[ "${FANOUT_SKIP_BUILD:-0}" == 1 && -s "$SERVICE_JAR" && -s "$TARGET/classpath" ]]; then
    say "FANOUT_SKIP_BUILD=1: using the jar and classes built before"
    return 0
  fi
  say "building notification-service and benchmarks/ (output in $TARGET/${PREFIX// /-}-build.log)"
  # shellcheck disable=SC2086 # MAVEN_FLAGS is a list of options
  {
    ./mvnw "${MVN_ARGS[@]}" ${MAVEN_FLAGS:-} -pl notification-service -am package -DskipTests
    ./mvnw "${MVN_ARGS[@]}" ${MAVEN_FLAGS:-} -f benchmarks/pom.xml package -DskipTests \
      dependency:build-classpath -Dmdep.outputFile="$TARGET/classpath"
    ./mvnw "${MVN_ARGS[@]}" ${MAVEN_FLAGS:-} -f benchmarks/perf-test/pom.xml \
      dependency:build-classpath -Dmdep.outputFile="$TARGET/perf-test.classpath"
  } >"$TARGET/${PREFIX// /-}-build.log" 2>&1 || { tail -n 40 "$TARGET/${PREFIX// /-}-build.log" >&2; die "the build failed"; }
}

# fresh_database_and_vhost: the run's own database (with the extensions bin/stack gives the service's) and vhost,
# emptied first so that every run starts alike. The stack's databases and vhosts are never touched.
fresh_database_and_vhost() {
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1)
  PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\" OWNER childalert" >/dev/null \
    || die "could not create the database $DB (PostgreSQL on 127.0.0.1:5432: bin/stack infra)"
  "${psql[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS cube; CREATE EXTENSION IF NOT EXISTS earthdistance" \
    >/dev/null || die "could not add cube and earthdistance to $DB"
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null || die "could not create the vhost $VHOST (RabbitMQ: bin/stack infra)"
  rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
}

# run_driver MAIN_CLASS JAVA_OPTION...: the JVM that starts the fakes and the service, seeds, publishes, measures.
# It runs in the background so that the trap can stop it (and it, its children) when this script is interrupted.
DRIVER_PID=
run_driver() {
  local main="$1"
  shift
  mkdir -p "$WORK"
  # The service runs from a copy of its jar, so that a build during the run cannot pull it from under the JVM.
  cp "$SERVICE_JAR" "$WORK/notification-service.jar"
  java -Xmx1g \
    -Dfanout.jdbc-url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    -Dfanout.vhost="$VHOST" \
    -Dfanout.service-jar="$WORK/notification-service.jar" \
    -Dfanout.service-java-options="${FANOUT_SERVICE_JAVA_OPTS:--Xmx384m}" \
    -Dfanout.wiremock-jar="$WIREMOCK_JAR" \
    -Dfanout.twilio-stubs="$ROOT/infra/twilio-fake" \
    -Dfanout.greenmail-jar="$GREENMAIL_JAR" \
    -Dfanout.classes="$TARGET/classes" \
    -Dfanout.golden-alert-issued="$ROOT/events/src/test/resources/events/alerts.AlertIssued.v1.json" \
    -Dfanout.work="$WORK" \
    -Dfanout.clock-ticks="$(getconf CLK_TCK)" \
    "$@" \
    -cp "$TARGET/classes:$(cat "$TARGET/classpath")" \
    "$main" &
  DRIVER_PID=$!
  local status=0
  wait "$DRIVER_PID" || status=$?
  DRIVER_PID=
  return "$status"
}

# cleanup: on any exit, stop the driver if it still runs (its shutdown hook stops the fakes and the service it
# started), then drop the vhost. The database stays, for a look at the deliveries; the next run recreates it.
cleanup() {
  if [[ -n "$DRIVER_PID" ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM "$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
}
