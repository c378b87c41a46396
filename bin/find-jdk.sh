# Sourced by ./mvnw and ./motcua: picks a JDK of at least the wanted feature version.
# The default java on our machines is 17 while the platform (and Keycloak) need 21+,
# so the scripts look beyond PATH instead of asking every user to set JAVA_HOME.

jdk_feature_version() { # $1 = a JDK home; prints its feature version (17, 21, 25...)
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
  fi
}

find_jdk() { # $1 = minimum feature version; prints the JDK home or fails
  local wanted="$1" candidate version best="" best_version=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* \
                   "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    version=$(jdk_feature_version "$candidate" 2>/dev/null) || continue
    [ -n "$version" ] || continue
    # The caller's JAVA_HOME wins when it is new enough; otherwise take the newest found.
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$version" -ge "$wanted" ]; then
      echo "$candidate"; return 0
    fi
    if [ "$version" -ge "$wanted" ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}
