#!/usr/bin/env python3
"""Trains the block classifier of lib/model.{h,cc} and writes lib/model_trees.inc.

    bench/train/train.py [--datasets DIR ...] [--build DIR] [--oos] [--cv] [--kfold K] [--write]

1. Runs the dump tool (build/bench/dump_features) over every set under the
   dataset roots (../shared/datasets and build/datasets-more by default):
   each block's feature vector (lib/model_features.inc), text, the rules'
   label and what the compiled-in classifier and the list rule made of it.
2. Labels blocks against each set's truth, following the project's
   conventions (--labels conventions, the default): in the sets with an
   annotated body, a block is content when most of its 4-token shingles
   occur in the body; in the snippet sets, a block holding a must_contain
   snippet is content and one holding a must_not_contain snippet is
   boilerplate (the other blocks of those pages are left unlabelled). Then,
   whatever the truth says: the headline (a heading reading as the page's
   title) is not body text, captions and credits are not plain text, and
   reader comments are not the article (they are Result::comments; a forum
   thread's replies are its content: pages whose truth says page_type
   "forum" keep them). --labels bodies: the truth alone.
3. Fits a small gradient-boosted tree ensemble (LightGBM). Every page weighs
   the same, as in the evaluation, whatever its number of blocks.
4. Scores a set as extractor-eval does: the classifier's decisions replayed
   over the rules' labels with the bands of score.cc, then the list rule,
   captions and images out, and comment threads appended where the set's
   SCORING.json asks (cleaneval).
   --oos: one table, per set: the rules alone, the compiled-in classifier,
   and a classifier trained on every set (in sample), on all other sets
   (leave-one-set-out) and by site in K folds (--kfold, default 5: pages
   of one site are never both trained and tested on).
   --cv / --kfold K alone: those columns with the three override bands.
5. --write: trains on every set and writes lib/model_trees.inc.

The tree ensemble is written as plain data; the library has no runtime
dependency on LightGBM. Needs: pip install lightgbm numpy (outside the
library's dependencies; e.g. a virtual environment).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np

import trees

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORD = re.compile(r"\w+")
NAMES = []  # feature names, set once the dump is loaded

PARAMS = dict(
    objective="binary",
    learning_rate=0.05,
    num_leaves=15,
    max_depth=6,
    min_data_in_leaf=40,
    min_sum_hessian_in_leaf=1e-3,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    verbose=-1,
    seed=7,
    deterministic=True,
    force_row_wise=True,
    num_threads=2,
)
ROUNDS = 250
# Where the model overrides the rules: below `low` it drops a block, above
# `high` it keeps one; in between the rules' label stands.
# lib/score.cc uses (0.3, 0.7) with Focus::kBalanced.
BANDS = [(0.5, 0.5), (0.3, 0.7), (0.2, 0.8)]


def shingles(tokens, n=4):
    if len(tokens) < n:
        return [tuple(tokens)] if tokens else []
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def snippet_norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"\s+", " ", s).strip()


# lib/patterns.h: the cue bits the labels read.
CUE_COMMENT = 1 << 10
CUE_CAPTION = 1 << 12
LABELS = "conventions"  # or "bodies" (set by --labels)


def find_sets(roots):
    """{set name: directory} for every set (a folder with truth.jsonl) under the roots."""
    sets = {}
    for root in roots:
        if not os.path.isdir(root):
            continue
        for d in sorted(os.listdir(root)):
            path = os.path.join(root, d)
            if os.path.exists(os.path.join(path, "truth.jsonl")) and d not in sets:
                sets[d] = path
    return sets


def load(dump_dir, set_dirs):
    names = open(os.path.join(dump_dir, "feature_names.txt")).read().split()
    feats = np.fromfile(os.path.join(dump_dir, "features.f32"), dtype=np.float32)
    feats = feats.reshape(-1, len(names))
    pages = []
    row = 0
    truths, comments = {}, {}
    with open(os.path.join(dump_dir, "pages.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            s = p["set"]
            if s not in truths:
                truths[s] = {}
                with open(os.path.join(set_dirs[s], "truth.jsonl"), encoding="utf-8") as t:
                    for tl in t:
                        d = json.loads(tl)
                        truths[s][d["id"]] = d
                scoring = os.path.join(set_dirs[s], "SCORING.json")
                comments[s] = bool(os.path.exists(scoring) and
                                   json.load(open(scoring)).get("include_comments"))
            p["rows"] = (row, row + p["n"])
            p["truth"] = truths[s][p["id"]]
            p["with_comments"] = comments[s]
            row += p["n"]
            pages.append(p)
    assert row == feats.shape[0], (row, feats.shape)
    return names, feats, pages


def site(p):
    """The page's site: the URL's host, else the set's own domain field, else
    the id's prefix before a page number ("cjw-12"), else the id."""
    from urllib.parse import urlparse
    t = p["truth"]
    host = urlparse(t.get("url") or "").hostname or (t.get("extra") or {}).get("domain")
    if host:
        return p["set"] + ":" + re.sub(r"^www\d*\.", "", host.lower())
    m = re.match(r"^([A-Za-z]+)-\d+$", p["id"])
    return p["set"] + ":" + (m.group(1) if m else p["id"])


def title_norm(s):
    return re.sub(r"\W+", " ", snippet_norm(s or "")).strip()


def label_page(p):
    """Per-block labels (1/0) and weights (0 = unlabelled)."""
    blocks = p["blocks"]
    n = len(blocks)
    y = np.zeros(n, dtype=np.float32)
    w = np.zeros(n, dtype=np.float32)
    truth = p["truth"]
    body = truth.get("body")
    if body is not None:
        if not body.strip():
            return y, w
        ttoks = WORD.findall(body)
        grams = set()
        for k in (1, 2, 3):
            grams.update(tuple(ttoks[i:i + k]) for i in range(len(ttoks) - k + 1))
        four = set(shingles(ttoks))
        sizes = []
        for i, b in enumerate(blocks):
            toks = WORD.findall(b["text"])
            if not toks or b["kind"] == "image":
                sizes.append(0)
                continue
            if len(toks) < 4:
                hit = 1.0 if tuple(toks) in grams else 0.0
            else:
                sh = shingles(toks)
                hit = sum(1 for s in sh if s in four) / len(sh)
            y[i] = 1.0 if hit >= 0.5 else 0.0
            sizes.append(len(toks))
        total = float(sum(sizes)) or 1.0
        for i, sz in enumerate(sizes):
            w[i] = sz / total
    else:
        must = [snippet_norm(s) for s in truth.get("must_contain", []) if s.strip()]
        must_not = [snippet_norm(s) for s in truth.get("must_not_contain", []) if s.strip()]
        labelled = []
        for i, b in enumerate(blocks):
            if b["kind"] == "image":
                continue
            t = snippet_norm(b["text"])
            if len(t) < 4:
                continue
            pos = any(s and (s in t or (len(t) >= 20 and t in s)) for s in must)
            neg = any(s and (s in t or (len(t) >= 15 and t in s)) for s in must_not)
            if pos and not neg:
                y[i] = 1.0
                labelled.append(i)
            elif neg and not pos:
                labelled.append(i)
        for i in labelled:
            w[i] = 1.0 / len(labelled)
    if LABELS == "conventions":
        forum = (truth.get("extra") or {}).get("page_type") == "forum"
        titles = {title_norm(p.get("title")), title_norm(truth.get("title"))} - {""}
        for i, b in enumerate(blocks):
            cues = b.get("cues", 0)
            if b["kind"] == "caption" or cues & CUE_CAPTION:
                y[i] = 0.0
            elif (cues & CUE_COMMENT or b.get("comment")) and not forum:
                y[i] = 0.0
            elif b["kind"] == "heading" and title_norm(b["text"]) in titles:
                y[i] = 0.0
    return y, w


def page_text(p, labels):
    parts = [b["text"] for b, l in zip(p["blocks"], labels)
             if l == 1 and b["kind"] not in ("image", "caption")]
    text = "\n".join(parts)
    if p["with_comments"]:
        extra = "\n".join(b["text"] for b, l in zip(p["blocks"], labels)
                          if l == 2 and b["kind"] not in ("image", "caption"))
        if extra:
            text = text + "\n\n" + extra if text else extra
    return text


def score_set(pages, texts):
    """Body P/R/F1 (article-extraction-benchmark means) or snippet accuracy."""
    precisions, recalls, snips = [], [], []
    for p, text in zip(pages, texts):
        t = p["truth"]
        if "body" in t:
            ts = collections.Counter(shingles(WORD.findall(t["body"])))
            ps = collections.Counter(shingles(WORD.findall(text)))
            tp = sum(min(c, ps[k]) for k, c in ts.items())
            fp = sum(ps.values()) - tp
            fn = sum(ts.values()) - tp
            if tp + fp > 0:
                precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
        must = [s for s in t.get("must_contain", []) if s.strip()]
        must_not = [s for s in t.get("must_not_contain", []) if s.strip()]
        if must or must_not:
            norm = snippet_norm(text)
            ok = sum(snippet_norm(s) in norm for s in must)
            ok += sum(snippet_norm(s) not in norm for s in must_not)
            snips.append(ok / (len(must) + len(must_not)))
    if precisions or recalls:
        P = np.mean(precisions) if precisions else 0.0
        R = np.mean(recalls) if recalls else 0.0
        return ("F1", 2 * P * R / (P + R) if P + R else 0.0)
    if snips:
        return ("snip", float(np.mean(snips)))
    return ("-", None)


def dataset(pages, feats):
    X, Y, W = [], [], []
    locked = NAMES.index("locked")
    for p in pages:
        a, b = p["rows"]
        if "_y" not in p:  # the labels do not change from one fit to the next
            p["_y"], p["_w"] = label_page(p)
        y, w = p["_y"], p["_w"]
        # Locked blocks stay boilerplate whatever the model says: not trained on.
        keep = (w > 0) & (feats[a:b, locked] < 0.5)
        X.append(feats[a:b][keep])
        Y.append(y[keep])
        W.append(w[keep])
    return np.concatenate(X), np.concatenate(Y), np.concatenate(W)


def fit(pages, feats, names):
    import lightgbm as lgb
    X, Y, W = dataset(pages, feats)
    data = lgb.Dataset(X, label=Y, weight=W, feature_name=names, free_raw_data=False)
    return lgb.train(PARAMS, data, num_boost_round=ROUNDS)


def replay(p, prob, low, high):
    """score.cc after the rules, for one page: 1 content, 0 boilerplate,
    2 comment (sets run with comments). prob: the classifier's probability
    per block (None: no classifier). Then the list rule."""
    blocks = p["blocks"]
    comments = p["with_comments"]
    labels, model_drop = [], []
    for i, bl in enumerate(blocks):
        rule = 1 if bl["rule"] == "content" else 0
        if comments and bl.get("comment"):
            labels.append(2)
            model_drop.append(False)
            continue
        locked = bl["rule"] != "content" and bl["_locked"]
        if prob is None or bl["kind"] == "image" or locked:
            labels.append(rule)
            model_drop.append(False)
        elif rule == 1 and prob[i] < low:
            labels.append(0)
            model_drop.append(True)
        elif rule == 0 and prob[i] >= high:
            # keep_comments_out: a reader comment the classifier keeps goes
            # back to the comments, unless the page is a forum thread.
            in_comments = bl.get("cues", 0) & CUE_COMMENT and not p.get("forum")
            labels.append((2 if comments else 0) if in_comments else 1)
            model_drop.append(False)
        else:
            labels.append(rule)
            model_drop.append(False)
    # keep_list_together
    kept, dropped = collections.Counter(), collections.Counter()
    for bl, l in zip(blocks, labels):
        if "list" in bl:
            (kept if l == 1 else dropped)[bl["list"]] += 1
    for i, bl in enumerate(blocks):
        g = bl.get("list")
        if g is None or labels[i] != 0 or bl.get("list_marked") or model_drop[i]:
            continue
        if kept[g] >= 3 and kept[g] >= 2 * dropped[g]:
            labels[i] = 1
    return labels


def predict_labels(model, pages, feats, low=0.3, high=0.7):
    rows = np.concatenate([np.arange(*p["rows"]) for p in pages]) if pages else np.array([], int)
    probs = model.predict(feats[rows]) if len(rows) else []
    out, k = [], 0
    for p in pages:
        n = p["n"]
        out.append(replay(p, probs[k:k + n], low, high))
        k += n
    return out


def predict_compiled(pages):
    """What the compiled-in classifier did (its probabilities, replayed)."""
    return [replay(p, [bl["p"] for bl in p["blocks"]], 0.3, 0.7) for p in pages]


def write_trees(model, path, names):
    roots, nodes = trees.flatten(model, names)
    with open(path, "w") as f:
        f.write("// Generated by bench/train/train.py from the evaluation sets; do not edit.\n")
        f.write(f"// {len(roots)} trees, {len(nodes)} nodes, {len(names)} features.\n")
        f.write(f"constexpr int kTreeCount = {len(roots)};\n")
        f.write("constexpr double kModelBias = 0.0;\n")
        trees.write_tables(f, "kTreeRoots", "kTreeNodes", roots, nodes)


def fmt(v):
    return "    -" if v is None else f"{v:.3f}"


def main():
    global LABELS
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", action="append", default=None,
                    help="a root of sets (repeatable; default: $EXTRACTOR_DATASETS or "
                         "../shared/datasets, and BUILD/datasets-more)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--dump", default=None, help="reuse this dump directory")
    ap.add_argument("--sets", default=None, help="only these sets (comma-separated)")
    ap.add_argument("--train-sets", default=None,
                    help="train only on these sets (comma-separated; default: all)")
    ap.add_argument("--labels", choices=["conventions", "bodies"], default="conventions")
    ap.add_argument("--oos", action="store_true",
                    help="per set: rules, compiled classifier, in-sample, leave-one-set-out, "
                         "by-site k-fold")
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation")
    ap.add_argument("--kfold", type=int, default=0,
                    help="K-fold cross-validation over sites (pages of one site stay together)")
    ap.add_argument("--write", action="store_true", help="write lib/model_trees.inc")
    args = ap.parse_args()
    LABELS = args.labels

    roots = args.datasets or [
        os.environ.get("EXTRACTOR_DATASETS", os.path.join(ROOT, "..", "shared", "datasets")),
        os.path.join(args.build, "datasets-more")]
    set_dirs = find_sets(roots)
    if args.sets:
        set_dirs = {s: d for s, d in set_dirs.items() if s in args.sets.split(",")}
    dump_dir = args.dump or os.path.join(args.build, "train-dump")
    if not args.dump:
        tool = os.path.join(args.build, "bench", "dump_features")
        subprocess.run([tool, dump_dir] + [set_dirs[s] for s in sorted(set_dirs)], check=True)
    names, feats, pages = load(dump_dir, set_dirs)
    NAMES[:] = names
    locked = feats[:, names.index("locked")] > 0.5
    for p in pages:
        a, _ = p["rows"]
        for i, bl in enumerate(p["blocks"]):
            bl["_locked"] = bool(locked[a + i])
    by_set = collections.defaultdict(list)
    for p in pages:
        by_set[p["set"]].append(p)
    trainable = set(args.train_sets.split(",")) if args.train_sets else set(by_set)

    # The replay must give what the library gives: checked on the compiled model.
    def text_labels(p, labels):
        return [l == 1 for b, l in zip(p["blocks"], labels) if b["kind"] not in ("image", "caption")]
    mismatched = sum(1 for p, l in zip(pages, predict_compiled(pages))
                     if not p["with_comments"] and text_labels(p, l) !=
                     text_labels(p, [1 if b["label"] == "content" else 0 for b in p["blocks"]]))
    if mismatched:
        print(f"note: the replay differs from the library on {mismatched} page(s)", file=sys.stderr)

    folds = max(args.kfold, 5 if args.oos else 0)

    def kfold_labels(band):
        import hashlib
        fold_of = {id(p): int(hashlib.sha1(site(p).encode()).hexdigest(), 16) % folds
                   for p in pages}
        out = {}
        for k in range(folds):
            train = [p for p in pages if fold_of[id(p)] != k and p["set"] in trainable]
            test = [p for p in pages if fold_of[id(p)] == k]
            model = fit(train, feats, names)
            for b in band:
                for p, l in zip(test, predict_labels(model, test, feats, *b)):
                    out[(b, p["set"], p["id"])] = l
            print(f"fold {k} done", file=sys.stderr)
        return out

    if args.oos:
        band = (0.3, 0.7)
        cols = ["rules", "compiled", "in-sample", "leave-set-out", f"{folds}-fold site"]
        results = {}
        for s, held in sorted(by_set.items()):
            m, r = score_set(held, [page_text(p, replay(p, None, *band)) for p in held])
            _, c = score_set(held, [page_text(p, l) for p, l in zip(held, predict_compiled(held))])
            results[s] = {"metric": m, "rules": r, "compiled": c}
        model = fit([p for p in pages if p["set"] in trainable], feats, names)
        for s, held in by_set.items():
            _, v = score_set(held, [page_text(p, l) for p, l in
                                    zip(held, predict_labels(model, held, feats, *band))])
            results[s]["in-sample"] = v
        print("in-sample done", file=sys.stderr)
        for s, held in sorted(by_set.items()):
            if results[s]["metric"] == "-":
                results[s]["leave-set-out"] = None
                continue
            model = fit([p for p in pages if p["set"] != s and p["set"] in trainable], feats, names)
            _, v = score_set(held, [page_text(p, l) for p, l in
                                    zip(held, predict_labels(model, held, feats, *band))])
            results[s]["leave-set-out"] = v
            print(f"left out {s}", file=sys.stderr)
        kl = kfold_labels([band])
        for s, held in by_set.items():
            _, v = score_set(held, [page_text(p, kl[(band, p['set'], p['id'])]) for p in held])
            results[s][cols[4]] = v
        print(f"labels: {LABELS}; trained on: {','.join(sorted(trainable))}")
        print(f"{'set':24} {'':5} " + " ".join(f"{c:>13}" for c in cols))
        sums = collections.defaultdict(list)
        for s in sorted(results):
            r = results[s]
            if r["metric"] == "-":
                print(f"{s:24} {'-':5} " + " ".join(f"{'-':>13}" for c in cols) + "  (no body or snippet truth)")
                continue
            cells = []
            for c in cols:
                v = r[c]
                sums[c].append(v)
                cells.append(f"{fmt(v)}" if c == "rules" else f"{fmt(v)} {v - r['rules']:+.3f}")
            print(f"{s:24} {r['metric']:5} " + " ".join(f"{x:>13}" for x in cells))
        means = {c: float(np.mean(v)) for c, v in sums.items()}
        mean_cells = [fmt(means[c]) if c == "rules"
                      else f"{fmt(means[c])} {means[c] - means['rules']:+.3f}" for c in cols]
        print(f"{'mean':24} {'':5} " + " ".join(f"{x:>13}" for x in mean_cells))
        sys.stdout.flush()

    if args.cv:
        print(f"{'held-out set':28} {'rules':>12}" + "".join(f"   model {lo:.2f}-{hi:.2f}" for lo, hi in BANDS))
        for s, held in sorted(by_set.items()):
            m, r = score_set(held, [page_text(p, replay(p, None, 0.3, 0.7)) for p in held])
            if m == "-":
                continue
            train = [p for p in pages if p["set"] != s and p["set"] in trainable]
            model = fit(train, feats, names)
            row = f"{s:28} {m:>5} {r:.3f}"
            for low, high in BANDS:
                labels = predict_labels(model, held, feats, low, high)
                _, v = score_set(held, [page_text(p, l) for p, l in zip(held, labels)])
                row += f"   {v:.3f} {v - r:+.3f}"
            print(row)
            sys.stdout.flush()

    if args.kfold and not args.oos:
        labels = kfold_labels(BANDS)
        print(f"{'set (' + str(args.kfold) + '-fold by site)':28} {'rules':>12}" +
              "".join(f"   model {lo:.2f}-{hi:.2f}" for lo, hi in BANDS))
        for s, held in sorted(by_set.items()):
            m, r = score_set(held, [page_text(p, replay(p, None, 0.3, 0.7)) for p in held])
            if m == "-":
                continue
            row = f"{s:28} {m:>5} {r:.3f}"
            for band in BANDS:
                texts = [page_text(p, labels[(band, p["set"], p["id"])]) for p in held]
                _, v = score_set(held, texts)
                row += f"   {v:.3f} {v - r:+.3f}"
            print(row)

    if args.write:
        model = fit([p for p in pages if p["set"] in trainable], feats, names)
        path = os.path.join(ROOT, "lib", "model_trees.inc")
        write_trees(model, path, names)
        imp = sorted(zip(model.feature_importance("gain"), names), reverse=True)[:15]
        print("wrote", path)
        print("top features by gain:", ", ".join(f"{n} {g:.0f}" for g, n in imp))


if __name__ == "__main__":
    main()
