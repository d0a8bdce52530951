#!/usr/bin/env node
"use strict";
// The command is compiled by `npm run build:cli` (tsc -p tsconfig.cli.json) into dist-cli/.
let cli;
try {
  cli = require("../dist-cli/cli/huizong.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist-cli/cli/huizong.js")) {
    process.stderr.write("huizong: 尚未构建命令行，请先运行 npm run build:cli / the CLI is not built yet: run npm run build:cli\n");
    process.exit(2);
  }
  throw e;
}
cli.run();
