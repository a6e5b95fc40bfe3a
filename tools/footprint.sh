#!/usr/bin/env bash
# Prints the size of each SDK jar and of the runtime dependency closure of sdk-core and sdk-rx,
# as a Markdown table. Run after a build: ./mvnw -B -q package -DskipTests && tools/footprint.sh
set -euo pipefail
cd "$(dirname "$0")/.."

size() { stat -c %s "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB", b / 1024 }'; }

echo "| jar | size |"
echo "|---|---|"
for module in sdk-generated sdk-core sdk-rx; do
  jar=$(ls "$module"/target/v0-java-*-0.1.0-SNAPSHOT.jar | grep -v -e sources -e javadoc | head -1)
  echo "| $(basename "$jar") | $(kib "$(size "$jar")") |"
done
echo
echo "| runtime closure | jars | size |"
echo "|---|---|---|"
for module in sdk-core sdk-rx; do
  cp_file=$(mktemp)
  ./mvnw -B -q -pl "$module" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$cp_file" > /dev/null
  own=$(ls "$module"/target/v0-java-*-0.1.0-SNAPSHOT.jar | grep -v -e sources -e javadoc | head -1)
  total=$(size "$own")
  count=1
  for entry in $(tr ':' '\n' < "$cp_file"); do
    # One of our own artifacts (a classes directory, or a jar from ~/.m2 that may be older):
    # count the jar this checkout built, sdk-X/target/v0-java-X-*.jar.
    case "$entry" in
      */io/github/v0java/*|*/target/classes)
        artifact=$(basename "$entry" | sed -e 's/-0\.1\.0-SNAPSHOT\.jar$//')
        [ -d "$entry" ] && artifact=$(basename "$(ls "$entry"/../v0-java-*-0.1.0-SNAPSHOT.jar | head -1)" | sed -e 's/-0\.1\.0-SNAPSHOT\.jar$//')
        entry="sdk-${artifact#v0-java-}/target/$artifact-0.1.0-SNAPSHOT.jar"
        ;;
    esac
    total=$((total + $(size "$entry")))
    count=$((count + 1))
  done
  rm -f "$cp_file"
  echo "| $module and its dependencies | $count | $(mib "$total") |"
done
