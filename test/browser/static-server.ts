/**
 * Serves the built add-in on 127.0.0.1 with an ephemeral port for the browser tests, with the same
 * request handler `npm start` uses (scripts/serve.js).
 */
import { createServer, type RequestListener } from "node:http";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { AddressInfo } from "node:net";

const require = createRequire(import.meta.url);
const { staticFileHandler } = require("../../scripts/serve.js") as { staticFileHandler: (root: string) => RequestListener };

export interface StaticServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<StaticServer> {
  const server = createServer(staticFileHandler(resolve(root)));
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
