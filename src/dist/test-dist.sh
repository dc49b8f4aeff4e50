#!/usr/bin/env bash
# Tests of what mvn -B -Pdist package built (.ci/run runs this after it): the archive unpacked into
# a temporary directory and run with no java on the PATH and no JAVA_HOME; the launcher's choice of
# Java; a TLS call through the bundled runtime; the Debian package inspected, extracted and run;
# its man pages rendered and its bash (and zsh, where there is one) completion loaded. Needs python3,
# openssl, man and dpkg-deb.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
version=$(sed -n 's/^version=//p' target/classes/pcx-version.properties)
archive=$top/target/dist/pcx-$version-linux-x64.tar.gz
package=$top/target/dist/pcx_${version/-/\~}_amd64.deb
jdk17=${DIST_TEST_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

T=$(mktemp -d /tmp/pcx-dist-test.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null; done
  rm -rf "$T"
}
trap cleanup EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/     /'; }
check() { # check NAME COMMAND...: passes when the command succeeds
  local name=$1
  shift
  if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "$out"; fi
}

# A PATH with every command of this machine but java and the JDK's tools.
nojava=$T/path
mkdir -p "$nojava"
for dir in /usr/local/bin /usr/bin /bin; do
  for tool in "$dir"/*; do
    name=${tool##*/}
    [ -e "$nojava/$name" ] && continue
    case $(readlink -f "$tool") in /usr/lib/jvm/*) continue ;; esac
    ln -s "$tool" "$nojava/$name"
  done
done
# run WHERE-LAUNCHER [VAR=VALUE...] -- ARGS...: pcx with a clean environment, its output in $T/out, $T/err
run() {
  local launcher=$1
  shift
  local vars=()
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  env -i HOME="$T/home" PATH="$nojava" PCX_CONFIG_DIR="$T/config" LANG=C.UTF-8 "${vars[@]}" \
    "$launcher" "$@" > "$T/out" 2> "$T/err" < /dev/null
}
mkdir -p "$T/home" && mkdir -m 700 "$T/config"
contains() { grep -qF -- "$2" "$1"; }

# --- the archive -------------------------------------------------------------------------------
[ -f "$archive" ] || { echo "FAIL no $archive: run mvn -B -Pdist package first"; echo "0 passed, 1 failed"; exit 1; }
mkdir "$T/a"
tar -xzf "$archive" -C "$T/a"
home=$T/a/pcx-$version
pcx=$home/bin/pcx
for f in bin/pcx lib/pcx.jar runtime/bin/java runtime/lib/server/classes.jsa man/man1/pcx.1 \
  man/man1/pcx-customers-list.1 completions/pcx.bash completions/_pcx completions/pcx.fish LICENSE README.md; do
  [ -e "$home/$f" ] || missing="${missing:-} $f"
done
if [ -z "${missing:-}" ]; then ok "the archive holds bin/, lib/, runtime/, man/, completions/, LICENSE, README.md"
else fail "the archive lacks:$missing"; fi
modules=$("$home/runtime/bin/java" --list-modules 2>&1)
if grep -q '^jdk.httpserver@' <<<"$modules" && ! grep -q '^java.desktop@' <<<"$modules"; then
  ok "the runtime has the modules pcx needs, and no AWT ($(wc -l <<<"$modules") modules)"
else fail "the runtime's modules" "$modules"; fi

if run "$pcx" -- --version && [ "$(sed -n 1p "$T/out")" = "pcx $version" ] \
    && grep -qE "^built from commit [0-9a-f]{12}(-dirty)?$" "$T/out" && contains "$T/out" "in $home/runtime," \
    && [ ! -s "$T/err" ]; then
  ok "--version names the version, the commit and the bundled runtime: $(tr '\n' ' ' < "$T/out")"
else fail "--version" "$(cat "$T/out" "$T/err")"; fi

if run "$pcx" -- --sandbox customers list --limit 3 && contains "$T/out" "北京云创科技有限公司" && [ ! -s "$T/err" ]; then
  ok "bin/pcx --sandbox customers list, no java on the PATH, no JAVA_HOME (UTF-8 under LANG=C.UTF-8)"
else fail "bin/pcx --sandbox customers list" "$(cat "$T/out" "$T/err")"; fi
if run "$pcx" LANG=C LC_ALL=C -- --sandbox customers list --limit 3 -o csv && contains "$T/out" "北京云创科技有限公司"; then
  ok "Chinese company names print as UTF-8 under LANG=C too"
else fail "Chinese text under LANG=C" "$(cat "$T/out" "$T/err")"; fi
if run "$pcx" -- --help && contains "$T/out" "Exit codes:"; then ok "--help"; else fail "--help" "$(cat "$T/out" "$T/err")"; fi
# At a terminal of 80 columns (script(1) gives a pseudo-terminal; no COLUMNS, as an interactive shell
# exports none): the width comes from jline's native library, which Java 24 and later warn about on
# stderr unless the launcher enables native access. Nothing but the table may appear.
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/runtime/release")
if command -v script > /dev/null; then
  env -i HOME="$T/home" PATH="$nojava" PCX_CONFIG_DIR="$T/config" LANG=C.UTF-8 TERM=xterm \
    script -qec "stty cols 80 rows 24; '$pcx' --sandbox customers list --limit 3" /dev/null > "$T/tty" 2>&1 < /dev/null
  if contains "$T/tty" "COMPANY NAME" && ! grep -q WARNING "$T/tty" && ! grep -q Exception "$T/tty"; then
    ok "at an 80-column terminal: the table alone, no warning from the runtime (Java $feature)"
  else fail "at a terminal" "$(cat "$T/tty")"; fi
fi

# The class-data archive trained at build time applies here, where the archive was unpacked (a
# runtime from JDK 25 or later: one from JDK 17 cannot move its archive, and ships without one).
if [ "$feature" -lt 25 ] && [ ! -e "$home/lib/pcx.jsa" ]; then
  ok "a runtime from JDK $feature: no class-data archive of pcx's, which could not apply once unpacked"
elif run "$pcx" PCX_JAVA_OPTS=-Xlog:class+load=info -- --help && contains "$T/out" "source: shared objects file (top)"; then
  ok "pcx's class-data archive, trained in the build's directory, is used where the archive was unpacked"
else fail "pcx's class-data archive is not used after unpacking" "$(grep -m3 -i cds "$T/out")"; fi

# Time zones and Chinese encodings in the trimmed runtime (a class compiled here, run there).
mkdir "$T/check"
"$jdk17/bin/javac" -encoding UTF-8 --release 17 -d "$T/check" src/dist/test/RuntimeCheck.java
if env -i PATH="$nojava" TZ=Asia/Shanghai "$home/runtime/bin/java" -cp "$T/check" RuntimeCheck > "$T/out" 2>&1 \
    && contains "$T/out" "zone Asia/Shanghai +08:00" && contains "$T/out" "charset GB18030 round-trips" \
    && contains "$T/out" "charset GBK round-trips"; then
  ok "the runtime knows time zones (TZ=Asia/Shanghai) and Chinese encodings (GB18030, GBK)"
else fail "time zones and encodings in the runtime" "$(cat "$T/out")"; fi

# --- TLS: a loopback HTTPS front (self-signed certificate made here) for a sandbox ----------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$T/key.pem" -out "$T/cert.pem" > /dev/null 2>&1
"$home/runtime/bin/keytool" -importcert -noprompt -alias loopback -file "$T/cert.pem" \
  -keystore "$T/trust.p12" -storetype PKCS12 -storepass changeit > /dev/null 2>&1
env -i HOME="$T/home" PATH="$nojava" PCX_CONFIG_DIR="$T/config" "$pcx" sandbox serve --port 0 > "$T/sandbox.url" 2> /dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$T/sandbox.url" ] && break; sleep 0.1; done
timeout 300 python3 src/dist/test/tls_proxy.py "$T/cert.pem" "$T/key.pem" "$(head -1 "$T/sandbox.url")" > "$T/tls.url" &
pids+=($!)
for _ in $(seq 100); do [ -s "$T/tls.url" ] && break; sleep 0.1; done
https=$(head -1 "$T/tls.url")
app=(PCX_ENDPOINT="$https" PCX_AUTHORITY="$https" PCX_TENANT_ID=4d9a8c1e-7b2f-4e3a-9c5d-6f1e2a3b4c5d
     PCX_CLIENT_ID=0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b PCX_CLIENT_SECRET=pcx-sandbox-secret)
trust="-Djavax.net.ssl.trustStore=$T/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit"
if [[ $https == https://127.0.0.1:* ]] && run "$pcx" "${app[@]}" PCX_JAVA_OPTS="$trust" TZ=Asia/Shanghai LANG=zh_CN.UTF-8 \
    -- customers list --limit 5 && contains "$T/out" "北京云创科技有限公司"; then
  ok "TLS: a sign-in and customers list over https to 127.0.0.1, trusting the test's certificate (PCX_JAVA_OPTS)"
else fail "TLS call through the bundled runtime ($https)" "$(cat "$T/out" "$T/err")"; fi
if run "$pcx" "${app[@]}" -- customers list --limit 5; code=$?; [ "$code" -ne 0 ] && grep -qi "certif" "$T/err"; then
  ok "TLS: a certificate the runtime does not trust is refused (exit $code: $(head -1 "$T/err" | cut -c1-100))"
else fail "TLS with an untrusted certificate" "$(cat "$T/out" "$T/err")"; fi

# --- the launcher's choice of Java ---------------------------------------------------------------
javaline() { sed -n 3p "$T/out"; }
if run "$pcx" JAVA_HOME="$jdk17" -- --version && contains "$T/out" "in $home/runtime,"; then
  ok "1. the bundled runtime comes before \$JAVA_HOME"
else fail "the bundled runtime comes before \$JAVA_HOME" "$(cat "$T/out" "$T/err")"; fi
if run "$pcx" PCX_JAVA="$jdk17/bin/java" -- --version && contains "$T/out" "in $jdk17,"; then
  ok "2. \$PCX_JAVA, when set, is the java pcx runs on: $(javaline)"
else fail "\$PCX_JAVA" "$(cat "$T/out" "$T/err")"; fi
mv "$home/runtime" "$home/runtime.away"
if run "$pcx" JAVA_HOME="$jdk17" -- --version && contains "$T/out" "in $jdk17,"; then
  ok "3. without a bundled runtime, \$JAVA_HOME: $(javaline)"
else fail "\$JAVA_HOME without a bundled runtime" "$(cat "$T/out" "$T/err")"; fi
mkdir "$T/withjava" && ln -s "$jdk17/bin/java" "$T/withjava/java"
if run "$pcx" PATH="$T/withjava:$nojava" -- --sandbox customers list --limit 1 && contains "$T/out" "Contoso"; then
  ok "4. without a bundled runtime or \$JAVA_HOME, java on the PATH"
else fail "java on the PATH" "$(cat "$T/out" "$T/err")"; fi
if ! run "$pcx" -- --version && contains "$T/err" "pcx: no Java to run on"; then
  ok "no Java anywhere: one line saying what to install ($(cat "$T/err"))"
else fail "no Java anywhere" "$(cat "$T/out" "$T/err")"; fi
mv "$home/runtime.away" "$home/runtime"

# --- the Debian package --------------------------------------------------------------------------
info=$(dpkg-deb --info "$package" 2>&1)
if grep -q '^ Package: pcx$' <<<"$info" && grep -q '^ Architecture: amd64$' <<<"$info" \
    && grep -q '^ Maintainer: ' <<<"$info" && grep -q '^ Description: ' <<<"$info" \
    && grep -qE '^ Depends: libc6 \(>= [0-9.]+\)' <<<"$info"; then
  ok "dpkg-deb --info: $(grep -E '^ (Version|Depends|Installed-Size):' <<<"$info" | tr -s ' ' | tr '\n' ';')"
else fail "dpkg-deb --info" "$info"; fi
contents=$(dpkg-deb --contents "$package" 2>&1)
jsa=./opt/pcx/lib/pcx.jsa
[ -e "$home/lib/pcx.jsa" ] || jsa=./opt/pcx/lib/pcx.jar  # none in the archive either (JDK 17)
for want in ./opt/pcx/bin/pcx ./opt/pcx/lib/pcx.jar "$jsa" ./opt/pcx/runtime/bin/java \
  "./usr/bin/pcx -> ../../opt/pcx/bin/pcx" ./usr/share/man/man1/pcx.1.gz ./usr/share/man/man1/pcx-tickets-create.1.gz \
  ./usr/share/bash-completion/completions/pcx ./usr/share/zsh/vendor-completions/_pcx \
  ./usr/share/fish/vendor_completions.d/pcx.fish ./usr/share/doc/pcx/copyright; do
  grep -qF -- " $want" <<<"$contents" || absent="${absent:-} $want"
done
if [ -z "${absent:-}" ] && ! grep -v ' root/root ' <<<"$contents" | grep -q .; then
  ok "dpkg-deb --contents: /opt/pcx, /usr/bin/pcx, man pages, completions, all owned by root"
else fail "dpkg-deb --contents lacks:${absent:-} (or a file not owned by root)" "$(grep -v ' root/root ' <<<"$contents")"; fi
root=$T/root
dpkg-deb -x "$package" "$root"
if run "$root/usr/bin/pcx" -- --sandbox customers list --limit 2 && contains "$T/out" "Contoso" && [ ! -s "$T/err" ] \
    && run "$root/usr/bin/pcx" -- --version && contains "$T/out" "in $root/opt/pcx/runtime,"; then
  ok "the package extracted into a temporary root: usr/bin/pcx runs on opt/pcx/runtime"
else fail "the extracted package's pcx" "$(cat "$T/out" "$T/err")"; fi

pages=0 bad=
for page in "$root"/usr/share/man/man1/*.1.gz; do
  text=$(MANWIDTH=80 man -l -P cat "$page" 2> "$T/man.err") && [ -n "$text" ] && [ ! -s "$T/man.err" ] \
    || bad="$bad ${page##*/}"
  pages=$((pages + 1))
done
name=$(MANWIDTH=80 man -l -P cat "$root/usr/share/man/man1/pcx-customers-list.1.gz" 2>&1 | grep -A1 '^NAME' | tail -1)
if [ -z "$bad" ] && [ "$pages" -gt 30 ] && [[ $name == *pcx-customers-list* ]]; then
  ok "man -l renders all $pages pages without a warning ($(sed 's/^ *//' <<<"$name"))"
else fail "man -l:$bad" "$(cat "$T/man.err")"; fi

completion=$(env -i HOME="$T/home" PATH="$nojava" TERM=dumb bash -i -c "
  source '$root/usr/share/bash-completion/completions/pcx'
  complete -p pcx
  COMP_WORDS=(pcx cust); COMP_CWORD=1; COMP_LINE='pcx cust'; COMP_POINT=8
  _complete_pcx pcx cust pcx; echo \"words: \${COMPREPLY[*]}\"" 2>&1)
if grep -qE '^complete (-o default )?-F _complete_pcx .*pcx' <<<"$completion" && grep -q '^words: customers' <<<"$completion"; then
  ok "its bash completion loads in bash -i and completes 'pcx cust' to customers"
else fail "bash completion" "$completion"; fi
if command -v zsh > /dev/null; then
  line=$(cd "$T" && env -i HOME="$T/home" PATH="$nojava" timeout 60 zsh -f "$top/src/dist/test/zsh_completion.zsh" \
    "$home/completions" 2>&1)
  if grep -q 'pcx customers' <<<"$line" && cmp -s "$home/completions/_pcx" "$root/usr/share/zsh/vendor-completions/_pcx"; then
    ok "zsh: _pcx completes 'pcx cust' to customers (compinit, Tab on a pseudo-terminal)"
  else fail "zsh completion" "$line"; fi
fi
if command -v fish > /dev/null; then
  check "fish parses pcx.fish" fish -n "$root/usr/share/fish/vendor_completions.d/pcx.fish"
fi

echo "dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
