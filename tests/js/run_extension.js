// Runs maps/extensions/rififi.js in Node against a stub of Tiled's scripting API.
//
//   node run_extension.js EXTENSION SCENARIO.json
//
// The scenario gives the map (file name, tile size, layers with their objects) and the
// command that stands for `rififi`. The stub records what the extension does to Tiled (issues
// listed, objects selected, view centred) and this prints it as JSON for the Python test.
"use strict";
const fs = require("fs");
const childProcess = require("child_process");

const [extensionPath, scenarioPath] = process.argv.slice(2);
const scenario = JSON.parse(fs.readFileSync(scenarioPath, "utf8"));
const record = { issues: [], logs: [], selected: [], centered: [], active: [], ran: [] };

function signal() {
    const slots = [];
    return { connect: (f) => slots.push(f), emit: (v) => slots.forEach((f) => f(v)) };
}

function makeLayer(spec, map) {
    if (spec.kind === "group") {
        const children = spec.layers.map((child) => makeLayer(child, map));
        return { isGroupLayer: true, isObjectLayer: false, name: spec.name,
                 layerCount: children.length, layerAt: (i) => children[i] };
    }
    const layer = { isGroupLayer: false, isObjectLayer: spec.kind === "objects", name: spec.name };
    layer.objects = (spec.objects || []).map((o) => ({ id: o.id, x: o.x, y: o.y, layer }));
    return layer;
}

const map = { isTileMap: true, fileName: scenario.fileName, tileWidth: scenario.tileWidth,
              tileHeight: scenario.tileHeight, selectedObjects: [], currentLayer: null };
const top = scenario.layers.map((spec) => makeLayer(spec, map));
map.layerCount = top.length;
map.layerAt = (i) => top[i];

const view = { centerOn: (x, y) => record.centered.push([x, y]) };
const tiled = {
    assetSaved: signal(),
    assetOpened: signal(),
    mapEditor: { currentMapView: view },
    set activeAsset(asset) { record.active.push(asset.fileName); },
    error: (text, activated) => record.issues.push({ kind: "error", text, activated }),
    warning: (text, activated) => record.issues.push({ kind: "warning", text, activated }),
    log: (text) => record.logs.push(text),
};

// Tiled's Process: exec(program, args, throwOnError) -> exit code; output read afterwards.
function Process() { this.out = ""; this.err = ""; }
Process.prototype.exec = function (program, args) {
    const command = program === "rififi" ? scenario.rififi : [program];
    record.ran.push([program, ...args]);
    const done = childProcess.spawnSync(command[0], [...command.slice(1), ...args],
                                        { encoding: "utf8" });
    if (done.error) return -2;  // what Tiled returns when the program cannot start
    this.out = done.stdout; this.err = done.stderr;
    return done.status;
};
Process.prototype.readStdOut = function () { return this.out; };
Process.prototype.readStdErr = function () { return this.err; };

global.tiled = tiled;
global.Process = Process;
const extension = require(extensionPath);
extension.install(tiled, Process);
tiled.assetSaved.emit(map);

const result = { issues: [], logs: record.logs, ran: record.ran };
for (const issue of record.issues) {
    record.selected.length = 0; record.centered.length = 0; record.active.length = 0;
    map.selectedObjects = [];
    if (issue.activated) issue.activated();
    result.issues.push({
        kind: issue.kind,
        text: issue.text,
        selected: map.selectedObjects.map((o) => o.id),
        currentLayer: map.currentLayer ? map.currentLayer.name : null,
        centered: record.centered.slice(),
        active: record.active.slice(),
    });
}
process.stdout.write(JSON.stringify(result));
