# Sourced by .ci/run: the services the inventory suite needs, a real PostgreSQL on loopback and Debian's
# Chromium for the HTML report. Where either cannot be had, the suites that need it skip with a loud message.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/lockwarden-apt.log 2>&1 \
      || { echo "*** apt-get install ${missing[*]} failed (see below) ***"; tail -20 /tmp/lockwarden-apt.log; }
  else
    echo "*** ${missing[*]} not installed and apt-get is not available as root ***"
  fi
fi

PGBIN="$(pg_bin)"
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ]; then
  LOCKWARDEN_PG_DIR="$(mktemp -d /tmp/lockwarden-pg.XXXXXX)"
  pg_port="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$LOCKWARDEN_PG_DIR"
  if as_pg "$PGBIN/initdb" -D "$LOCKWARDEN_PG_DIR/data" -A trust -U postgres >"$LOCKWARDEN_PG_DIR/initdb.log" 2>&1 \
    && as_pg "$PGBIN/pg_ctl" -D "$LOCKWARDEN_PG_DIR/data" -o "-k $LOCKWARDEN_PG_DIR -h 127.0.0.1 -p $pg_port" -l "$LOCKWARDEN_PG_DIR/server.log" -w start >/dev/null; then
    export LOCKWARDEN_TEST_PG_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
    echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the inventory suite"
    stop_postgres() { as_pg "$PGBIN/pg_ctl" -D "$LOCKWARDEN_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$LOCKWARDEN_PG_DIR"; }
    trap stop_postgres EXIT
  else
    echo "*** PostgreSQL could not start: the PostgreSQL inventory suite will be SKIPPED ***"
    tail -20 "$LOCKWARDEN_PG_DIR"/*.log 2>/dev/null || true
  fi
else
  echo "*** PostgreSQL is not installed: the PostgreSQL inventory suite will be SKIPPED ***"
fi
command -v chromium >/dev/null 2>&1 || echo "*** chromium is not installed: the HTML report will not be rendered ***"
