// Runs the function nodes of a Node-RED flow the way the Node-RED runtime does (a vm sandbox with msg, node, flow,
// env), without Node-RED: MQTT messages enter at the "mqtt in" node of their topic and follow the wires; probes enter
// the node named on the command line. The clock is the scenario's. Prints one JSON line per probe:
// {"probe": label, "output": index or -1, "piha": msg.piha}.
// Usage: node run-flow.js FLOW.json SCENARIO.json GATE_NODE_NAME
"use strict";
const fs = require("fs");
const vm = require("vm");

const [flowFile, scenarioFile, gateName] = process.argv.slice(2);
const flow = JSON.parse(fs.readFileSync(flowFile, "utf8"));
const scenario = JSON.parse(fs.readFileSync(scenarioFile, "utf8"));
const byId = new Map(flow.map(n => [n.id, n]));
const tabEnv = new Map();
flow.filter(n => n.type === "tab").forEach(t => (t.env || []).forEach(e => tabEnv.set(t.id + "/" + e.name, e)));
const flowContext = new Map();
let clock = 0;

function envOf(node) {
    return { get: name => {
        const e = tabEnv.get(node.z + "/" + name);
        if (e === undefined) {
            throw new Error("env " + name + " is not set on the tab of " + node.name);
        }
        return e.type === "num" ? Number(e.value) : e.value;
    } };
}

function run(node, msg) {
    if (node.type !== "function") {
        return [];
    }
    const sandbox = {
        msg: msg, env: envOf(node), JSON, Math, Object, String, Number, Array,
        Date: { now: () => clock },
        node: { status: () => {}, warn: () => {}, error: m => { throw new Error(m); }, log: () => {} },
        flow: { get: k => flowContext.get(node.z + "/" + k), set: (k, v) => flowContext.set(node.z + "/" + k, v) },
    };
    let result = vm.runInNewContext("(function(msg){\n" + node.func + "\n})(msg)", sandbox, { filename: node.name });
    result = result === null || result === undefined ? [] : Array.isArray(result) ? result : [result];
    return result;
}

function deliver(node, msg) {
    const outputs = run(node, msg);
    outputs.forEach((m, i) => {
        if (m !== null && m !== undefined) {
            (node.wires[i] || []).forEach(id => deliver(byId.get(id), JSON.parse(JSON.stringify(m))));
        }
    });
    return outputs;
}

const gate = flow.find(n => n.name === gateName);
if (gate === undefined) {
    throw new Error("no node named " + gateName);
}
for (const step of scenario) {
    clock = step.at;
    if (step.probe !== undefined) {
        const outputs = run(gate, { topic: "probe", payload: step.probe });
        const index = outputs.findIndex(m => m !== null && m !== undefined);
        const msg = index < 0 ? null : outputs[index];
        console.log(JSON.stringify({ probe: step.probe, output: index, piha: msg && msg.piha }));
    } else {
        const inputs = flow.filter(n => n.type === "mqtt in" && n.topic === step.topic);
        if (inputs.length === 0) {
            throw new Error("no mqtt in node subscribes to " + step.topic);
        }
        inputs.forEach(n => n.wires.flat().forEach(id =>
            deliver(byId.get(id), { topic: step.topic, payload: step.payload, retain: step.retain, qos: 1 })));
    }
}
