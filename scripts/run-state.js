/* eslint-env node */
/** What `npm start` leaves for `npm stop`: .run/server.json (process id, URLs, sideload) and the server log. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const RUN_DIR = path.join(ROOT, ".run");
const STATE_FILE = path.join(RUN_DIR, "server.json");
const LOG_FILE = path.join(RUN_DIR, "server.log");

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

/** True while the process exists (signal 0 only asks). */
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** On Linux, whether the pid is still our server and not a recycled id; elsewhere assume so. */
function isOurServer(pid) {
  if (process.platform !== "linux") return isAlive(pid);
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").some((arg) => arg.endsWith(path.join("scripts", "serve.js")));
  } catch {
    return false;
  }
}

function say(text) {
  process.stdout.write(`${text}\n`);
}

function fail(text) {
  process.stderr.write(`\n✗ ${text}\n`);
  process.exit(1);
}

module.exports = { ROOT, DIST, RUN_DIR, STATE_FILE, LOG_FILE, readState, isAlive, isOurServer, say, fail };
