#!/usr/bin/env bash
# Liandong: PostgreSQL's archive_command for point-in-time recovery (issue 24, docs/OPERATIONS.md).
#   archive_mode = on
#   archive_command = '/opt/liandong/ops/archive-wal.sh %p %f /backup/liandong/wal'
# Copies one finished WAL segment into the archive directory, never over an existing one, and only
# reports success once the copy is on disk (PostgreSQL then recycles the segment).
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 %p %f ARCHIVE_DIR" >&2
  exit 2
fi
source_path=$1
name=$2
archive=$3
if [ -f "$archive/$name" ]; then
  # archived already (a retry after a crash between the copy and PostgreSQL noting it): same bytes is success
  cmp -s "$source_path" "$archive/$name" && exit 0
  echo "archive-wal: $archive/$name exists with other contents" >&2
  exit 1
fi
cp "$source_path" "$archive/$name.part"
sync "$archive/$name.part"
mv "$archive/$name.part" "$archive/$name"
sync "$archive"
