#!/usr/bin/env python3
"""Run peer extractors over the evaluation datasets and write their predictions.

    run_peers.py [--peers trafilatura,readability-lxml,readabilityjs,justext,resiliparse,alltext]
                 [--sets a,b] [--datasets DIR] [--out DIR] [--limit N] [--jobs N]

Writes <out>/<peer>.jsonl, one line per page:
    {"set", "id", "text", "title", "author", "date", "seconds"[, "error"]}
(null for what the peer does not produce) and <out>/run_info.json (versions, options, timings).

This file runs under any python3 (standard library only). Each peer runs in a worker process:
the Python peers under the venv that setup.sh made ($EXTRACTOR_PEERS_DIR/venv, re-invoking this
file with --worker), Readability.js under node (readability.mjs). A worker handles one page at a
time and times only the in-memory extraction call; a page that raises is recorded with "error",
and a page that kills or hangs the worker is recorded with "error" and the worker restarted
after it. See README.md.
"""

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEERS = ["trafilatura", "readability-lxml", "readabilityjs", "justext", "resiliparse", "alltext"]
PY_PEERS = {"trafilatura", "readability-lxml", "justext", "resiliparse", "alltext"}

# Options each peer runs with (recorded in run_info.json; see README.md).
PEER_CALLS = {
    "trafilatura": "trafilatura.bare_extraction(raw_bytes, url=url, with_metadata=True) -> Document "
                   ".text/.title/.author/.date (defaults otherwise)",
    "readability-lxml": "d = readability.Document(raw_bytes, url=url); d.title(); "
                        "text of d.summary() (block elements on their own lines)",
    "readabilityjs": "new Readability(new JSDOM(html, {url}).window.document).parse() -> "
                     ".textContent/.title/.byline/.publishedTime; html = raw bytes decoded as UTF-8 "
                     "if valid, else as declared, else the raw Buffer for jsdom to sniff",
    "justext": "justext.justext(raw_bytes, stoplist) non-boilerplate paragraphs; stoplist by "
               "function-word counts, else <html lang>, else English (language-independent mode for CJK)",
    "resiliparse": "extract_plain_text(bytes_to_str(raw, detect_encoding(raw)), main_content=True)",
    "alltext": "all text of the page minus script/style/noscript/template/head, block elements on "
               "their own lines (lxml; BOM, else valid UTF-8, else declared charset, else windows-1252)",
}


# =====================================================================================
# Worker side (runs inside the peers' venv)
# =====================================================================================

# Elements whose content starts and ends a line in the text conversion.
BLOCK_TAGS = frozenset("""
address article aside blockquote body center dd details dialog dir div dl dt fieldset
figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html iframe
legend li main menu nav noframes ol option p pre section summary table tbody td tfoot th thead
title tr ul caption colgroup select textarea
""".split())
ALLTEXT_SKIP = frozenset(["script", "style", "noscript", "template", "head"])
SUMMARY_SKIP = frozenset(["script", "style", "noscript", "template"])

WARMUP_HTML = (b"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Warm up</title></head>"
               b"<body><nav><a href='/'>Home</a></nav><article><h1>Warm up</h1><p>"
               + b"This is a short paragraph of text used to warm up the extractor. " * 8
               + b"</p><p>" + b"Another paragraph with some more words in it to look real. " * 8
               + b"</p></article><footer>Copyright</footer></body></html>")


class _TailProxy:
    """What to emit when an element closes: a newline for blocks, then the element's tail."""
    __slots__ = ("tail", "newline")

    def __init__(self, tail, newline=True):
        self.tail = tail
        self.newline = newline


def element_text(root, skip):
    """Text of an lxml element: block elements on their own lines, whitespace folded per line."""
    parts = []
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, _TailProxy):
            if item.newline:
                parts.append("\n")
            if item.tail:
                parts.append(item.tail)
            continue
        el = item
        tag = el.tag
        tail = el.tail if el is not root else None
        if not isinstance(tag, str):         # comment, processing instruction, entity
            if tail:
                parts.append(tail)
            continue
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag in skip:
            if tail:
                parts.append(tail)
            continue
        if tag == "br":
            parts.append("\n")
            if tail:
                parts.append(tail)
            continue
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.append(_TailProxy(tail, newline=block))
        stack.extend(reversed(el))
    lines = []
    for line in "".join(parts).split("\n"):
        line = " ".join(line.split())
        if line:
            lines.append(line)
    return "\n".join(lines)



_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)""", re.I)
# WHATWG-style label mapping for the labels where Python's codec differs from what browsers do.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
    "x-sjis": "shift_jis", "shift-jis": "shift_jis", "unicode": "utf-8", "utf-16": "utf-8",
    "utf-16le": "utf-8", "utf-16be": "utf-8",
}


def decode_page(data):
    """Bytes -> str for the alltext baseline: BOM, else valid UTF-8, else the charset declared
    anywhere in the page, else windows-1252 (the same as readability.mjs's "auto")."""
    import codecs
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head) or _META_CHARSET.search(data)
    if m:
        label = m.group(1).decode("ascii", "replace").lower()
        label = _CHARSET_ALIASES.get(label, label)
        try:
            return data.decode(label, "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")


def parse_html_str(text):
    """Parse a str with lxml, ignoring any encoding declaration in it."""
    import lxml.html
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    return lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)


def make_trafilatura():
    import trafilatura

    def run(data, url):
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True)
        if doc is None:
            return {"text": ""}
        if isinstance(doc, dict):  # as_dict / older API
            get = doc.get
        else:
            def get(k):
                return getattr(doc, k, None)
        return {"text": get("text") or "", "title": get("title"), "author": get("author"),
                "date": get("date")}
    return run


def make_readability_lxml():
    from readability import Document

    def run(data, url):
        doc = Document(data, url=url)
        title = doc.title()       # re-parses the page itself; call it before summary() mutates
        summary = doc.summary()
        text = element_text(parse_html_str(summary), SUMMARY_SKIP) if summary else ""
        return {"text": text, "title": title}
    return run


# jusText needs the page's language for its stoplist. Cheap detection: count a few very frequent
# function words per language in the page's text (jusText's own stoplists are too mixed to vote:
# several contain "the", "of", "and"); with too few hits, the page's declared <html lang>; else
# English. Pages mostly in CJK script get jusText's language-independent mode.
JUSTEXT_MARKERS = {
    "English": "the and of to is that with for this are was have from not you which",
    "German": "der die und das ist nicht mit den ein eine ich sich auch auf dem für von",
    "French": "le la les et des est une pour dans que pas du sur qui avec au",
    "Spanish": "el la los las y que del por una para con es se lo como más",
    "Italian": "il che di della per una sono non con gli le del è anche come",
    "Portuguese": "o que não uma para com os dos das em do da ao mais como é",
    "Dutch": "de het een van en niet dat voor met zijn op ook is er maar",
    "Polish": "nie się jest na że w z do to jak co ale po od przez",
    "Czech": "je se na že to v do jak jsou které a s ve pro by",
    "Slovak": "je sa na že to v do ako sú ktoré a s vo pre by",
    "Croatian": "je i u na se da za od su koji što kao ili ali bi",
    "Slovenian": "je in na se da za so ki od pa tudi kot ali bi",
    "Swedish": "och att det som är en på för med inte av till har jag",
    "Danish": "og at det som er en på for med ikke af til har jeg",
    "Norwegian_Bokmal": "og at det som er en på for med ikke av til har jeg",
    "Finnish": "ja on ei että se oli mutta kun ovat myös tai joka",
    "Hungarian": "a az és hogy nem is egy meg van de már csak",
    "Romanian": "și în de la că nu cu pe din sunt o este pentru mai",
    "Turkish": "ve bir bu da de için ile çok ne olarak daha gibi",
    "Russian": "и в не на что с по как это из он для",
    "Ukrainian": "і в не на що з та як це до для від",
    "Bulgarian": "и в не на че с по за да от се като",
    "Greek": "και το η της του να σε με για την που",
    "Indonesian": "dan yang di ini itu dengan untuk dari tidak dalam akan",
    "Vietnamese": "và của là có được trong cho không những một người",
    "Latin": "et est non ut sed quod qui quae sunt esse cum ad enim sit amet",
}
JUSTEXT_ISO = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
               "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
               "hr": "Croatian", "sl": "Slovenian", "sr": "Serbian", "bs": "Bosnian", "sv": "Swedish",
               "da": "Danish", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
               "nn": "Norwegian_Nynorsk", "fi": "Finnish", "hu": "Hungarian", "ro": "Romanian",
               "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek",
               "id": "Indonesian", "vi": "Vietnamese", "ca": "Catalan", "lt": "Lithuanian",
               "lv": "Latvian", "et": "Estonian", "ko": "Korean", "ar": "Arabic", "he": "Hebrew",
               "fa": "Persian", "hi": "Hindi", "la": "Latin"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[^\W\d_]", re.U)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]*>", re.I | re.S)
_HTML_LANG = re.compile(rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([a-zA-Z]{2,3})""", re.I)


def make_justext():
    from html import unescape as html_unescape
    import justext
    from justext.core import decode_html
    markers = {lang: frozenset(words.split()) for lang, words in JUSTEXT_MARKERS.items()}
    word_langs = {}
    for lang, words in markers.items():
        for w in words:
            word_langs.setdefault(w, []).append(lang)
    stoplists = {}

    def stoplist(lang):
        if lang not in stoplists:
            stoplists[lang] = justext.get_stoplist(lang)
        return stoplists[lang]

    def detect(data):
        text = html_unescape(_TAGS.sub(" ", decode_html(data)))
        # Chinese / Japanese (U+FFFD: CJK bytes that jusText's decoding did not understand)
        cjk = len(_CJK.findall(text)) + text.count("\ufffd")
        if cjk > 0.3 * len(_LATIN.findall(text)):
            return None
        hits = dict.fromkeys(markers, 0)
        for w in re.findall(r"\w+", text.lower()):
            for lang in word_langs.get(w, ()):
                hits[lang] += 1
        best = max(hits, key=hits.get)
        if hits[best] >= 10:
            return best
        m = _HTML_LANG.search(data[:20000])
        declared = JUSTEXT_ISO.get(m.group(1).decode("ascii").lower()) if m else None
        return declared or (best if hits[best] else "English")

    def run(data, url):
        lang = detect(data)
        if lang is None:   # jusText's documented language-independent mode
            paragraphs = justext.justext(data, frozenset(), stopwords_low=0, stopwords_high=0)
        else:
            paragraphs = justext.justext(data, stoplist(lang))
        text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return {"text": text}
    run.detect = detect
    return run


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def run(data, url):
        html = bytes_to_str(data, detect_encoding(data))
        return {"text": extract_plain_text(html, main_content=True)}
    return run


# A browser runs scripts, so <noscript> content is raw text up to </noscript>: drop it before
# lxml parses it as markup (where an unclosed <div> inside would swallow the rest of the page).
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.I | re.S)


def make_alltext():
    def run(data, url):
        html = _NOSCRIPT.sub(" ", decode_page(data))
        return {"text": element_text(parse_html_str(html), ALLTEXT_SKIP)}
    return run


MAKERS = {"trafilatura": make_trafilatura, "readability-lxml": make_readability_lxml,
          "justext": make_justext, "resiliparse": make_resiliparse, "alltext": make_alltext}


def versions(peer):
    from importlib.metadata import version, PackageNotFoundError
    names = {"trafilatura": ["trafilatura", "lxml"], "readability-lxml": ["readability-lxml", "lxml"],
             "justext": ["justext", "lxml"], "resiliparse": ["resiliparse"], "alltext": ["lxml"]}[peer]
    out = {"python": sys.version.split()[0]}
    for n in names:
        try:
            out[n] = version(n)
        except PackageNotFoundError:
            out[n] = None
    return out


def worker_main(peer, tasks_path):
    import logging
    import warnings
    logging.disable(logging.CRITICAL)   # peers log warnings for every discarded page
    warnings.simplefilter("ignore")
    out = sys.stdout
    extract = MAKERS[peer]()
    try:
        extract(WARMUP_HTML, "https://example.com/warm-up")
    except Exception:
        pass
    out.write(json.dumps({"hello": versions(peer)}) + "\n")
    out.flush()
    with open(tasks_path, encoding="utf-8") as f:
        tasks = json.load(f)
    for task in tasks:
        rec = {"id": task["id"], "text": None, "title": None, "author": None, "date": None,
               "seconds": None}
        try:
            with open(task["path"], "rb") as f:
                data = f.read()
        except OSError as e:
            rec["error"] = f"read: {e}"
            out.write(json.dumps(rec) + "\n")
            out.flush()
            continue
        t0 = time.perf_counter()
        try:
            result = extract(data, task.get("url"))
            rec["seconds"] = time.perf_counter() - t0
            rec.update(result)
        except Exception as e:  # noqa: BLE001 - any failure of the peer is recorded
            rec["seconds"] = time.perf_counter() - t0
            rec["error"] = f"{type(e).__name__}: {e}"[:500]
        out.write(json.dumps(rec) + "\n")
        out.flush()


# =====================================================================================
# Driver side (standard library only)
# =====================================================================================

def log(msg):
    print(f"[run_peers {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def clean_str(v):
    """Strings as valid UTF-8 (lone surrogates -> U+FFFD); lists of authors joined by '; '."""
    if isinstance(v, list):
        v = "; ".join(str(x) for x in v if x)
    if isinstance(v, str):
        return v.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(v) else v
    return v


def _has_surrogate(s):
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def load_pages(datasets, sets, limit):
    pages = []
    for s in sets:
        d = datasets / s
        urls = {}
        truth = d / "truth.jsonl"
        if truth.exists():
            with open(truth, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        t = json.loads(line)
                        urls[t["id"]] = t.get("url")
        ids = sorted(p.stem for p in (d / "pages").glob("*.html"))
        if limit:
            ids = ids[:limit]
        for i in ids:
            pages.append({"set": s, "id": i, "path": str(d / "pages" / f"{i}.html"),
                          "url": urls.get(i)})
    return pages


class Worker:
    """One worker process; lines of its stdout arrive on a queue (None at EOF)."""

    def __init__(self, cmd, env, stderr_path):
        self.stderr_file = open(stderr_path, "ab")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self.stderr_file, env=env)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def get(self, timeout):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return "timeout"

    def stop(self, grace=0.0):
        if grace:
            try:
                self.proc.wait(timeout=grace)   # it exits by itself after its last page
            except subprocess.TimeoutExpired:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.stderr_file.close()


def stderr_tail(path, n=400):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return ""
    return " ".join(data[-n:].decode("utf-8", "replace").split())


def run_peer(peer, pages, args, tmp):
    out_path = Path(args.out) / f"{peer}.jsonl"
    part = out_path.with_name(out_path.name + ".part")
    stderr_path = Path(tmp) / f"{peer}.stderr"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    if peer in PY_PEERS:
        base = [args.python, str(Path(__file__).resolve()), "--worker", peer]
    else:
        base = [args.node, "--max-old-space-size=4096", str(HERE / "readability.mjs")]
        env["EXTRACTOR_PEERS_NODE_MODULES"] = args.node_modules
        env["EXTRACTOR_READABILITYJS_CHARSET"] = args.readabilityjs_charset
    info = {"call": PEER_CALLS[peer], "versions": None, "pages": len(pages), "errors": 0,
            "empty": 0, "restarts": 0}
    if peer == "readabilityjs":
        info["charset"] = args.readabilityjs_charset
    seconds = []
    start = time.time()
    n = len(pages)
    i = 0
    with open(part, "w", encoding="utf-8") as out:
        while i < n:
            # A worker gets at most --chunk pages, then a fresh process takes over: jsdom keeps
            # memory from every page it parsed, and a growing heap would slow later pages.
            end = min(n, i + args.chunk) if args.chunk > 0 else n
            tasks_path = Path(tmp) / f"{peer}.tasks.json"
            with open(tasks_path, "w", encoding="utf-8") as f:
                json.dump([{"id": k, "path": pages[k]["path"], "url": pages[k]["url"]}
                           for k in range(i, end)], f)
            w = Worker(base + [str(tasks_path)], env, stderr_path)
            hello = w.get(args.startup_timeout)
            if hello is None or hello == "timeout" or "hello" not in json.loads(hello):
                w.stop()
                raise SystemExit(f"{peer}: worker did not start: {stderr_tail(stderr_path, 2000)}")
            info["versions"] = json.loads(hello)["hello"]
            while i < end:
                line = w.get(args.timeout)
                if line is None or line == "timeout":
                    why = (f"timeout: no result after {args.timeout:g} s" if line == "timeout" else
                           f"worker died (exit {w.proc.wait()}): {stderr_tail(stderr_path)}")
                    w.stop()
                    rec = {"id": i, "text": None, "title": None, "author": None, "date": None,
                           "seconds": None, "error": why}
                    info["restarts"] += 1
                else:
                    rec = json.loads(line)
                    if rec.get("id") != i:
                        w.stop()
                        raise SystemExit(f"{peer}: worker answered for page {rec.get('id')}, "
                                         f"expected {i}")
                page = pages[i]
                row = {"set": page["set"], "id": page["id"]}
                for k in ("text", "title", "author", "date"):
                    row[k] = clean_str(rec.get(k))
                row["seconds"] = rec.get("seconds")
                if rec.get("error"):
                    row["error"] = clean_str(rec["error"])
                    info["errors"] += 1
                    log(f"{peer}: {page['set']}/{page['id']}: {row['error'][:200]}")
                elif not row["text"]:
                    info["empty"] += 1
                if row["seconds"] is not None:
                    seconds.append(row["seconds"])
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                i += 1
                if i % 200 == 0 or i == n:
                    out.flush()
                    log(f"{peer}: {i}/{n} pages ({time.time() - start:.0f} s)")
                if line is None or line == "timeout":
                    break
            else:
                w.stop(grace=30)
    os.replace(part, out_path)
    info["seconds_total"] = round(sum(seconds), 3)
    info["seconds_median"] = round(statistics.median(seconds), 5) if seconds else None
    info["pages_per_second"] = round(len(seconds) / sum(seconds), 2) if seconds else None
    info["wall_seconds"] = round(time.time() - start, 1)
    log(f"{peer}: done -> {out_path} ({info['errors']} errors, {info['empty']} empty, "
        f"{info['pages_per_second']} pages/s)")
    return peer, info


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated, from: " + ",".join(PEERS))
    ap.add_argument("--sets", default=None, help="comma-separated set names (default: all)")
    ap.add_argument("--datasets", default=str(ROOT.parent / "shared" / "datasets"))
    ap.add_argument("--out", default=str(ROOT / "build" / "peers-out"))
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per set")
    ap.add_argument("--jobs", type=int, default=1, help="peers run in parallel (pages never are)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per page before the worker is killed")
    ap.add_argument("--startup-timeout", type=float, default=120)
    ap.add_argument("--readabilityjs-charset", choices=["auto", "jsdom"], default="auto",
                    help="auto: UTF-8 if valid, else the declared charset, else jsdom's sniffing "
                         "of the Buffer; jsdom: always the raw Buffer (see readability.mjs)")
    ap.add_argument("--chunk", type=int, default=100,
                    help="pages per worker process before a fresh one takes over (0: no limit)")
    ap.add_argument("--peers-dir", default=os.environ.get("EXTRACTOR_PEERS_DIR", str(ROOT / "build" / "peers")),
                    help="where setup.sh installed the peers (default $EXTRACTOR_PEERS_DIR or build/peers)")
    ap.add_argument("--worker", nargs=2, metavar=("PEER", "TASKS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker_main(*args.worker)

    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    bad = [p for p in peers if p not in PEERS]
    if bad:
        ap.error(f"unknown peer(s) {', '.join(bad)}; known: {', '.join(PEERS)}")
    datasets = Path(args.datasets)
    if args.sets:
        sets = [s.strip() for s in args.sets.split(",") if s.strip()]
        missing = [s for s in sets if not (datasets / s / "pages").is_dir()]
        if missing:
            ap.error(f"no such set(s) under {datasets}: {', '.join(missing)}")
    else:
        sets = sorted(p.parent.name for p in datasets.glob("*/pages") if p.is_dir())
    if not sets:
        ap.error(f"no datasets under {datasets}")

    peers_dir = Path(args.peers_dir).resolve()
    args.python = str(peers_dir / "venv" / "bin" / "python")
    args.node_modules = str(peers_dir / "node" / "node_modules")
    args.node = shutil.which("node") or "node"
    if any(p in PY_PEERS for p in peers) and not os.access(args.python, os.X_OK):
        sys.exit(f"no venv at {peers_dir}/venv: run bench/peers/setup.sh first "
                 "(or set EXTRACTOR_PEERS_DIR / --peers-dir)")
    if "readabilityjs" in peers and not (Path(args.node_modules) / "jsdom").is_dir():
        sys.exit(f"no jsdom under {args.node_modules}: run bench/peers/setup.sh first")

    pages = load_pages(datasets, sets, args.limit)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    log(f"{len(pages)} pages from {len(sets)} set(s): {', '.join(sets)}; peers: {', '.join(peers)}; "
        f"out: {args.out}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="run_peers-") as tmp:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for peer, info in pool.map(lambda p: run_peer(p, pages, args, tmp), peers):
                results[peer] = info
    info_path = Path(args.out) / "run_info.json"
    old = {}
    if info_path.exists():
        try:
            old = json.loads(info_path.read_text(encoding="utf-8")).get("peers", {})
        except (OSError, ValueError):
            old = {}
    old.update(results)
    info_path.write_text(json.dumps({"sets": sets, "limit": args.limit or None, "jobs": args.jobs,
                                     "datasets": str(datasets), "peers": old}, indent=2) + "\n",
                         encoding="utf-8")
    print(f"{'peer':18} {'pages':>6} {'errors':>6} {'empty':>6} {'median s':>9} {'total s':>9} {'pages/s':>8}")
    for peer in peers:
        r = results[peer]
        print(f"{peer:18} {r['pages']:6d} {r['errors']:6d} {r['empty']:6d} {r['seconds_median'] or 0:9.4f} "
              f"{r['seconds_total']:9.1f} {r['pages_per_second'] or 0:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
