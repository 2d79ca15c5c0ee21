/*
 * Rififi in Tiled: when a map is opened or saved, run `rififi check --json` on it and list
 * each problem in Tiled's Issues view; activating an issue selects the object it names (or
 * centres the view on its cell).
 *
 * Tiled loads this file from the project's "extensionsPath" (maps/extensions). It is also
 * loaded by Node in the game's tests, against a stub of Tiled's API: the logic lives in
 * functions that take `tiled` and `Process` as arguments, and only the last lines touch the
 * real globals.
 */

var RIFIFI_PROGRAM = "rififi";

/* The problems of the first map in `rififi check --json` output, or null if unreadable. */
function rififiProblems(stdout) {
    var data;
    try {
        data = JSON.parse(stdout);
    } catch (e) {
        return null;
    }
    if (!data || !data.maps || !data.maps.length)
        return null;
    return data.maps[0].problems || [];
}

/* Every object layer of a map or group, depth first. */
function rififiObjectLayers(container) {
    var found = [];
    for (var i = 0; i < container.layerCount; ++i) {
        var layer = container.layerAt(i);
        if (layer.isObjectLayer)
            found.push(layer);
        else if (layer.isGroupLayer)
            found = found.concat(rififiObjectLayers(layer));
    }
    return found;
}

function rififiFindObject(map, id) {
    var layers = rififiObjectLayers(map);
    for (var i = 0; i < layers.length; ++i) {
        var objects = layers[i].objects;
        for (var j = 0; j < objects.length; ++j)
            if (objects[j].id === id)
                return objects[j];
    }
    return null;
}

/* What activating an issue does: bring the map forward, select and show the culprit. */
function rififiShow(tiled, map, problem) {
    return function () {
        tiled.activeAsset = map;
        var view = tiled.mapEditor && tiled.mapEditor.currentMapView;
        if (problem.object !== null && problem.object !== undefined) {
            var object = rififiFindObject(map, problem.object);
            if (object) {
                map.currentLayer = object.layer;
                map.selectedObjects = [object];
                if (view)
                    view.centerOn(object.x, object.y);
                return;
            }
        }
        if (problem.cell && view)
            view.centerOn((problem.cell[0] + 0.5) * map.tileWidth,
                          (problem.cell[1] + 0.5) * map.tileHeight);
    };
}

/* Check one saved or opened asset; returns how many issues were listed (-1: not run). */
function rififiCheck(tiled, Process, asset) {
    if (!asset || !asset.isTileMap || !/\.tmx$/i.test(asset.fileName || ""))
        return -1;
    var process = new Process();
    var status;
    try {
        status = process.exec(RIFIFI_PROGRAM, ["check", "--json", asset.fileName], false);
    } catch (e) {
        status = -2;
    }
    if (status < 0) {
        tiled.warning("Rififi: cannot run '" + RIFIFI_PROGRAM + "' (install the game so it is on "
                      + "the PATH Tiled is started with)");
        return -1;
    }
    var problems = rififiProblems(process.readStdOut());
    if (problems === null) {
        var why = (process.readStdErr() || "no output").split("\n")[0];
        tiled.warning("Rififi: the check did not run: " + why);
        return -1;
    }
    if (!problems.length) {
        tiled.log("Rififi: " + asset.fileName + " is ok");
        return 0;
    }
    for (var i = 0; i < problems.length; ++i)
        tiled.error(problems[i].line, rififiShow(tiled, asset, problems[i]));
    return problems.length;
}

function rififiInstall(tiled, Process) {
    var check = function (asset) { rififiCheck(tiled, Process, asset); };
    tiled.assetSaved.connect(check);
    tiled.assetOpened.connect(check);
}

if (typeof module !== "undefined" && module.exports) {
    module.exports = {
        problems: rififiProblems,
        findObject: rififiFindObject,
        show: rififiShow,
        check: rififiCheck,
        install: rififiInstall,
    };
} else {
    rififiInstall(tiled, Process);
}
