#!/usr/bin/env node
/* eslint-env node */
/**
 * Serves the built add-in (dist/) on localhost — over HTTPS when given certificate files, over
 * HTTP otherwise. `npm start` runs this in the background and `npm stop` ends it by process id.
 *
 *   node scripts/serve.js --root dist --port 3000 [--cert localhost.crt --key localhost.key [--ca ca.crt]]
 *
 * The browser tests serve their build with the same request handler (test/browser/static-server.ts).
 */
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || argv[i + 1] === undefined) throw new Error(`bad argument: ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return args;
}

/** Serves the files below `root` (an absolute path); "/" is preview.html. */
function staticFileHandler(root) {
  return (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // Nothing outside the build directory, whatever the URL says.
    const file = path.normalize(path.join(root, pathname === "/" ? "preview.html" : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}\n`);
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "content-length": st.size,
        "cache-control": "no-store",
        // Office loads the pane from an iframe on Microsoft's origin in Excel on the web.
        "access-control-allow-origin": "*",
      });
      fs.createReadStream(file).pipe(res);
    });
  };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(args.root || "dist");
  const port = Number(args.port || 3000);
  if (!fs.existsSync(path.join(root, "preview.html"))) {
    console.error(`serve: ${root} holds no preview.html — build first (npm run build:dev).`);
    process.exit(1);
  }
  const server = args.cert
    ? https.createServer(
        { cert: fs.readFileSync(args.cert), key: fs.readFileSync(args.key), ...(args.ca ? { ca: fs.readFileSync(args.ca) } : {}) },
        staticFileHandler(root),
      )
    : http.createServer(staticFileHandler(root));
  server.on("error", (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`serve: ${args.cert ? "https" : "http"}://localhost:${port}/ → ${root} (pid ${process.pid})`);
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      console.log(`serve: ${signal}, stopping`);
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
    });
  }
}

module.exports = { staticFileHandler };

if (require.main === module) main();
