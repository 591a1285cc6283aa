#!/usr/bin/env bash
# The benchmark harness in one command: build the jar, start Appeal Desk on a fresh database, drive it from the load
# client (bench/LoadClient.java, a separate JVM), print the table and write bench/RESULTS.md. See bench/README.md.
#   bench/run.sh                      the real run (≤ 20 min on 2 cores)
#   BENCH_MODE=smoke bench/run.sh     the same harness in seconds
#   bench/run.sh storm=2000 ...       any key=value is passed to the load client
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${BENCH_MODE:-full}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-appealdesk_bench}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
APP_HEAP=${BENCH_APP_HEAP:-1g}
OUT=${BENCH_OUT:-bench/RESULTS.md}
WORK=bench/target
mkdir -p "$WORK/lib"

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "[run.sh] building the application jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/appeal-desk-*.jar | grep -v -- '-plain' | head -n 1)
# The client's only dependency (for pg_stat_database): the PostgreSQL driver the application ships with.
rm -f "$WORK"/lib/postgresql-*.jar
unzip -o -q -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"

APP_ENV=()
EMBEDDED=
if pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null && psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "[run.sh] PostgreSQL at $PGHOST:$PGPORT: fresh database $DB"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" -c "create database $DB"
  JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
  APP_ENV=(SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${BENCH_PGPASSWORD:-}")
else
  EMBEDDED=1
  EPORT=${BENCH_EMBEDDED_PORT:-15439}
  echo "[run.sh] no PostgreSQL at $PGHOST:$PGPORT: the application's embedded one on port $EPORT"
  rm -rf "$WORK/pgdata"
  JDBC="jdbc:postgresql://127.0.0.1:$EPORT/postgres"
  APP_ENV=(APPEALDESK_EMBEDDEDPOSTGRES_DATADIR="$WORK/pgdata" APPEALDESK_EMBEDDEDPOSTGRES_PORT="$EPORT")
fi

echo "[run.sh] starting the application (heap $APP_HEAP, port $PORT), log in $WORK/app.log"
SMTP_PORT=${BENCH_SMTP_PORT:-12525}
env "${APP_ENV[@]}" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" APPEALDESK_NODE_NAME=node1 java -Xmx"$APP_HEAP" -jar "$JAR" \
  --spring.profiles.active=demo --server.port="$PORT" --server.address=127.0.0.1 \
  --logging.structured.format.console= --logging.level.root=warn ${BENCH_APP_ARGS:-} > "$WORK/app.log" 2>&1 &
APP_PID=$!

# Scenario 6 (two nodes): the load client starts a second node of the same jar on the same database with this script
# when it gets there, and stops it afterwards. Embedded mode: the second node uses the first node's PostgreSQL.
PORT2=$((PORT + 1))
NODE2_ENV=("${APP_ENV[@]}")
if [[ -n "$EMBEDDED" ]]; then
  NODE2_ENV=(SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
fi
{
  echo '# written by bench/run.sh: the second node of scenario 6'
  echo "echo \$\$ > '$WORK/node2.pid'"
  printf 'exec env'; printf ' %q' "${NODE2_ENV[@]}" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" APPEALDESK_NODE_NAME=node2
  printf ' java -Xmx%q -jar %q --spring.profiles.active=demo --server.port=%q --server.address=127.0.0.1' "$APP_HEAP" "$JAR" "$PORT2"
  printf ' --logging.structured.format.console= --logging.level.root=warn %s\n' "${BENCH_APP_ARGS:-}"
} > "$WORK/node2.sh"
rm -f "$WORK/node2.pid" "$WORK/app2.log"

cleanup() {
  if [[ -f "$WORK/node2.pid" ]]; then kill "$(cat "$WORK/node2.pid")" 2>/dev/null || true; fi
  kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [[ -z "$EMBEDDED" && -z "${BENCH_KEEP_DB:-}" ]]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" || true
  fi
}
trap cleanup EXIT

up() { # 200 or 503 (the mail check is DOWN until the client's SMTP sink listens): the application answers
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null)" =~ ^(200|503)$ ]]
}
for _ in $(seq 1 180); do
  if up; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "[run.sh] the application died:"; tail -n 50 "$WORK/app.log"; exit 1; fi
  sleep 1
done
up || { echo "[run.sh] the application did not start"; exit 1; }

java -Xmx512m -cp "$WORK/lib/*" bench/LoadClient.java mode="$MODE" baseUrl="http://127.0.0.1:$PORT" \
  jdbcUrl="$JDBC" jdbcUser="$PGUSER" appPid="$APP_PID" smtpPort="$SMTP_PORT" out="$OUT" \
  secondUrl="http://127.0.0.1:$PORT2" secondNodeStart="$WORK/node2.sh" secondNodeLog="$WORK/app2.log" "$@"
