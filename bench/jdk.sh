# Sourced by the bench scripts: sets $java to a JDK 21 or newer (JAVA_HOME first, then /usr/lib/jvm/*).
java=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [ -x "$candidate/bin/java" ] || continue
  major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then java="$candidate/bin/java"; break; fi
done
[ -n "$java" ] || { echo "the benchmark needs a JDK 21 or newer (set JAVA_HOME)"; exit 1; }
