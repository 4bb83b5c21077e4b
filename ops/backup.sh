#!/usr/bin/env bash
# Liandong: a base backup of the platform's PostgreSQL cluster (issue 24, docs/OPERATIONS.md).
#
#   ops/backup.sh BACKUP_DIR
#
# Connects with libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD), as a role with the
# REPLICATION attribute. Writes BACKUP_DIR/base-<UTC time>/ : a plain copy of the cluster with the
# WAL needed to make it consistent (pg_basebackup -X stream), checked with pg_verifybackup; and,
# when LIANDONG_AUDIT_CHECKPOINT_FILE names it, a copy of the audit checkpoint file.
# Together with the WAL archive that archive-wal.sh fills, restore.sh brings the database back to
# any moment after the end of this backup.
#
# Everything the platform keeps is in the database: cases, letters, uploaded files (bytea columns,
# with their SM3 digests), the agencies' SM2 signing keys (sealed under the master key) and the
# audit chain. Not in it, and to be kept by the operator apart from these backups: the master key
# (LIANDONG_MASTER_KEY, with any previous-master-keys), the audit signing key
# (LIANDONG_AUDIT_SIGNING_KEY) and the auditor's checkpoint file.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 BACKUP_DIR" >&2
  exit 2
fi
bin=${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
backup_dir=$1
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$backup_dir/base-$stamp"
mkdir -p "$backup_dir"
"$bin/pg_basebackup" -D "$target" -F plain -X stream --checkpoint=fast --label "liandong $stamp" \
  --no-password --progress --verbose
"$bin/pg_verifybackup" "$target"
if [ -n "${LIANDONG_AUDIT_CHECKPOINT_FILE:-}" ] && [ -f "$LIANDONG_AUDIT_CHECKPOINT_FILE" ]; then
  cp "$LIANDONG_AUDIT_CHECKPOINT_FILE" "$backup_dir/audit-checkpoints-$stamp.jsonl"
fi
echo "$target"
