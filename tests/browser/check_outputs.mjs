// Loads extractor's HTML and Markdown outputs in headless Chromium with
// scripts enabled and reports anything that could run: a dialog, a page
// error or console error, a request for anything but http(s), an element
// or attribute the renderers never write, an event handler, a link or image
// whose URL the browser itself parses to a scheme other than http, https
// (and mailto for links). Markdown is first rendered to HTML by markdown-it
// (CommonMark) with raw HTML allowed and its own link filter turned off, so
// that what is tested is our escaping, not the renderer's.
//
//   node tests/browser/check_outputs.mjs [--expect-unsafe] PATH...
//
// PATH: files (*.html, *.md) or directories searched for them. Exit 0 when
// every output is safe; 1 with a line per finding; 77 (ctest's "skipped")
// when Chromium or the node modules are missing. With --expect-unsafe every
// input must instead produce a finding (the harness's own control: it must
// catch a hostile page). Environment: EXTRACTOR_BROWSER_MODULES (the
// node_modules of tests/browser/package.json; default build/browser/
// node_modules), CHROMIUM (default /usr/bin/chromium).
import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(process.env.EXTRACTOR_BROWSER_MODULES ||
  join(here, "../../build/browser/node_modules"));
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(join(modules, "playwright-core")) || !existsSync(chromium)) {
  console.error(`check_outputs: skipped: needs ${chromium} (apt-get install chromium) and ` +
    `${modules} (npm ci --prefix build/browser with tests/browser/package.json)`);
  process.exit(77);
}
const require = createRequire(join(modules, "noop.js"));
const { chromium: launcher } = require("playwright-core");
const MarkdownIt = require("markdown-it");

const args = process.argv.slice(2);
const expectUnsafe = args[0] === "--expect-unsafe";
const paths = expectUnsafe ? args.slice(1) : args;
if (paths.length === 0) {
  console.error("usage: check_outputs.mjs [--expect-unsafe] PATH...");
  process.exit(2);
}

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.(html|md)$/.test(path)) {
    out.push(path);
  }
  return out;
}
const files = paths.flatMap((p) => collect(p, []));

// Raw HTML on, the renderer's own link filter off: ours must hold without
// it. Bare URLs in text become links as GitHub's renderer makes them
// (http, https, www., e-mail addresses; not ftp:).
const md = new MarkdownIt({ html: true, linkify: true });
md.validateLink = () => true;
md.linkify.add("ftp:", null);

function documentOf(file) {
  const raw = readFileSync(file, "utf8");
  const body = file.endsWith(".md") ? md.render(raw) : raw;
  return "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>" + body +
    "</body></html>";
}

// Runs inside the page: every element, attribute and URL judged, every
// inline handler given its event.
function inspect() {
  const tags = new Set(["HTML", "HEAD", "BODY", "META", "P", "H1", "H2", "H3", "H4", "H5", "H6",
    "UL", "OL", "LI", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "PRE", "CODE", "FIGURE",
    "IMG", "FIGCAPTION", "BLOCKQUOTE", "BR", "HR", "A", "EM", "STRONG", "DEL", "S"]);
  const attributes = { A: ["href", "title"], IMG: ["src", "alt", "title"], OL: ["start"],
    META: ["charset"] };
  const xhtml = "http://www.w3.org/1999/xhtml";
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    if (el.namespaceURI !== xhtml || !tags.has(el.tagName)) {
      found.push(`element <${el.tagName.toLowerCase()}>`);
    }
    for (const attr of el.attributes) {
      if (!(attributes[el.tagName] || []).includes(attr.name)) {
        found.push(`attribute ${attr.name} on <${el.tagName.toLowerCase()}>`);
      }
    }
    const url = el.tagName === "A" ? el.getAttribute("href")
      : el.tagName === "IMG" ? el.getAttribute("src") : null;
    if (url !== null) {
      let protocol = null;
      try {
        protocol = new URL(url, "https://base.invalid/").protocol;
      } catch (e) {
        // A URL the browser cannot parse ("https://:0") goes nowhere.
      }
      const ok = el.tagName === "A" ? ["http:", "https:", "mailto:"] : ["http:", "https:"];
      if (protocol !== null && !ok.includes(protocol)) {
        found.push(`${el.tagName.toLowerCase()} URL ${protocol} ${url}`);
      }
    }
    for (const type of ["mouseover", "mouseenter", "focus", "load", "error"]) {
      el.dispatchEvent(new Event(type));
    }
    // Clicks everywhere but on links, which would leave the page (their
    // URLs are judged above).
    if (!el.closest("a")) el.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  }
  return found;
}

const browser = await launcher.launch({
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ javaScriptEnabled: true });
let findings = [];
page.on("dialog", (d) => {
  findings.push(`dialog ${d.type()}: ${d.message()}`);
  d.dismiss().catch(() => {});
});
page.on("pageerror", (e) => findings.push(`page error: ${e.message}`));
page.on("console", (m) => {
  if (m.type() === "error") findings.push(`console error: ${m.text()}`);
});
let requests = 0;
await page.route("**/*", (route) => {
  const url = route.request().url();
  if (/^https?:/i.test(url)) {
    requests += 1;
    return route.fulfill({ status: 204, body: "" });
  }
  findings.push(`request ${url.slice(0, 80)}`);
  return route.abort();
});

let failed = 0;
let caught = 0;
for (const file of files) {
  findings = [];
  try {
    await page.setContent(documentOf(file), { waitUntil: "load", timeout: 15000 });
    findings.push(...await page.evaluate(inspect));
    await page.waitForTimeout(0);
  } catch (e) {
    findings.push(`load failed: ${e.message.split("\n")[0]}`);
  }
  if (findings.length > 0) caught += 1;
  if (expectUnsafe) {
    if (findings.length === 0) {
      failed += 1;
      console.log(`${file}: expected findings, got none`);
    }
  } else if (findings.length > 0) {
    failed += 1;
    for (const f of findings.slice(0, 10)) console.log(`${file}: ${f}`);
  }
}
await browser.close();
console.log(`check_outputs: ${files.length} outputs loaded, ${caught} with findings, ` +
  `${requests} http(s) requests answered locally` + (expectUnsafe ? " (control run)" : ""));
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
