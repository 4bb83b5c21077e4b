#!/usr/bin/env bash
# Liandong: the built application, started quickly (issue 18, P5; README "快速启动").
#
#   ops/quick-start.sh [--prepare-only] [application arguments, e.g. --server.port=8081]
#
# Starts target/liandong-*.jar (built by ./mvnw package or ./mvnw verify) in the current folder,
# with the demo profile unless the arguments or SPRING_PROFILES_ACTIVE say otherwise, as java -jar
# would, but:
# - from the jar's extracted layout (java -Djarmode=tools ... extract) with a class data sharing
#   archive of the classes a start loads, recorded once by a training start that stops when the
#   context is ready (-Dspring.context.exit=onRefresh), in target/quick-start; made again whenever
#   the jar is newer than the archive or another JDK starts it (an archive serves only the JDK
#   that made it). The training runs in target/quick-start on a database of its own, which it
#   then removes: the current folder's ./data is not touched by it;
# - with the C1 compiler only (-XX:TieredStopAtLevel=1): no C2 compilation beside the start, and
#   none of C2's optimisations later: for the demo and trials; a production instance is started
#   with plain java -jar. docs/benchmarks/demo-start.md measures both ways.
# --prepare-only makes the archive and exits. DemoStartBenchmarkIT runs this script.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=$(ls "$here"/target/liandong-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "没有找到 target/liandong-*.jar：请先运行 ./mvnw package（或 ./mvnw verify）" >&2
  exit 2
fi
app="$here/target/quick-start"
extracted="$app/$(basename "$jar")"
archive="$app/liandong.jsa"
# the JDK's own words, without what options in the environment add to them (a "Picked up" line, a recording's log)
jdk=$(env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS "$java" -version 2>&1)
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ] || [ "$jdk" != "$(cat "$app/jdk" 2>/dev/null)" ]; then
  echo "快速启动：解开应用并记录启动所用的类（类数据共享存档，只在首次或重新构建后进行）……" >&2
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  # the archive's warnings list the classes it cannot hold (signed jars, generated accessors): expected
  (cd "$app" && "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dspring.context.exit=onRefresh -jar "$extracted" --spring.profiles.active=demo >"$app/training.log" 2>&1) || {
    echo "快速启动：记录失败，见 $app/training.log" >&2
    exit 1
  }
  rm -rf "$app/data"
  printf '%s' "$jdk" >"$app/jdk"
  echo "快速启动：存档已备好（$archive）" >&2
fi
if [ "${1:-}" = "--prepare-only" ]; then
  exit 0
fi
exec "$java" -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -jar "$extracted" "$@"
