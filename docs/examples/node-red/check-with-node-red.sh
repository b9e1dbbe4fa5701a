#!/bin/sh
# Imports leadership-gate.json into a real Node-RED (npm, a scratch folder) beside a real Mosquitto, publishes the
# lease and heartbeat payloads PiHA publishes, and shows which way the gate sends a message each time:
#   before anything -> held; granted, not renewed -> held; renewed -> passed; granted elsewhere -> held.
# Needs node, npm and mosquitto. NodeRedGateFlowTest runs the same function nodes in the build without Node-RED.
# Usage: sh docs/examples/node-red/check-with-node-red.sh [NODE_RED_VERSION]      (default 4)
set -eu
flow=$(cd "$(dirname "$0")" && pwd)/leadership-gate.json
work=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
cd "$work"
npm install --no-audit --no-fund --loglevel=error "node-red@${1:-4}" >/dev/null
mkdir user
printf 'listener 18833 127.0.0.1\nallow_anonymous true\nuser %s\n' "$(id -un)" > mosquitto.conf
"$(command -v mosquitto || echo /usr/sbin/mosquitto)" -c mosquitto.conf >mosquitto.log 2>&1 &
pids="$pids $!"
# the flow as shipped, with the broker on this machine and the gate's two outputs published for this check
node -e '
  const f = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const n of f) {
    if (n.type === "mqtt-broker") { n.broker = "127.0.0.1"; n.port = "18833"; }
    if (n.type === "debug") {
      n.topic = n.name.startsWith("passed") ? "check/passed" : "check/held";
      Object.assign(n, { type: "mqtt out", qos: "1", retain: "false", broker: f.find(b => b.type === "mqtt-broker").id });
    }
  }
  require("fs").writeFileSync("user/flows.json", JSON.stringify(f));' "$flow"
printf 'module.exports = { uiPort: 18880, uiHost: "127.0.0.1", flowFile: "flows.json", credentialSecret: false };\n' \
  > user/settings.js
node_modules/.bin/node-red -u "$work/user" -s "$work/user/settings.js" >node-red.log 2>&1 &
pids="$pids $!"
for i in $(seq 1 60); do grep -q "Connected to broker" node-red.log && break; sleep 1; done
grep -iE "\[error\]|unknown type" node-red.log && { echo "Node-RED did not take the flow"; exit 1; }
inject=$(node -e 'const f = JSON.parse(require("fs").readFileSync("user/flows.json")); console.log(f.find(n => n.type === "inject").id)')
cat > drive.js <<'JS'
const mqtt = require(process.cwd() + "/node_modules/mqtt");
const [inject] = process.argv.slice(2);
const c = mqtt.connect("mqtt://127.0.0.1:18833");
const got = [];
const sleep = ms => new Promise(r => setTimeout(r, ms));
const P = "piha/leader/home-assistant/";
const now = () => new Date().toISOString();
let bad = 0;
async function expect(label, topic) {
  const before = got.length;
  await fetch("http://127.0.0.1:18880/inject/" + inject, { method: "POST" });
  await sleep(500);
  const seen = got.slice(before).map(m => m.topic).join(",");
  bad += seen === topic ? 0 : 1;
  console.log((seen === topic ? "ok      " : "FAILED  ") + label.padEnd(32) + seen);
}
c.on("message", (topic) => got.push({ topic }));
c.on("connect", async () => {
  c.subscribe(["check/passed", "check/held"]);
  await sleep(300);
  await expect("before anything", "check/held");
  c.publish(P + "lease", JSON.stringify({ holder: "haos-primary", epoch: 3, since: now() }), { retain: true, qos: 1 });
  await sleep(200); await expect("granted, not renewed", "check/held");
  c.publish(P + "heartbeat", JSON.stringify({ ts: now(), host_id: "haos-primary", epoch: 3, id: "hb-1" }), { qos: 1 });
  await sleep(100);
  c.publish(P + "lease", JSON.stringify({ holder: "haos-primary", epoch: 3, since: now(), valid_for_ms: 90000,
    renews: "hb-1" }), { retain: true, qos: 1 });
  await sleep(200); await expect("renewed", "check/passed");
  c.publish(P + "lease", JSON.stringify({ holder: "haos-standby", epoch: 4, since: now() }), { retain: true, qos: 1 });
  await sleep(200); await expect("granted elsewhere at epoch 4", "check/held");
  c.end();
  process.exitCode = bad === 0 ? 0 : 1;
});
JS
node drive.js "$inject"
