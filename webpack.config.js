/* eslint-env node */
/**
 * Builds the add-in into dist/:
 *   taskpane.html + taskpane.js  the task pane inside Excel (office.js from Microsoft's CDN, as required)
 *   preview.html  + preview.js   the same pane against an in-memory workbook, with a local office.js
 *   checker.html  + checker.js   推荐汇总助手 网页版: the same pane checking a district's file outside Excel, no office.js
 *   commands.html                the FunctionFile the ribbon button's manifest entry needs
 *   manifest.xml, assets/        the manifest (dev URL, or the production URL in production mode) and icons
 *
 * Called by the webpack CLI (`webpack --mode production`) and by the test harness
 * (test/browser/global-setup.ts), which passes env.outDir to build into a temp directory.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
// CHANGE THIS (or set HUIZONG_URL_PROD) to where the production build is deployed; it must end with "/".
const urlProdDefault = "https://huizong.example.com/";

/** The production URL: HUIZONG_URL_PROD when set, the placeholder otherwise. */
function productionUrl() {
  const url = process.env.HUIZONG_URL_PROD || urlProdDefault;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`HUIZONG_URL_PROD must be an https:// URL ending with "/", got ${JSON.stringify(url)}`);
  }
  return url;
}

/** The manifest with every development URL replaced by the deployment URL (the yo office way). */
function manifestFor(xml, baseUrl) {
  return xml.split(urlDev).join(baseUrl);
}

// The preview runs outside Office: it loads this local copy of office.js (Office.onReady then
// resolves with host null). office.js looks for o15apptofilemappingtable.js and its string
// tables beside itself, so those are copied along.
const officeJsDir = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "zh-cn/office_strings.js", "en-us/office_strings.js"];

// Outside Office, o15apptofilemappingtable.js creates a logger that, 3 s later, loads an iframe from
// Microsoft's telemetry service (telemetryservice.firstpartyapps.oaspapps.com). The preview
// promises that nothing leaves localhost, so it disarms that logger as soon as it exists.
const DISARM_OFFICE_TELEMETRY = `(function () {
  var tries = 0;
  var timer = setInterval(function () {
    var osf = window.OSF, loggers = [window.Logger, osf && osf.Logger];
    for (var i = 0; i < loggers.length; i++) {
      var uls = loggers[i] && loggers[i].ulsEndpoint;
      if (uls) { uls.loadProxyFrame = function () {}; uls.writeLog = function () {}; clearInterval(timer); return; }
    }
    if (++tries > 1500) clearInterval(timer);
  }, 20);
})();`;

/** Adds the local office.js (and the telemetry disarm) ahead of the bundle, in the preview page only. */
class LocalOfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("LocalOfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTags.tap("LocalOfficeJsPlugin", (data) => {
        if (data.outputName === "preview.html") {
          data.assetTags.scripts.unshift(
            HtmlWebpackPlugin.createHtmlTagObject("script", { src: "office-js/office.js" }),
            HtmlWebpackPlugin.createHtmlTagObject("script", {}, DISARM_OFFICE_TELEMETRY),
          );
        }
        return data;
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "development";
  const production = mode === "production";
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  const baseUrl = production ? productionUrl() : urlDev;
  if (production && !process.env.HUIZONG_URL_PROD) {
    console.warn(`[huizong] HUIZONG_URL_PROD is not set: dist/manifest.xml points at the placeholder ${baseUrl} — set it to your deployment URL before publishing.`);
  }

  return {
    mode,
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
      checker: "./src/preview/checker.tsx",
    },
    context: __dirname,
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs the transpile.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        title: "推荐汇总助手 · 预览",
        chunks: ["preview"],
      }),
      // The standalone checker: the preview's page without its samples or office.js, so it works
      // where Microsoft's CDN is blocked and from the dist folder opened on disk.
      new HtmlWebpackPlugin({
        filename: "checker.html",
        template: "./src/preview/preview.html",
        title: "推荐汇总助手 网页版",
        chunks: ["checker"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: [],
        inject: false,
        templateContent: [
          "<!doctype html>",
          '<html lang="zh-CN"><head><meta charset="UTF-8" /><title>推荐汇总助手</title>',
          '<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
          "<script>Office.onReady(function () {});</script>",
          "</head><body></body></html>",
        ].join("\n"),
      }),
      new LocalOfficeJsPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? manifestFor(content.toString(), baseUrl) : content),
          },
          // Copied as Microsoft ships them: not minified again.
          ...OFFICE_JS_FILES.map((file) => ({ from: path.join(officeJsDir, file), to: `office-js/${file}`, info: { minimized: true } })),
        ],
      }),
    ],
    devServer: {
      // `npm run dev-server`: rebuild on change and serve on https://localhost:3000 with the
      // office-addin-dev-certs certificates (npm start serves the built dist/ instead).
      port: 3000,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: devServerHttpsOptions() },
      static: false,
    },
  };
};

/** The dev certificates, when office-addin-dev-certs has made them; webpack-dev-server makes its own otherwise. */
function devServerHttpsOptions() {
  const fs = require("node:fs");
  const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return {};
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports.urlDev = urlDev;
module.exports.manifestFor = manifestFor;
module.exports.productionUrl = productionUrl;
