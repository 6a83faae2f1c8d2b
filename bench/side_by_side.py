#!/usr/bin/env python3
"""Side by side: our Python module and the peers, on the same pages, in one run.

    python3 bench/side_by_side.py [--datasets DIR] [--sets a,b] [--every N]
        [--tools extractor,gumbo,trafilatura,readability-lxml,justext,resiliparse,readabilityjs]
        [--chunk 25] [--out DIR] [--eval PATH] [--no-setup] [--no-install] [--markdown]

What it does, in one run:
  1. installs the peers (bench/peers/setup.sh, idempotent) into $EXTRACTOR_PEERS_DIR
     (default build/peers), and our module into the same venv with `pip install .`
     (rebuilt only when the sources changed); nothing here is a dependency of the library;
  2. in one process of that venv, reads every page into memory once, then runs every tool
     over the same bytes, chunk by chunk (--chunk pages), the tools' order rotating from one
     chunk to the next, so that a busy spell on a shared machine falls on all of them alike;
     Readability.js runs in node (bench/peers/readability.mjs), one process per chunk in the
     same rotation, reading the same files;
  3. times each call (wall and CPU time of the calling thread; node: of its process) and
     scores every tool's text with our scorer (bench/eval: extractor-eval --predictions);
  4. prints pages/s and MB/s on one core (from CPU time, and from wall time), each tool's
     ratio to us, and body F1 per set (snippet accuracy where a set has only snippets).

The peers are called exactly as bench/peers/run_peers.py calls them (its MAKERS), with
the page's URL when the truth has one. "gumbo" is Gumbo 0.10.1 alone (libgumbo through
ctypes) parsing each page's raw bytes with its default options and freeing the tree: the
floor the issue names. "extractor" is our module: Extractor().extract(bytes, url).

Standard library only in this driver; the work runs in the peers' venv.
"""

import argparse
import ctypes
import ctypes.util
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOLS = ["extractor", "gumbo", "trafilatura", "readability-lxml", "justext", "resiliparse",
         "readabilityjs"]
PY_PEERS = {"trafilatura", "readability-lxml", "justext", "resiliparse"}


def log(msg):
    print(f"[side_by_side {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# =====================================================================================
# Worker (runs in the peers' venv, with our module installed)
# =====================================================================================

class Gumbo:
    """libgumbo through ctypes: gumbo_parse_with_options(&kGumboDefaultOptions, ...) and
    gumbo_destroy_output, as a C user of Gumbo alone would call them."""

    def __init__(self):
        name = ctypes.util.find_library("gumbo") or "libgumbo.so.1"
        lib = ctypes.CDLL(name)
        self.options = ctypes.addressof(ctypes.c_char.in_dll(lib, "kGumboDefaultOptions"))
        self.parse_fn = lib.gumbo_parse_with_options
        self.parse_fn.restype = ctypes.c_void_p
        self.parse_fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        self.destroy_fn = lib.gumbo_destroy_output
        self.destroy_fn.restype = None
        self.destroy_fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.version = name

    def __call__(self, data, url):
        out = self.parse_fn(self.options, data, len(data))
        if not out:
            raise RuntimeError("gumbo returned no output")
        self.destroy_fn(self.options, out)
        return {"text": None}


def make_ours():
    import extractor
    ex = extractor.Extractor()

    def run(data, url):
        r = ex.extract(data, url)
        return {"text": r.text, "title": r.title or None, "author": r.author or None,
                "date": r.date or None}
    run.version = extractor.__version__
    return run


def run_readabilityjs(pages, idx, cfg, tmp):
    """One node process for the pages idx (a chunk); returns their records."""
    tasks = Path(tmp) / "readabilityjs.tasks.json"
    tasks.write_text(json.dumps([{"id": i, "path": pages[i]["path"], "url": pages[i]["url"]}
                                 for i in idx]), encoding="utf-8")
    env = dict(os.environ, EXTRACTOR_PEERS_NODE_MODULES=cfg["node_modules"],
               EXTRACTOR_READABILITYJS_CHARSET="auto")
    proc = subprocess.run([cfg["node"], "--max-old-space-size=4096",
                           str(HERE / "peers" / "readability.mjs"), str(tasks)],
                          capture_output=True, env=env, timeout=600 + 60 * len(idx))
    recs = {}
    hello = None
    # split on '\n' only: JSON.stringify leaves U+2028 and U+2029 in strings
    for line in proc.stdout.decode("utf-8", "replace").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        if "hello" in rec:
            hello = rec["hello"]
        else:
            recs[rec["id"]] = rec
    out = []
    for i in idx:
        rec = recs.get(i) or {"error": "node: " + proc.stderr.decode("utf-8", "replace")[-300:]}
        out.append({"text": rec.get("text"), "title": rec.get("title"),
                    "author": rec.get("author"), "date": rec.get("date"),
                    "wall": rec.get("seconds") or 0.0, "cpu": rec.get("cpu_seconds") or 0.0,
                    "error": rec.get("error")})
    return out, hello


def worker_main(cfg_path):
    import logging
    import warnings
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(HERE / "peers"))
    import run_peers  # the peers' calls, shared with bench/peers/run_peers.py

    cfg = json.loads(Path(cfg_path).read_text(encoding="utf-8"))
    pages = cfg["pages"]
    for p in pages:  # every tool gets the same bytes, read once
        with open(p["path"], "rb") as f:
            p["bytes"] = f.read()
    tools = cfg["tools"]
    fns, versions = {}, {}
    for t in tools:
        if t == "extractor":
            fns[t] = make_ours()
            versions[t] = fns[t].version
        elif t == "gumbo":
            fns[t] = Gumbo()
            versions[t] = "0.10.1 (" + fns[t].version + ")"
        elif t in PY_PEERS:
            fns[t] = run_peers.MAKERS[t]()
            v = run_peers.versions(t)
            versions[t] = ", ".join(f"{k} {v[k]}" for k in v if k != "python")
        if t in fns:  # warm-up, untimed
            try:
                fns[t](run_peers.WARMUP_HTML, "https://example.com/warm-up")
            except Exception:  # noqa: BLE001
                pass
    results = {t: [None] * len(pages) for t in tools}
    chunk = max(1, cfg["chunk"])
    starts = list(range(0, len(pages), chunk))
    with tempfile.TemporaryDirectory(prefix="side_by_side-") as tmp:
        for k, s in enumerate(starts):
            idx = list(range(s, min(len(pages), s + chunk)))
            order = tools[k % len(tools):] + tools[:k % len(tools)]
            for t in order:
                if t == "readabilityjs":
                    recs, hello = run_readabilityjs(pages, idx, cfg, tmp)
                    if hello:
                        versions[t] = ", ".join(f"{a} {b}" for a, b in hello.items())
                    for i, rec in zip(idx, recs):
                        results[t][i] = rec
                    continue
                fn = fns[t]
                for i in idx:
                    p = pages[i]
                    rec = {"error": None}
                    c0 = time.thread_time()
                    t0 = time.perf_counter()
                    try:
                        rec.update(fn(p["bytes"], p["url"]))
                    except Exception as e:  # noqa: BLE001 - a failure of the tool is recorded
                        rec["error"] = f"{type(e).__name__}: {e}"[:300]
                    rec["wall"] = time.perf_counter() - t0
                    rec["cpu"] = time.thread_time() - c0
                    results[t][i] = rec
            if (k + 1) % 10 == 0 or k + 1 == len(starts):
                log(f"{idx[-1] + 1}/{len(pages)} pages")
    out = Path(cfg["out"])
    for t in tools:
        with open(out / f"{t}.jsonl", "w", encoding="utf-8") as f:
            for p, rec in zip(pages, results[t]):
                row = {"set": p["set"], "id": p["id"]}
                for key in ("text", "title", "author", "date"):
                    v = rec.get(key)
                    if isinstance(v, list):
                        v = "; ".join(str(x) for x in v if x)
                    if isinstance(v, str):
                        v = v.encode("utf-8", "replace").decode("utf-8")
                    row[key] = v
                row["wall"] = rec["wall"]
                row["cpu"] = rec["cpu"]
                if rec.get("error"):
                    row["error"] = rec["error"]
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "versions.json").write_text(json.dumps(versions, indent=1), encoding="utf-8")


# =====================================================================================
# Driver (any python3)
# =====================================================================================

def source_stamp():
    """A hash of what `pip install .` builds from, so that the module is rebuilt only when
    one of those files changed."""
    h = hashlib.sha256()
    files = [ROOT / "CMakeLists.txt", ROOT / "pyproject.toml"]
    for d in ("lib", "include", "bindings/python", "cmake"):
        files += sorted(p for p in (ROOT / d).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for p in files:
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def install(args, peers_dir):
    if not args.no_setup:
        log("bench/peers/setup.sh")
        env = dict(os.environ, EXTRACTOR_PEERS_DIR=str(peers_dir))
        subprocess.run(["bash", str(HERE / "peers" / "setup.sh")], check=True, env=env)
    py = peers_dir / "venv" / "bin" / "python"
    if not os.access(py, os.X_OK):
        sys.exit(f"no venv at {peers_dir}/venv: run without --no-setup")
    if "extractor" in args.tools and not args.no_install:
        stamp_file = peers_dir / "venv" / ".extractor-stamp"
        stamp = source_stamp()
        ok = subprocess.run([str(py), "-c", "import extractor"], capture_output=True).returncode == 0
        if not ok or not stamp_file.exists() or stamp_file.read_text() != stamp:
            log("pip install . (our module, into the peers' venv; a few minutes)")
            subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check",
                            "--no-input", "-q", str(ROOT)], check=True)
            stamp_file.write_text(stamp)
    return py


def load_pages(datasets, sets, every):
    pages = []
    for s in sets:
        urls = {}
        truth = datasets / s / "truth.jsonl"
        if truth.exists():
            for line in truth.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    t = json.loads(line)
                    urls[t["id"]] = t.get("url")
        ids = sorted(p.stem for p in (datasets / s / "pages").glob("*.html"))[::every]
        for i in ids:
            pages.append({"set": s, "id": i, "path": str(datasets / s / "pages" / f"{i}.html"),
                          "url": urls.get(i)})
    return pages


def subset_tree(datasets, pages, tmp):
    """A datasets tree holding only `pages` (symlinks, truth lines filtered), for the scorer."""
    root = Path(tmp) / "datasets"
    by_set = {}
    for p in pages:
        by_set.setdefault(p["set"], set()).add(p["id"])
    for s, ids in by_set.items():
        (root / s / "pages").mkdir(parents=True)
        with open(datasets / s / "truth.jsonl", encoding="utf-8") as f, \
                open(root / s / "truth.jsonl", "w", encoding="utf-8") as g:
            for line in f:
                if line.strip() and json.loads(line)["id"] in ids:
                    g.write(line)
        for i in ids:
            os.symlink(datasets / s / "pages" / f"{i}.html", root / s / "pages" / f"{i}.html")
    return root


def find_eval(arg):
    for c in ([arg] if arg else []) + [os.environ.get("EXTRACTOR_EVAL"),
                                       ROOT / "build" / "bench" / "extractor-eval",
                                       ROOT.parent / "build" / "bench" / "extractor-eval"]:
        if c and os.access(str(c), os.X_OK):
            return str(c)
    return None


def score(eval_bin, tree, out, tools):
    """{tool: {set: {"f1": .., "snippets": ..}}} from extractor-eval --predictions."""
    scored = [t for t in tools if t != "gumbo"]
    cmd = [eval_bin, str(tree), "--threads", "2", "--worst", "0", "--json", str(out / "scores.json")]
    for t in scored:
        cmd += ["--predictions", f"{t}={out / (t + '.jsonl')}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    return {t: data.get(t, {}).get("sets", {}) for t in scored}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", type=Path,
                    default=Path(os.environ.get("EXTRACTOR_DATASETS", ROOT.parent / "shared" / "datasets")))
    ap.add_argument("--sets", default=None, help="comma-separated set names (default: all)")
    ap.add_argument("--every", type=int, default=1, help="take every Nth page of each set")
    ap.add_argument("--tools", default=",".join(TOOLS), help="from: " + ",".join(TOOLS))
    ap.add_argument("--chunk", type=int, default=25, help="pages per turn of the rotation")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "side-by-side")
    ap.add_argument("--eval", default=None, help="extractor-eval binary (default: build/bench/...)")
    ap.add_argument("--peers-dir", type=Path,
                    default=Path(os.environ.get("EXTRACTOR_PEERS_DIR", ROOT / "build" / "peers")))
    ap.add_argument("--no-setup", action="store_true", help="do not run bench/peers/setup.sh")
    ap.add_argument("--no-install", action="store_true", help="use the module already in the venv")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker_main(args.worker)

    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in args.tools if t not in TOOLS]
    if bad:
        ap.error(f"unknown tool(s) {', '.join(bad)}; known: {', '.join(TOOLS)}")
    node = shutil.which("node")
    if "readabilityjs" in args.tools and not node:
        log("node not found: Readability.js left out")
        args.tools.remove("readabilityjs")
    peers_dir = args.peers_dir.resolve()
    py = install(args, peers_dir)
    sets = ([s.strip() for s in args.sets.split(",")] if args.sets else
            sorted(p.parent.name for p in args.datasets.glob("*/pages") if p.is_dir()))
    pages = load_pages(args.datasets, sets, max(1, args.every))
    if not pages:
        sys.exit(f"no pages under {args.datasets}")
    total_bytes = sum(os.path.getsize(p["path"]) for p in pages)
    args.out.mkdir(parents=True, exist_ok=True)
    log(f"{len(pages)} pages ({total_bytes / 1e6:.1f} MB) from {', '.join(sets)}; "
        f"tools: {', '.join(args.tools)}")
    with tempfile.TemporaryDirectory(prefix="side_by_side-") as tmp:
        cfg = {"pages": pages, "tools": args.tools, "chunk": args.chunk, "out": str(args.out),
               "node": node, "node_modules": str(peers_dir / "node" / "node_modules")}
        cfg_path = Path(tmp) / "config.json"
        cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
        subprocess.run([str(py), str(Path(__file__).resolve()), "--worker", str(cfg_path)],
                       check=True, env=env)
        eval_bin = find_eval(args.eval)
        scores = {}
        if eval_bin:
            tree = subset_tree(args.datasets, pages, tmp)
            scores = score(eval_bin, tree, args.out, args.tools)
        else:
            log("extractor-eval not found (build it, or --eval PATH): no F1 column")
    report(args, pages, total_bytes, scores)


def report(args, pages, total_bytes, scores):
    versions = json.loads((args.out / "versions.json").read_text(encoding="utf-8"))
    rows = {}
    for t in args.tools:
        recs = [json.loads(line) for line in open(args.out / f"{t}.jsonl", encoding="utf-8")]
        cpu = sum(r["cpu"] for r in recs)
        wall = sum(r["wall"] for r in recs)
        rows[t] = {"cpu": cpu, "wall": wall, "errors": sum(1 for r in recs if r.get("error")),
                   "pps": len(recs) / cpu if cpu else 0, "pps_wall": len(recs) / wall if wall else 0,
                   "mbps": total_bytes / 1e6 / cpu if cpu else 0}
    body_sets = sorted({s for t in scores for s, v in scores[t].items() if "f1" in v})
    snip_sets = sorted({s for t in scores for s, v in scores[t].items()
                        if "snippets" in v and "f1" not in v})
    short = {"cleaneval": "cleaneval", "htmltotext-multilingual": "htmltotext", "l3s-gn1": "l3s-gn1",
             "readability-tests": "readability", "zh-content-author-date": "zh",
             "trafilatura-eval": "trafilatura-eval*", "postlight-fixtures": "postlight*"}
    head = (["tool", "pages/s", "MB/s", "us ×", "pages/s (wall)", "errors", "F1 mean"]
            + [short.get(s, s) for s in body_sets + snip_sets])
    ours = rows.get("extractor", {}).get("pps")
    lines = []
    for t in args.tools:
        r = rows[t]
        sc = scores.get(t, {})
        f1s = [sc[s]["f1"] for s in body_sets if s in sc and "f1" in sc[s]]
        cells = [t, f"{r['pps']:.1f}", f"{r['mbps']:.2f}",
                 ("1" if t == "extractor" else f"{ours / r['pps']:.1f}") if ours and r["pps"] else "-",
                 f"{r['pps_wall']:.1f}", str(r["errors"]),
                 f"{sum(f1s) / len(f1s):.3f}" if f1s and len(f1s) == len(body_sets) else "-"]
        cells += [f"{sc[s]['f1']:.3f}" if s in sc and "f1" in sc[s] else "-" for s in body_sets]
        cells += [f"{sc[s]['snippets']:.3f}" if s in sc and "snippets" in sc[s] else "-"
                  for s in snip_sets]
        lines.append(cells)
    date = datetime.date.today().isoformat()
    print(f"\n{len(pages)} pages, {total_bytes / 1e6:.1f} MB, one core, {date}, "
          f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}); pages/s and MB/s "
          "from CPU time of the calling thread (node: of its process); 'us ×' = our pages/s over "
          "the tool's; F1 = body F1 by our scorer; * = snippet accuracy (no body truth)")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(head))) + "|")
        for cells in lines:
            print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(h), *(len(c[i]) for c in lines)) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
        for cells in lines:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                            for i, (c, w) in enumerate(zip(cells, widths))))
    print("\nversions: " + "; ".join(f"{t}: {versions.get(t, '?')}" for t in args.tools))
    (args.out / "table.json").write_text(json.dumps({"date": date, "pages": len(pages),
                                                     "bytes": total_bytes, "rows": rows,
                                                     "scores": scores, "versions": versions},
                                                    indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
