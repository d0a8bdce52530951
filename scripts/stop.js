#!/usr/bin/env node
/* eslint-env node */
/**
 * `npm stop` — stops what `npm start` started: the server whose process id is in .run/server.json,
 * and the sideload of dist/manifest.xml (office-addin-debugging stop) where one was made.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { DIST, STATE_FILE, readState, isAlive, isOurServer, say, fail } = require("./run-state");

async function stopServer(pid) {
  if (!isAlive(pid)) {
    say(`服务进程 ${pid} 已不在运行。 / Server process ${pid} was no longer running.`);
    return;
  }
  if (!isOurServer(pid)) {
    say(`进程 ${pid} 已不是本项目的服务（进程号被复用），不结束它。 / Process ${pid} is no longer our server (pid reused): left alone.`);
    return;
  }
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 5000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  say(`已停止服务进程 ${pid}。 / Stopped server process ${pid}.`);
}

/** office-addin-debugging reports failure in its text and still exits 0, so the text decides. */
function unregisterSideload() {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const result = spawnSync(process.execPath, [cli, "stop", path.join(DIST, "manifest.xml"), "desktop"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
  if (output) say(output.replace(/^/gm, "    office-addin-debugging │ "));
  if (result.status !== 0 || /unable to|error:/i.test(output)) {
    fail("取消旁加载失败，见上方输出；可在 Excel 的“我的加载项”中手动删除。 / Unregistering the sideload failed (see above); remove it under My Add-ins in Excel.");
  }
  say("已取消旁加载。 / Sideload unregistered.");
}

async function main() {
  const state = readState();
  if (!state) {
    say("没有找到 npm start 启动的服务（.run/server.json 不存在），无需停止。 / Nothing started by npm start is running (no .run/server.json).");
    return;
  }
  await stopServer(state.pid);
  if (state.sideloaded) unregisterSideload();
  else say("本次没有旁加载，无需取消。 / Nothing was sideloaded, so nothing to unregister.");
  fs.rmSync(STATE_FILE, { force: true });
}

main().catch((err) => fail(String((err && err.stack) || err)));
