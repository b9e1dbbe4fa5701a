#!/bin/sh
# Follows docs/setup-a-home.md on a fresh machine with a JDK 17, as far as a machine without Pis, a switch and a
# broker of its own allows (SetupGuideTest checks the same from the build):
#   1. builds the CLI (./piha);
#   2. writes every file of the guide (```lang file=PATH on=MACHINE) into a scratch folder per machine and checks
#      each machine's files with `piha config check` and that machine's piha.env;
#   3. checks that every `piha ...` command line of the guide parses with the real command line (not run);
#   4. checks deploy/: `systemd-analyze verify` on the units, `docker-compose config` on the compose file (each when
#      installed, else says it skipped and why), the platform audit on the chart and the HelmRelease;
#   5. starts Mosquitto (when installed) with the compose broker's configuration and a password file;
#   6. runs the first drill on embedded parts (`piha drill`; skipped with --quick).
# Usage: sh docs/setup-guide-check.sh [--quick]      Exit 0 when every step that could run passed.
set -eu
quick=${1:-}
cd "$(dirname "$0")/.."
guide=docs/setup-a-home.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*"; failed=1; }
skip() { printf 'skipped: %s\n' "$*"; }

step "1. the CLI"
./piha --version

step "2. the guide's files, per machine"
awk -v out="$work" '
  /^[ \t]*```[a-z]+ .*file=/ {
    file = ""; on = "";
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^file=/) { file = substr($i, 6) }
      if ($i ~ /^on=/) { on = substr($i, 4) }
    }
    n = split(file, parts, "/"); target = out "/" on "/" parts[n];
    system("mkdir -p \"" out "/" on "\""); printf "" > target; inside = 1; next
  }
  inside && /^[ \t]*```[ \t]*$/ { close(target); print "  " on ": " file; inside = 0; next }
  inside { print >> target }
' "$guide"
for machine in "$work"/*/; do
  name=$(basename "$machine")
  args=""
  [ -f "$machine/control-plane.yaml" ] && args="$args --control-plane $machine/control-plane.yaml"
  [ -f "$machine/agent.yaml" ] && args="$args --agent $machine/agent.yaml"
  [ -n "$args" ] || { fail "$name: no configuration file"; continue; }
  # shellcheck disable=SC2086 # the words are paths without blanks
  ./piha config check $args --env-file "$machine/piha.env" || fail "$name: piha config check"
done

step "3. every piha command line of the guide"
awk '
  /^[ \t]*```sh[ \t]*$/ { inside = 1; next }
  /^[ \t]*```/ { inside = 0; next }
  inside && /^[ \t]*piha / { sub(/^[ \t]*/, ""); sub(/[ \t]+#.*$/, ""); print }
' "$guide" > "$work/commands"
# the guide's words, split as the shell splits them (quotes group), one command a line, words separated by 0x1f
us=$(printf '\037')
while IFS= read -r line; do
  eval "set -- $line"
  shift
  (IFS=$us; printf '%s\n' "$*")
done < "$work/commands" > "$work/words"
# parsed by the real command line (picocli's parseArgs), not run: an unknown command or option fails
cat > "$work/ParseGuideCommands.java" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;

public class ParseGuideCommands {
    public static void main(String[] args) throws Exception {
        int bad = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] words = line.split("\u001f", -1);
            try {
                io.piha.cli.Piha.commandLine().parseArgs(words);
                System.out.println("  ok: piha " + String.join(" ", words));
            } catch (picocli.CommandLine.ParameterException e) {
                System.out.println("FAILED: piha " + String.join(" ", words) + ": " + e.getMessage());
                bad++;
            }
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
JAVA
java -cp piha-cli/target/piha.jar "$work/ParseGuideCommands.java" "$work/words" || fail "a piha command line of the guide"

step "4. deploy/"
if command -v systemd-analyze >/dev/null 2>&1; then
  for unit in deploy/systemd/*.service; do
    systemd-analyze verify "$unit" && printf '  ok: %s\n' "$unit" || fail "systemd-analyze verify $unit"
  done
else
  skip "systemd-analyze is not installed (apt-get install systemd)"
fi
if command -v docker-compose >/dev/null 2>&1; then
  cp -r deploy/compose "$work/nas-compose" && echo "PIHA_MQTT_PASSWORD=x" > "$work/nas-compose/piha.env"
  (cd "$work/nas-compose" && docker-compose config --quiet) && echo "  ok: deploy/compose/compose.yaml" \
    || fail "docker-compose config"
else
  skip "docker-compose is not installed (apt-get install docker-compose)"
fi
./piha platform audit deploy || fail "piha platform audit deploy"

step "5. the broker"
mosquitto=$(command -v mosquitto || ls /usr/sbin/mosquitto 2>/dev/null || true)
if [ -n "$mosquitto" ] && command -v mosquitto_passwd >/dev/null 2>&1; then
  mkdir -p "$work/mosquitto/data"
  port=$(awk 'BEGIN { srand(); print 20000 + int(rand() * 20000) }')
  sed -e "s|/mosquitto/config/|$work/mosquitto/|; s|/mosquitto/data/|$work/mosquitto/data/|; s|^listener 1883|listener $port 127.0.0.1|" \
    deploy/compose/mosquitto/mosquitto.conf > "$work/mosquitto/mosquitto.conf"
  # started as root, mosquitto would change to its own user, who cannot read this scratch folder
  echo "user $(id -un)" >> "$work/mosquitto/mosquitto.conf"
  if [ -f docs/examples/mosquitto-piha.acl ]; then cp docs/examples/mosquitto-piha.acl "$work/mosquitto/piha.acl"
  else printf 'user piha-nas\ntopic readwrite piha/leader/#\n' > "$work/mosquitto/piha.acl"; fi
  mosquitto_passwd -c -b "$work/mosquitto/piha.passwd" piha-nas check-only
  chmod 0600 "$work/mosquitto/piha.passwd" "$work/mosquitto/piha.acl"
  "$mosquitto" -c "$work/mosquitto/mosquitto.conf" > "$work/mosquitto/log" 2>&1 &
  broker=$!
  sleep 2
  if kill -0 "$broker" 2>/dev/null; then
    echo "  ok: mosquitto runs the compose broker's configuration (port $port)"
    PIHA_MQTT_PASSWORD=check-only ./piha status --broker "127.0.0.1:$port" --username piha-nas --listen 1s \
      || fail "piha status against the broker"
    kill "$broker"
  else
    fail "mosquitto with deploy/compose/mosquitto/mosquitto.conf: $(tail -n 3 "$work/mosquitto/log")"
  fi
else
  skip "mosquitto or mosquitto_passwd is not installed (apt-get install mosquitto)"
fi

step "6. the first drill, on embedded parts"
if [ "$quick" = "--quick" ]; then skip "--quick"; else ./piha drill || fail "piha drill"; fi

[ "$failed" = 0 ] && printf '\nthe set-up guide checks out as far as this machine goes\n' || printf '\nsome steps FAILED\n'
exit "$failed"
