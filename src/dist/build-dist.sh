#!/usr/bin/env bash
# The distribution of pcx (mvn -B -Pdist package runs this after target/pcx.jar is built):
#   target/dist/pcx-VERSION-linux-x64.tar.gz   unpack anywhere, run bin/pcx
#   target/dist/pcx_DEBVERSION_amd64.deb       /opt/pcx, /usr/bin/pcx, man pages, completions
# Both carry their own Java runtime, linked by jlink from a JDK on this machine with only the
# modules pcx needs, with the runtime's class-data archive and pcx's own (trained here, on it).
# Environment (set by pom.xml): DIST_VERSION, DIST_TARGET, DIST_BUILD_JAVA_HOME, and DIST_JDK
# (-Ddist.jdk: the JDK to link from; empty: the newest JDK 17 or later that can link one).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${DIST_VERSION:?} target=${DIST_TARGET:?}
dist=$target/dist
work=$target/dist-work
rm -rf "$dist" "$work"
mkdir -p "$dist" "$work"

# The modules pcx needs. jdeps names these and three more that pcx never reaches, left out:
# java.desktop (jline's console engine opens a browser through AWT; Jackson's optional java.beans
# annotations) would bring AWT's native libraries and their X11 dependencies; java.sql (Jackson's
# optional java.sql.Date support) and java.management (jline's 'ttop' builtin). Not named by
# jdeps but needed: jdk.charsets (GB18030 and GBK, for files and terminals in Chinese encodings),
# jdk.crypto.ec (elliptic-curve TLS on JDK 17; empty on later ones), jdk.unsupported (libraries
# that probe for sun.misc.Unsafe). java.logging is OkHttp's.
modules=java.base,java.logging,jdk.httpserver,jdk.charsets,jdk.unsupported
optional=" java.desktop java.sql java.management "

jar=$target/pcx.jar
[ -f "$jar" ] || { echo "build-dist: $jar is missing (mvn -Pdist package builds it first)" >&2; exit 1; }

major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }

# The JDK to link from: the one asked for, else the newest on this machine (JDK 17 or later), else
# the build's own. Measured (README "Performance"): JDK 25's archive of pcx's classes still applies
# after the runtime is moved, where JDK 17's applies only at the very path it was trained at, which
# a distribution unpacked anywhere never is.
candidates=()
if [ -n "${DIST_JDK:-}" ]; then
  candidates=("$DIST_JDK")
else
  for home in /usr/lib/jvm/* "${DIST_BUILD_JAVA_HOME:-}"; do
    [ -x "$home/bin/jlink" ] && [ -n "$(major "$home")" ] && [ "$(major "$home")" -ge 17 ] \
      && candidates+=("$(major "$home") $(readlink -f "$home")")
  done
  mapfile -t candidates < <(printf '%s\n' "${candidates[@]}" | sort -rn -k1,1 -u | cut -d' ' -f2-)
fi
runtime=$work/runtime
jdk=
for home in "${candidates[@]}"; do
  linking=$modules
  listed=$("$home/bin/java" --list-modules 2>/dev/null || true)
  grep -q '^jdk.crypto.ec@' <<<"$listed" && linking=$linking,jdk.crypto.ec
  rm -rf "$runtime"
  # no header files, man pages or debug attributes; CDS: the runtime's own class-data archive
  if "$home/bin/jlink" --add-modules "$linking" --strip-debug --no-header-files --no-man-pages \
      --generate-cds-archive --output "$runtime" > "$work/jlink.log" 2>&1; then
    jdk=$home
    break
  fi
  echo "build-dist: $home cannot link a runtime ($(tail -1 "$work/jlink.log")); trying the next JDK" >&2
done
[ -n "$jdk" ] || { echo "build-dist: no JDK here could link a runtime" >&2; cat "$work/jlink.log" >&2; exit 1; }
echo "build-dist: runtime linked from $jdk ($("$runtime/bin/java" -version 2>&1 | head -1)): $linking"

# Every module jdeps says pcx.jar uses is in the runtime, or one of the three left out above.
used=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")
for m in ${used//,/ }; do
  case ",$linking," in *",$m,"*) continue ;; esac
  case $optional in *" $m "*) continue ;; esac
  echo "build-dist: pcx.jar uses module $m (jdeps), which the runtime lacks: add it to build-dist.sh" >&2
  exit 1
done

# Java 24 and later: the launcher enables native access (jline's native library would otherwise be
# warned about on stderr), and an archive made without that flag gives up its archived module graph:
# the runtime's own archive is made again with it, and pcx's trained with it.
native=()
if [ "$(major "$runtime")" -ge 24 ]; then
  native=(--enable-native-access=ALL-UNNAMED)
  "$runtime/bin/java" "${native[@]}" -Xshare:dump > "$work/cds-dump.log" 2>&1 \
    || { cat "$work/cds-dump.log" >&2; exit 1; }
fi

# Smaller: no archive for heaps over 32 GiB (-Xshare:auto runs without one there); native
# libraries without their symbol tables (.dynsym stays: they link as before); no jwebserver.
rm -f "$runtime"/lib/server/classes_nocoops.jsa "$runtime"/bin/jwebserver
find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +

# The tree both artefacts ship: bin/pcx, lib/pcx.jar and its class-data archive, runtime/.
name=pcx-$version
tree=$work/$name
mkdir -p "$tree/bin" "$tree/lib" "$tree/man/man1" "$tree/completions"
install -m 755 src/main/launcher/pcx "$tree/bin/pcx"
install -m 644 "$jar" "$tree/lib/pcx.jar"
# The archive is checked against the jar's size and time: a fixed time (the commit's), which
# tar and dpkg keep and SOURCE_DATE_EPOCH clamping leaves alone.
when=$(git log -1 --format=%ct 2>/dev/null || echo 1767225600)
touch -d "@$when" "$tree/lib/pcx.jar"
mv "$runtime" "$tree/runtime"

# pcx's class-data archive, trained on this runtime as pom.xml trains target/pcx.jsa (same flags,
# dev.pcx.Training, the class path the launcher gives).
"$tree/runtime/bin/java" "${native[@]}" -XX:ArchiveClassesAtExit="$tree/lib/pcx.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "$tree/lib/pcx.jar" dev.pcx.Training "$work/training" > "$work/training.log" 2>&1 \
  || { cat "$work/training.log" >&2; exit 1; }
printf runtime > "$tree/lib/pcx.jsa.java"
chmod 644 "$tree/lib/pcx.jsa"
# It must still apply once the tree is elsewhere: JDK 25's does; JDK 17's is bound to the path it
# was trained at, so a runtime from JDK 17 ships without it. The copy: hard links, but for the jar
# (JDK 17 takes a hard link to it for the very same file).
cp -al "$tree" "$work/moved"
rm "$work/moved/lib/pcx.jar"
cp -p "$tree/lib/pcx.jar" "$work/moved/lib/pcx.jar"
loaded=$(env -u PCX_JAVA PCX_JAVA_OPTS=-Xlog:class+load=info "$work/moved/bin/pcx" --help < /dev/null 2>&1 || true)
if grep -q 'source: shared objects file (top)' <<<"$loaded"; then
  echo "build-dist: pcx's class-data archive applies wherever the distribution is unpacked"
else
  echo "build-dist: $jdk's class-data archive does not apply once moved: the distribution ships without one" >&2
  rm -f "$tree/lib/pcx.jsa" "$tree/lib/pcx.jsa.java"
fi
rm -rf "$work/moved"

# Man pages and completions: the checked-in copies (GeneratedFilesTest keeps them current).
cp man/man1/*.1 "$tree/man/man1/"
cp completions/pcx.bash completions/pcx.fish src/dist/_pcx "$tree/completions/"
cp LICENSE README.md CHANGELOG.md "$tree/"
find "$tree" -type d -exec chmod 755 {} +

env -u PCX_JAVA "$tree/bin/pcx" --version > "$work/version.txt"
echo "build-dist: $(head -1 "$work/version.txt")"

# The archive: owned by root, in a stable order, best gzip.
archive=$dist/$name-linux-x64.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work" -cf - "$name" | gzip -9n > "$archive"

# The Debian package. Its version: -SNAPSHOT becomes ~SNAPSHOT, which sorts before the release.
debversion=${version/-/\~}
root=$work/deb
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/pcx" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d" "$root/DEBIAN"
cp -a "$tree" "$root/opt/pcx"
rm -rf "$root/opt/pcx/man" "$root/opt/pcx/completions" "$root/opt/pcx/LICENSE" "$root/opt/pcx/README.md" \
  "$root/opt/pcx/CHANGELOG.md"
ln -s ../../opt/pcx/bin/pcx "$root/usr/bin/pcx"
for page in "$tree"/man/man1/*.1; do
  gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
done
install -m 644 "$tree/completions/pcx.bash" "$root/usr/share/bash-completion/completions/pcx"
install -m 644 "$tree/completions/_pcx" "$root/usr/share/zsh/vendor-completions/_pcx"
install -m 644 "$tree/completions/pcx.fish" "$root/usr/share/fish/vendor_completions.d/pcx.fish"
install -m 644 LICENSE "$root/usr/share/doc/pcx/copyright"
install -m 644 README.md "$root/usr/share/doc/pcx/README.md"
gzip -9n < CHANGELOG.md > "$root/usr/share/doc/pcx/changelog.gz"

# Depends: the packages holding the system libraries the runtime's native code links to (objdump's
# NEEDED entries, less the runtime's own), libc6 at the newest GLIBC symbol version they use.
needed=$(find "$root/opt/pcx/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -p {} + 2>/dev/null \
  | awk '$1 == "NEEDED" { print $2 }' | sort -u)
own=$(find "$root/opt/pcx/runtime" -name '*.so' -printf '%f\n' | sort -u)
packages=
for lib in $needed; do
  grep -qx "$lib" <<<"$own" && continue
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }')
  [ -n "$path" ] || { echo "build-dist: the runtime needs $lib, which this machine lacks" >&2; exit 1; }
  package=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1) \
    || package=$(dpkg -S "$path" | head -1 | cut -d: -f1)
  packages="$packages $package"
done
glibc=$(find "$root/opt/pcx/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
depends=
for package in $(tr ' ' '\n' <<<"$packages" | sort -u); do
  [ "$package" = libc6 ] && package="libc6 (>= $glibc)"
  depends="${depends:+$depends, }$package"
done
cat > "$root/DEBIAN/control" <<EOF
Package: pcx
Version: $debversion
Architecture: amd64
Maintainer: ${DIST_MAINTAINER:-pcx authors <maintainers@pcx.invalid>}
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: utils
Priority: optional
Description: Partner Center from the command line, for CSP resellers
 pcx is the command line of a Cloud Solution Provider reseller on Partner Center
 operated by 21Vianet and on global Partner Center: find customers, administer
 their subscriptions, check the health of their services, and escalate to
 Microsoft. It runs on its own Java runtime, installed with it under /opt/pcx.
EOF
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
package=$dist/pcx_${debversion}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" > /dev/null

echo "build-dist: $(du -h "$archive" | cut -f1) $archive"
echo "build-dist: $(du -h "$package" | cut -f1) $package (Depends: $depends)"
