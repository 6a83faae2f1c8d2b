// Loads explain views (extractor --explain) in headless Chromium, scripts
// enabled, and checks them from the DOM after load and from screenshots:
//
//  - no request leaves the file (every request is recorded; only the file
//    itself may be asked for) and the console holds no error (a refused
//    load or script would be one);
//  - no page script runs: the DevTools protocol reports every script the
//    page's main world parses (inline, handlers, javascript: URLs) while it
//    loads, and there must be none; no dialog opens; the DOM holds no
//    script, frame, object, handler or URL. The same view is loaded again
//    with its Content-Security-Policy bypassed: the page must be inert
//    without it too;
//  - each kept paragraph (the CLI's JSON blocks: label content, kind
//    paragraph) has a box with the body tint, in the DOM and as the most
//    common colour of its box in a screenshot; the boxes of the donation
//    and newsletter texts named below have theirs. Tints are read from the
//    legend, so that a reader matching the legend to the boxes is right;
//  - hovering and focusing a box shows its card, which holds the reason the
//    JSON gives for the block; the card shows in the screenshot;
//  - the first Tab reaches the skip link, the second the first box;
//  - blocks the page's own CSS hides are marked hidden in the panel (and
//    the others not), elements its markup hides are listed, and each shows
//    when its link is followed.
//
//   node tests/browser/check_explain.mjs DIR
//
// DIR holds, for each page NAME: NAME.explain.html (the view), NAME.json
// (extractor --format json --blocks) and, for the control, NAME.html (the
// page itself, which must be caught running script or asking for files
// when it has any). Exit 0 when all holds, 1 with a line per failure, 77
// (ctest's "skipped") without Chromium or the node modules.
// Environment: EXTRACTOR_BROWSER_MODULES, CHROMIUM (see check_outputs.mjs).
import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(process.env.EXTRACTOR_BROWSER_MODULES ||
  resolve(here, "../../build/browser/node_modules"));
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(join(modules, "playwright-core")) || !existsSync(chromium)) {
  console.error(`check_explain: skipped: needs ${chromium} (apt-get install chromium) and ` +
    `${modules} (npm ci --prefix build/browser with tests/browser/package.json)`);
  process.exit(77);
}
const require = createRequire(join(modules, "noop.js"));
const { chromium: launcher } = require("playwright-core");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: check_explain.mjs DIR");
  process.exit(2);
}

// Boxes that must have a given part's tint, by words of their own (the
// fixture pages of tests/data). Independent of what the view says.
const expectedParts = {
  "news-seed": {
    donation: ["Freedom can be costly", "Support independent journalism in Ukraine. Join us"],
    newsletter: ["News from Ukraine in your inbox", "Thank you for signing up for this newsletter"],
  },
  "styled-hidden-boxes": {
    donation: ["Support local reporting: donate to keep our newsroom open."],
    newsletter: ["The Tide Table: our morning newsletter, straight to your inbox."],
  },
  "cookie-banner-long": {
    cookie: ["We value your privacy"],
  },
};
// Texts of boxes the page's own style sheets hide, and of boxes they do not.
const hiddenByCss = {
  "styled-hidden-boxes": {
    hidden: ["Before you go: subscribe to the Tide Table newsletter"],
    shown: ["The Tide Table: our morning newsletter", "Engineers said the flood gates held"],
  },
};
// Elements the page's markup hides, listed as hidden in the panel.
const hiddenByMarkup = {
  "styled-hidden-boxes": ["Corrections are listed at the foot of the page", "End of article"],
};

const failures = [];
const fail = (name, what) => failures.push(`${name}: ${what}`);
const norm = (s) => s.replace(/\s+/g, " ").trim();

const browser = await launcher.launch({
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// A page that decodes screenshots (PNG) into colour counts.
const decoder = await (await browser.newContext()).newPage();
async function dominantColour(png) {
  return decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = `rgb(${d[i]}, ${d[i + 1]}, ${d[i + 2]})`;
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let best = null;
    let n = 0;
    for (const [k, v] of counts) if (v > n) { best = k; n = v; }
    return { colour: best, share: n / (d.length / 4) };
  }, png.toString("base64"));
}

// Opens `url` in a fresh context and records what it asks for, what it
// runs and what it says. Returns the page and the record.
async function open(url, { bypassCSP = false } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP,
    viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const seen = { requests: [], scripts: 0, dialogs: [], errors: [], console: [] };
  page.on("request", (r) => {
    if (r.url() !== url) seen.requests.push(r.url().slice(0, 100));
  });
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("console", (m) => seen.console.push(`${m.type()}: ${m.text()}`.slice(0, 160)));
  await context.route("**/*", (route) =>
    route.request().url() === url ? route.continue() : route.abort());
  // Every script the page's own world parses while it loads.
  const cdp = await context.newCDPSession(page);
  const mainWorlds = new Set();
  cdp.on("Runtime.executionContextCreated", (e) => {
    if (e.context.auxData && e.context.auxData.isDefault) mainWorlds.add(e.context.id);
  });
  let loading = true;
  cdp.on("Debugger.scriptParsed", (e) => {
    if (loading && mainWorlds.has(e.executionContextId)) seen.scripts += 1;
  });
  await cdp.send("Runtime.enable");
  await cdp.send("Debugger.enable");
  await page.goto(url, { waitUntil: "load", timeout: 30000 });
  await page.waitForTimeout(100);  // timers a page might set
  loading = false;
  await cdp.send("Debugger.disable");
  return { page, seen, context };
}

// What may run, load or submit, in the view's DOM.
function activeContent() {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["script", "iframe", "frame", "object", "embed", "applet", "base", "link", "form",
      "noscript", "template", "portal"].includes(tag)) found.push(`element <${tag}>`);
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) found.push(`handler ${a.name} on <${tag}>`);
      if (["src", "srcset", "action", "formaction", "poster", "background", "data",
        "xlink:href", "ping", "srcdoc"].includes(a.name)) found.push(`${a.name} on <${tag}>`);
      if (a.name === "href" && !a.value.startsWith("#")) found.push(`href ${a.value}`);
      if (/javascript:|vbscript:|data:/i.test(a.value) && a.name !== "data-exv-card") {
        found.push(`${a.name}="${a.value.slice(0, 60)}" on <${tag}>`);
      }
    }
  }
  if (document.scripts.length > 0) found.push("document.scripts");
  return found;
}

// The positions among the [data-exv] boxes of those whose text holds
// `words`, innermost last.
function boxesWith(words) {
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  const out = [];
  document.querySelectorAll("[data-exv]").forEach((el, i) => {
    if (norm(el.textContent).includes(words)) out.push(i);
  });
  return out;
}
const boxAt = (page, i) => page.locator("[data-exv]").nth(i);

async function tintsOf(page) {
  return page.evaluate(() => {
    const t = {};
    for (const li of document.querySelectorAll("#exv-panel li[data-exv-part]")) {
      const sw = li.querySelector(".exv-sw");
      if (sw) t[li.dataset.exvPart] = getComputedStyle(sw).backgroundColor;
    }
    return t;
  });
}

// The box's colour in the DOM and in a screenshot of it.
async function boxColours(page, i) {
  const box = boxAt(page, i);
  await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const dom = await box.evaluate((el) => getComputedStyle(el).backgroundColor);
  const rect = await box.boundingBox();
  if (!rect || rect.width < 2 || rect.height < 2) return { dom, shot: null };
  const png = await page.screenshot({ clip: rect });
  return { dom, shot: await dominantColour(png) };
}

const names = readdirSync(dir).filter((f) => f.endsWith(".explain.html"))
  .map((f) => f.slice(0, -".explain.html".length)).sort();
let boxesChecked = 0;
let controls = 0;
for (const name of names) {
  const viewUrl = pathToFileURL(resolve(dir, `${name}.explain.html`)).href;
  const json = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
  // --- inert, with the policy and without it -----------------------------------------
  for (const bypassCSP of [false, true]) {
    const how = bypassCSP ? " (policy bypassed)" : "";
    const { page, seen, context } = await open(viewUrl, { bypassCSP });
    for (const r of seen.requests) fail(name, `request left the file${how}: ${r}`);
    if (seen.scripts > 0) fail(name, `${seen.scripts} page scripts parsed${how}`);
    for (const d of seen.dialogs) fail(name, `dialog${how}: ${d}`);
    for (const e of seen.errors) fail(name, `page error${how}: ${e}`);
    for (const c of seen.console) fail(name, `console${how}: ${c}`);
    for (const a of await page.evaluate(activeContent)) fail(name, `${a}${how}`);
    if (bypassCSP) {
      await context.close();
      continue;
    }
    // --- keyboard -------------------------------------------------------------------------
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement.getAttribute("href"));
    await page.keyboard.press("Tab");
    const second = await page.evaluate(() => {
      const a = document.activeElement;
      return a.hasAttribute("data-exv") && a === document.querySelector("[data-exv]");
    });
    if (first !== "#exv-panel") fail(name, `first Tab reaches ${first}, not the skip link`);
    if (!second) fail(name, "second Tab does not reach the first box");
    // --- tints ------------------------------------------------------------------------
    const tints = await tintsOf(page);
    if (!tints.body || !tints.donation || !tints.newsletter) {
      fail(name, `legend tints missing: ${JSON.stringify(tints)}`);
    }
    if (new Set(Object.values(tints)).size < 10) fail(name, "legend tints not distinct");
    const checkBox = async (words, part) => {
      const ids = await page.evaluate(boxesWith, norm(words).slice(0, 80));
      if (ids.length === 0) {
        fail(name, `no box holds "${words.slice(0, 50)}"`);
        return null;
      }
      const id = ids[ids.length - 1];
      const { dom, shot } = await boxColours(page, id);
      boxesChecked += 1;
      if (dom !== tints[part]) fail(name, `"${words.slice(0, 40)}": ${dom}, not the ${part} tint ${tints[part]}`);
      if (!shot || shot.colour !== tints[part]) {
        fail(name, `"${words.slice(0, 40)}" in the screenshot: ${shot && shot.colour} ` +
          `(${shot && Math.round(shot.share * 100)} %), not the ${part} tint ${tints[part]}`);
      }
      return id;
    };
    const kept = json.blocks.filter((b) => b.label === "content" && b.kind === "paragraph");
    for (const b of kept) await checkBox(b.text, "body");
    for (const [part, texts] of Object.entries(expectedParts[name] || {})) {
      for (const t of texts) await checkBox(t, part);
    }
    // --- cards on hover and focus --------------------------------------------------------
    const samples = [kept[0], ...json.blocks.filter((b) => b.label !== "content" &&
      (expectedParts[name] || {}).donation?.some((t) => norm(b.text).includes(t)))].filter(Boolean);
    for (const b of samples.slice(0, 2)) {
      const ids = await page.evaluate(boxesWith, norm(b.text).slice(0, 80));
      if (ids.length === 0) continue;
      const box = boxAt(page, ids[ids.length - 1]);
      await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const rect = await box.boundingBox();
      const below = { x: rect.x, y: rect.y + rect.height, width: Math.min(320, rect.width), height: 40 };
      const before = await page.screenshot({ clip: below });
      await box.hover({ force: true, timeout: 5000 });
      const card = await box.evaluate((el) => getComputedStyle(el, "::after").content);
      const after = await page.screenshot({ clip: below });
      if (!card.includes(`reason ${b.reason}`)) fail(name, `hover card "${card.slice(0, 80)}" lacks "reason ${b.reason}"`);
      if (before.equals(after)) fail(name, `hover card of "${b.text.slice(0, 30)}" not in the screenshot`);
      const white = await dominantColour(after);
      if (white.colour !== "rgb(255, 255, 255)") fail(name, `hover card not drawn (${white.colour})`);
      await page.mouse.move(1395, 5);
      await box.focus();
      const focused = await box.evaluate((el) => getComputedStyle(el, "::after").content);
      if (!focused.includes(`reason ${b.reason}`)) fail(name, `focus card lacks "reason ${b.reason}"`);
      await box.evaluate((el) => el.blur());
    }
    // --- hidden ---------------------------------------------------------------------------
    const css = hiddenByCss[name];
    if (css) {
      // The mark is drawn by CSS counters: it has a width when it says "hidden".
      await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = true; });
      const marks = await page.evaluate(() => {
        const norm = (s) => s.replace(/\s+/g, " ").trim();
        return [...document.querySelectorAll("#exv-panel ol.exv-blocks > li")].map((li) => ({
          text: norm(li.querySelector("a") ? li.querySelector("a").textContent : li.textContent),
          hidden: (li.querySelector(".exv-vis")?.getBoundingClientRect().width || 0) > 10,
        }));
      });
      for (const t of css.hidden) {
        const m = marks.find((x) => x.text.startsWith(t.slice(0, 40)));
        if (!m || !m.hidden) fail(name, `"${t}" not marked hidden in the panel`);
      }
      for (const t of css.shown) {
        const m = marks.find((x) => x.text.startsWith(t.slice(0, 40)));
        if (!m || m.hidden) fail(name, `"${t}" marked hidden in the panel`);
      }
    }
    for (const t of hiddenByMarkup[name] || []) {
      const href = await page.evaluate((t) => {
        for (const a of document.querySelectorAll("#exv-panel a")) {
          if (a.textContent.startsWith(t.slice(0, 40)) &&
              a.nextElementSibling?.textContent === "hidden") return a.getAttribute("href");
        }
        return null;
      }, t);
      if (!href) {
        fail(name, `"${t}" not listed as hidden`);
        continue;
      }
      const id = decodeURIComponent(href.slice(1));
      const size = async () => page.evaluate((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.width * r.height;
      }, id);
      const hiddenSize = await size();
      await page.evaluate((h) => { location.hash = h; }, href);
      const shownSize = await size();
      if (!(hiddenSize <= 1 && shownSize > 100)) {
        fail(name, `"${t}": its link does not show it (${hiddenSize} -> ${shownSize})`);
      }
    }
    await context.close();
  }
  // --- the control: the page itself runs and asks -------------------------------------
  const raw = join(dir, `${name}.html`);
  if (existsSync(raw)) {
    const text = readFileSync(raw, "latin1");
    const { seen, context } = await open(pathToFileURL(resolve(raw)).href);
    const runs = /<script(?![^>]*ld\+json)[^>]*>\s*\S/i.test(text) || /\son\w+\s*=/i.test(text);
    const asks = /<(?:script|img|link)[^>]+(?:src|href)\s*=\s*["']?[^"'#\s>]/i.test(text);
    if (runs && seen.scripts === 0) fail(name, "control: the page's own scripts were not seen running");
    if (asks && seen.requests.length === 0) fail(name, "control: the page's own requests were not seen");
    controls += (runs ? 1 : 0) + (asks ? 1 : 0);
    await context.close();
  }
}
await browser.close();
for (const f of failures) console.log(f);
console.log(`check_explain: ${names.length} views, ${boxesChecked} boxes checked, ` +
  `${controls} control checks on the pages themselves, ${failures.length} failures`);
process.exit(failures.length > 0 || names.length === 0 ? 1 : 0);
