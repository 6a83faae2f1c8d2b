// A screenshot of an explain view (extractor --explain) as headless Chromium
// draws it: the README's picture, made by `cmake --build build --target
// explain-screenshot`, never edited by hand.
//
//   node tests/browser/screenshot_explain.mjs VIEW.html OUT.png [--top TEXT] [--focus TEXT]
//
// --top TEXT   scroll so that the box holding TEXT is near the top
// --focus TEXT focus the box holding TEXT (its card shows, as Tab would do)
// Environment: EXTRACTOR_BROWSER_MODULES, CHROMIUM (see check_outputs.mjs).
// Exit 77 without Chromium or the node modules.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(process.env.EXTRACTOR_BROWSER_MODULES ||
  resolve(here, "../../build/browser/node_modules"));
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(join(modules, "playwright-core")) || !existsSync(chromium)) {
  console.error(`screenshot_explain: needs ${chromium} and ${modules} ` +
    "(./build.sh test installs both)");
  process.exit(77);
}
const require = createRequire(join(modules, "noop.js"));
const { chromium: launcher } = require("playwright-core");

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : null;
};
const top = option("--top");
const focus = option("--focus");
const [view, out] = args;
if (!view || !out) {
  console.error("usage: screenshot_explain.mjs VIEW.html OUT.png [--top TEXT] [--focus TEXT]");
  process.exit(2);
}

const browser = await launcher.launch({ executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 },
  deviceScaleFactor: 1, javaScriptEnabled: true });
await page.goto(pathToFileURL(resolve(view)).href, { waitUntil: "load" });
// The box holding `text`, innermost.
const box = async (text) => {
  const i = await page.evaluate((t) => {
    let found = -1;
    document.querySelectorAll("[data-exv]").forEach((el, k) => {
      if (el.textContent.replace(/\s+/g, " ").includes(t)) found = k;
    });
    return found;
  }, text);
  if (i < 0) throw new Error(`no box holds "${text}"`);
  return page.locator("[data-exv]").nth(i);
};
if (focus) await (await box(focus)).focus();
if (top) {
  await (await box(top)).evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    window.scrollBy(0, -48);
  });
}
await page.screenshot({ path: out });
await browser.close();
console.log(`screenshot_explain: wrote ${out}`);
