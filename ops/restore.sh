#!/usr/bin/env bash
# Liandong: restore a base backup into a new PostgreSQL data directory and replay the WAL archive
# up to a chosen moment (issue 24, docs/OPERATIONS.md).
#
#   ops/restore.sh BASE_BACKUP WAL_ARCHIVE NEW_DATA_DIR [--time 'YYYY-MM-DD HH:MM:SS.ffffff+00' | --name RESTORE_POINT]
#
# Run as the operating-system user of PostgreSQL. NEW_DATA_DIR must not exist (nothing is ever
# restored over a cluster). Without a target the whole archive is replayed. With --time, recovery
# stops before the first transaction committed after that moment; with --name, at a restore point
# made by select pg_create_restore_point('name'). The cluster is then promoted and takes writes.
# Start it as usual (pg_ctl -D NEW_DATA_DIR start, or the service) with the port and settings it
# should have; then start the platform on it with the same LIANDONG_MASTER_KEY and
# LIANDONG_AUDIT_SIGNING_KEY, and have the audit administrator verify the chain
# (POST /api/v1/audit/verifications?full=true).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 BASE_BACKUP WAL_ARCHIVE NEW_DATA_DIR [--time TIME | --name NAME]" >&2
  exit 2
fi
base=$1
archive=$2
data=$3
shift 3
target=""
case "${1:-}" in
  --time) target="recovery_target_time = '$2'" ;;
  --name) target="recovery_target_name = '$2'" ;;
  "") ;;
  *) echo "restore: unknown option $1" >&2; exit 2 ;;
esac
if [ -e "$data" ]; then
  echo "restore: $data exists; restore into a new directory" >&2
  exit 1
fi
if [ ! -f "$base/backup_label" ]; then
  echo "restore: $base is not a base backup (no backup_label)" >&2
  exit 1
fi
archive=$(cd "$archive" && pwd)
mkdir -p "$data"
chmod 700 "$data"
cp -a "$base/." "$data/"
# WAL in the backup's pg_wal came with it; the archive has the rest
rm -f "$data/backup_manifest" "$data/postmaster.pid" "$data/postmaster.opts"
{
  echo ""
  echo "# restore.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  # a restored cluster must not write into the archive of the one it was restored from
  echo "archive_mode = off"
  if [ -n "$target" ]; then
    echo "$target"
    echo "recovery_target_inclusive = true"
  fi
  echo "recovery_target_action = 'promote'"
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "restored into $data; start it, it replays the archive${target:+ to $target} and is promoted"
