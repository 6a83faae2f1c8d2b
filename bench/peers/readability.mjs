// Readability.js (Mozilla, on jsdom) peer runner, used by run_peers.py.
//
//   node readability.mjs TASKS.json [NODE_MODULES_DIR]
//
// TASKS.json: a JSON list of {"id": ..., "path": ..., "url": ... or null}. For each task, in order,
// prints one JSON line {"id", "text", "title", "author", "date", "seconds", "cpu_seconds"[, "error"]}
// to stdout.
// text = article.textContent, title = article.title, author = article.byline,
// date = article.publishedTime. seconds covers decoding, `new JSDOM(html, {url})` and
// `new Readability(doc).parse()`.
// Charset ($EXTRACTOR_READABILITYJS_CHARSET): "auto" (default) decodes the bytes as UTF-8 when they
// are valid UTF-8, else by the charset a <meta> declares anywhere in the page (WHATWG labels, via
// TextDecoder), and only otherwise hands jsdom the raw Buffer (BOM, <meta> in the first 1024 bytes,
// else windows-1252). "jsdom" always hands jsdom the raw Buffer, as a browser would get it.
// NODE_MODULES_DIR (or $EXTRACTOR_PEERS_NODE_MODULES) is where setup.sh installed jsdom and
// @mozilla/readability; default: <repo>/build/peers/node/node_modules.
import { createRequire } from "node:module";
import { readFileSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tasksPath = process.argv[2];
if (!tasksPath) {
  process.stderr.write("usage: node readability.mjs TASKS.json [NODE_MODULES_DIR]\n");
  process.exit(2);
}
const modules = resolve(process.argv[3] || process.env.EXTRACTOR_PEERS_NODE_MODULES ||
                        join(here, "..", "..", "build", "peers", "node", "node_modules"));
const require = createRequire(join(modules, "noop.js"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const version = name => require(`${name}/package.json`).version;
const tasks = JSON.parse(readFileSync(tasksPath, "utf8"));
const charsetMode = process.env.EXTRACTOR_READABILITYJS_CHARSET || "auto";
if (charsetMode !== "auto" && charsetMode !== "jsdom") {
  process.stderr.write(`EXTRACTOR_READABILITYJS_CHARSET must be auto or jsdom, not ${charsetMode}\n`);
  process.exit(2);
}
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)/i;

// "auto" charset handling: a string for jsdom, or the Buffer when nothing better is known.
function decodeAuto(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);  // strips a UTF-8 BOM
  } catch (e) { /* not UTF-8 */ }
  const ascii = bytes.toString("latin1");
  const m = XML_ENCODING.exec(ascii.slice(0, 1024)) || META_CHARSET.exec(ascii);
  if (m) {
    try {
      const dec = new TextDecoder(m[1]);
      // The HTML standard reads a declared UTF-16 as UTF-8 (the bytes are not UTF-16 then).
      return dec.encoding.startsWith("utf-16") ? bytes.toString("utf8") : dec.decode(bytes);
    } catch (e) { /* unknown label */ }
  }
  return bytes;
}
// jsdom reports CSS parse errors and the like on its virtual console; keep them off our output.
const virtualConsole = new VirtualConsole();

function out(obj) {
  // Synchronous write: a crash on the next page must not lose the lines already produced.
  writeSync(1, JSON.stringify(obj) + "\n");
}

function makeDom(bytes, url) {
  const opts = { virtualConsole, contentType: "text/html" };
  if (url) {
    try {
      return new JSDOM(bytes, { ...opts, url });
    } catch (e) {
      // jsdom rejects URLs that the WHATWG URL parser does not accept; parse without it.
      if (!(e instanceof TypeError)) throw e;
    }
  }
  return new JSDOM(bytes, opts);
}

// Warm up (JIT, lazy initialisation) so that the first page's time is not inflated, then say hello.
try {
  const warm = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Warm up</title></head><body>" +
    "<article><h1>Warm up</h1><p>" + "This is a short paragraph of text used to warm up. ".repeat(20) +
    "</p></article></body></html>";
  const dom = makeDom(Buffer.from(warm), "https://example.com/warm-up");
  new Readability(dom.window.document).parse();
  dom.window.close();
} catch (e) { /* only a warm-up */ }
out({ hello: { "@mozilla/readability": version("@mozilla/readability"), jsdom: version("jsdom"),
               node: process.versions.node } });

for (const task of tasks) {
  const rec = { id: task.id, text: null, title: null, author: null, date: null, seconds: null };
  let bytes;
  try {
    bytes = readFileSync(task.path);
  } catch (e) {
    rec.error = `read: ${e.message}`;
    out(rec);
    continue;
  }
  let dom = null;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  try {
    dom = makeDom(charsetMode === "auto" ? decodeAuto(bytes) : bytes, task.url);
    const article = new Readability(dom.window.document).parse();
    rec.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (article) {
      rec.text = article.textContent ?? "";
      rec.title = article.title ?? null;
      rec.author = article.byline ?? null;
      rec.date = article.publishedTime ?? null;
    } else {
      rec.text = "";  // Readability found no article
    }
  } catch (e) {
    rec.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rec.error = `${e && e.name ? e.name : "Error"}: ${e && e.message ? e.message : String(e)}`;
  } finally {
    if (dom) dom.window.close();
  }
  // CPU time of the process for the page, window.close() included
  // (bench/side_by_side.py reads it: on a shared machine it moves less than
  // the wall time).
  const cpu = process.cpuUsage(c0);
  rec.cpu_seconds = (cpu.user + cpu.system) / 1e6;
  out(rec);
}
