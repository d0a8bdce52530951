#!/usr/bin/env node
/* eslint-env node */
/**
 * `npm start` — as in yo office: build, serve over HTTPS on localhost:3000, sideload into desktop
 * Excel with office-addin-debugging. Where a step cannot be done here it says so and does the rest:
 *   - no trusted dev certificate (office-addin-dev-certs needs sudo/admin to install its CA):
 *     serve over HTTP and explain how to get HTTPS;
 *   - no sideload (Linux, or no desktop Excel): explain how to sideload in Excel on the web, and
 *     point to the preview page, which runs the same task pane on a bundled sample.
 * The server runs in the background; its process id is kept in .run/server.json for `npm stop`.
 *
 *   npm start                  build, serve, sideload where possible
 *   npm run preview            build and serve the preview only (HTTP, no certificates, no sideload)
 */
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const net = require("node:net");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { ROOT, DIST, RUN_DIR, STATE_FILE, LOG_FILE, readState, isAlive, isOurServer, say, fail } = require("./run-state");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const previewOnly = process.argv.includes("--preview-only");

/** True when something already accepts connections on the port. */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function build() {
  say("\n[1/4] 构建加载项（webpack，开发模式） / Building the add-in (webpack, development mode)…");
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const result = spawnSync(process.execPath, [cli, "--mode", "development"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) fail("构建失败，见上方 webpack 的输出。 / The build failed: see webpack's output above.");
  for (const file of ["taskpane.html", "preview.html", "checker.html", "manifest.xml"]) {
    if (!fs.existsSync(path.join(DIST, file))) fail(`构建没有生成 dist/${file}。 / The build did not emit dist/${file}.`);
  }
}

/**
 * The office-addin-dev-certs certificate files, trusted by this machine — or the reason why not.
 * It generates them and installs its CA with sudo (Linux), admin rights (Windows) or the keychain (macOS).
 */
async function devCertificates() {
  say("\n[2/4] 准备 HTTPS 开发证书（office-addin-dev-certs） / Preparing the HTTPS dev certificate (office-addin-dev-certs)…");
  try {
    const certs = require("office-addin-dev-certs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    await Promise.race([
      certs.ensureCertificatesAreInstalled(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer after 120 s")), 120_000).unref()),
    ]);
    return { ok: true, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath, ca: defaults.caCertificatePath };
  } catch (err) {
    return { ok: false, reason: String((err && err.message) || err).trim().split("\n")[0] };
  }
}

function startServer(tls) {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const log = fs.openSync(LOG_FILE, "w");
  const args = [path.join(__dirname, "serve.js"), "--root", DIST, "--port", String(PORT)];
  if (tls) args.push("--cert", tls.cert, "--key", tls.key, "--ca", tls.ca);
  const child = spawn(process.execPath, args, { cwd: ROOT, detached: true, stdio: ["ignore", log, log] });
  child.unref();
  fs.closeSync(log);
  return child.pid;
}

/** Waits until the server answers preview.html with 200. */
async function waitUntilServing(url, pid) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return false;
    const ok = await new Promise((resolve) => {
      const get = url.startsWith("https:") ? https.get : http.get;
      const req = get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * Sideloads dist/manifest.xml into desktop Excel. office-addin-debugging reports failure in its
 * output text and still exits 0 (for example "The current platform is not supported: linux"),
 * so the text decides.
 */
function sideload() {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const result = spawnSync(
    process.execPath,
    [cli, "start", path.join(DIST, "manifest.xml"), "desktop", "--app", "excel", "--no-debug", "--no-live-reload", "--dev-server-port", String(PORT)],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 },
  );
  const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
  if (output) say(output.replace(/^/gm, "    office-addin-debugging │ "));
  const failed = result.status !== 0 || result.error || /unable to|error:|not supported|failed/i.test(output);
  // Its last "Error:" line says why (the first is only "Unable to start debugging.").
  const errors = output.match(/Error:[^\n]*/g) || [];
  const reason = errors.length ? errors[errors.length - 1].replace(/^Error:\s*/, "") : result.error ? String(result.error) : `exit ${result.status}`;
  return { ok: !failed, reason };
}

function printWebSideloadSteps(baseUrl) {
  say(
    [
      "",
      "在网页版 Excel 中旁加载 / Sideload in Excel on the web:",
      "  1. 在浏览器中打开 https://www.office.com ，新建或打开一个工作簿。 / Open a workbook at https://www.office.com.",
      "  2. 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项。 / Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.",
      `  3. 选择 ${path.join(DIST, "manifest.xml")} 并上传。 / Choose that manifest and upload it.`,
      `  网页版 Excel 从本机 ${baseUrl} 加载任务窗格，需要浏览器信任该 HTTPS 证书（运行 npx office-addin-dev-certs install，需 sudo/管理员权限）。`,
      `  Excel on the web loads the pane from ${baseUrl} on this machine, so the browser must trust its HTTPS certificate (npx office-addin-dev-certs install, needs sudo/admin).`,
    ].join("\n"),
  );
}

async function main() {
  say(previewOnly ? "推荐汇总助手：启动预览 / Huizong: starting the preview" : "推荐汇总助手：npm start / Huizong: npm start");

  const previous = readState();
  if (previous && isOurServer(previous.pid)) {
    fail(`已在运行（进程 ${previous.pid}）：${previous.previewUrl}\n先运行 npm stop。 / Already running (pid ${previous.pid}): run npm stop first.`);
  }
  if (previous) fs.rmSync(STATE_FILE, { force: true });
  if (await portInUse(PORT)) {
    fail(`端口 ${PORT} 已被其他程序占用，无法启动。 / Port ${PORT} is already in use by another program.`);
  }

  build();

  let tls = null;
  const cannot = [];
  if (previewOnly) {
    say("\n[2/4] 仅预览：不需要 HTTPS 证书，使用 HTTP。 / Preview only: no certificate needed, serving HTTP.");
  } else {
    const certs = await devCertificates();
    if (certs.ok) {
      tls = certs;
    } else {
      cannot.push(
        `无法安装受信任的 HTTPS 开发证书（${certs.reason}）。office-addin-dev-certs 需要 sudo/管理员权限来信任其根证书；` +
          `现改用 HTTP 提供服务，浏览器预览不受影响，但 Excel 只接受 HTTPS 加载项。要启用 HTTPS：以有 sudo 权限的用户运行 npx office-addin-dev-certs install，再运行 npm start。\n` +
          `  Could not install a trusted HTTPS dev certificate (${certs.reason}). office-addin-dev-certs needs sudo/admin rights to trust its CA; ` +
          `serving over HTTP instead. The preview works, but Excel only loads add-ins over HTTPS: run npx office-addin-dev-certs install as a user with sudo, then npm start again.`,
      );
    }
  }

  const protocol = tls ? "https" : "http";
  const baseUrl = `${protocol}://localhost:${PORT}/`;
  say(`\n[3/4] 启动本地服务 / Starting the local server: ${baseUrl}`);
  const pid = startServer(tls);
  const state = { pid, protocol, port: PORT, baseUrl, previewUrl: `${baseUrl}preview.html`, checkerUrl: `${baseUrl}checker.html`, taskpaneUrl: `${baseUrl}taskpane.html`, manifest: path.join(DIST, "manifest.xml"), sideloaded: false, startedAt: new Date().toISOString() };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2) + "\n");
  if (!(await waitUntilServing(state.previewUrl, pid))) {
    const log = fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, "utf8") : "";
    if (isAlive(pid)) process.kill(pid, "SIGTERM");
    fs.rmSync(STATE_FILE, { force: true });
    fail(`本地服务没有启动。 / The local server did not start.\n${log}`);
  }

  if (previewOnly) {
    say("\n[4/4] 仅预览：不旁加载。 / Preview only: not sideloading.");
  } else if (!tls && process.platform !== "linux") {
    say("\n[4/4] 没有 HTTPS，不旁加载。 / No HTTPS, so no sideload.");
    cannot.push("未旁加载到 Excel：清单中的地址是 https://localhost:3000，需要先有 HTTPS（见上）。 / Not sideloaded into Excel: the manifest points at https://localhost:3000, which needs HTTPS first (see above).");
  } else {
    say("\n[4/4] 旁加载到桌面版 Excel（office-addin-debugging） / Sideloading into desktop Excel (office-addin-debugging)…");
    const result = sideload();
    if (result.ok) {
      state.sideloaded = true;
      fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2) + "\n");
      say("已旁加载：Excel 已打开，在“开始”选项卡点击“推荐汇总助手”。 / Sideloaded: in Excel, click Summary Assistant on the Home tab.");
    } else if (process.platform === "linux") {
      cannot.push(`无法旁加载：Linux 上没有桌面版 Excel，office-addin-debugging 不能在此旁加载（它报告：${result.reason}）。 / Cannot sideload: there is no desktop Excel on Linux and office-addin-debugging cannot sideload here (it reports: ${result.reason}).`);
    } else {
      cannot.push(`旁加载失败（${result.reason}），可手动旁加载，见 README。 / Sideloading failed (${result.reason}); sideload by hand as the README describes.`);
    }
  }

  say("\n────────────────────────────────────────");
  if (cannot.length) {
    say("本次没有做到的 / What could not be done here:");
    for (const line of cannot) say(`  • ${line}`);
  }
  if (!previewOnly && !state.sideloaded) printWebSideloadSteps(`https://localhost:${PORT}/`);
  say(
    [
      "",
      `预览（浏览器中的任务窗格 + 示例名单） / Preview (the task pane on a bundled sample, in any browser):`,
      `  ${state.previewUrl}`,
      `网页版（不用 Excel，检查区县的名单文件） / Web checker (a district's file, no Excel needed):`,
      `  ${state.checkerUrl}`,
      `任务窗格（仅在 Excel 中可用） / Task pane page (works inside Excel only): ${state.taskpaneUrl}`,
      `清单 / Manifest: ${state.manifest}`,
      `服务进程 / Server process: ${pid}（日志 / log: ${path.relative(ROOT, LOG_FILE)}）`,
      "停止：npm stop / Stop: npm stop",
    ].join("\n"),
  );
}

main().catch((err) => fail(String((err && err.stack) || err)));
