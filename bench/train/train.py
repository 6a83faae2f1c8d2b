#!/usr/bin/env python3
"""Trains the block classifier of lib/model.{h,cc} and writes lib/model_trees.inc.

    bench/train/train.py [--datasets DIR] [--build DIR] [--cv] [--write]

1. Runs the dump tool (build/bench/dump_features) over every set: each
   block's feature vector (lib/model_features.inc) and text.
2. Labels blocks against each set's truth: in the sets with an annotated
   body, a block is content when most of its 4-token shingles occur in the
   body; in the snippet sets, a block holding a must_contain snippet is
   content and one holding a must_not_contain snippet is boilerplate (the
   other blocks of those pages are left unlabelled).
3. Fits a small gradient-boosted tree ensemble (LightGBM). Every page weighs
   the same, as in the evaluation, whatever its number of blocks.
4. --cv: leave-one-set-out cross-validation. For each set, a model trained on
   the other sets only is scored on it, next to the rules alone. A model that
   helps only on the sets it saw is not kept: this is the check that what
   wins here also wins on pages nobody tuned for.
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


def load(dump_dir, datasets):
    names = open(os.path.join(dump_dir, "feature_names.txt")).read().split()
    feats = np.fromfile(os.path.join(dump_dir, "features.f32"), dtype=np.float32)
    feats = feats.reshape(-1, len(names))
    pages = []
    row = 0
    truths = {}
    with open(os.path.join(dump_dir, "pages.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            s = p["set"]
            if s not in truths:
                truths[s] = {}
                with open(os.path.join(datasets, s, "truth.jsonl"), encoding="utf-8") as t:
                    for tl in t:
                        d = json.loads(tl)
                        truths[s][d["id"]] = d
            p["rows"] = (row, row + p["n"])
            p["truth"] = truths[s][p["id"]]
            row += p["n"]
            pages.append(p)
    assert row == feats.shape[0], (row, feats.shape)
    return names, feats, pages


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
        return y, w
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
    return y, w


def page_text(p, labels):
    parts = [b["text"] for b, l in zip(p["blocks"], labels)
             if l and b["kind"] not in ("image", "caption")]
    return "\n".join(parts)


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
    return ("snip", float(np.mean(snips)) if snips else 0.0)


def dataset(pages, feats):
    X, Y, W = [], [], []
    locked = NAMES.index("locked")
    for p in pages:
        a, b = p["rows"]
        y, w = label_page(p)
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


def predict_labels(model, pages, feats, low=0.5, high=0.5):
    out = []
    for p in pages:
        a, b = p["rows"]
        rule = [1 if bl["rule"] == "content" else 0 for bl in p["blocks"]]
        if b == a:
            out.append([])
            continue
        prob = model.predict(feats[a:b])
        locked = feats[a:b, NAMES.index("locked")]
        labels = []
        for i, bl in enumerate(p["blocks"]):
            if bl["kind"] == "image" or bl["rule"] == "comment" or locked[i] > 0.5:
                labels.append(rule[i])
            elif prob[i] >= high:
                labels.append(1)
            elif prob[i] < low:
                labels.append(0)
            else:
                labels.append(rule[i])
        out.append(labels)
    return out


def write_trees(model, path, names):
    dump = model.dump_model()
    assert dump["feature_names"] == names
    nodes = []
    roots = []

    def emit(node):
        idx = len(nodes)
        nodes.append(None)
        if "leaf_value" in node:
            nodes[idx] = (-1, 0.0, 0, 0, node["leaf_value"])
            return idx
        assert node["decision_type"] == "<=", node["decision_type"]
        left = emit(node["left_child"])
        right = emit(node["right_child"])
        nodes[idx] = (node["split_feature"], node["threshold"], left, right, 0.0)
        return idx

    for tree in dump["tree_info"]:
        roots.append(emit(tree["tree_structure"]))
    with open(path, "w") as f:
        f.write("// Generated by bench/train/train.py from ../shared/datasets; do not edit.\n")
        f.write(f"// {len(roots)} trees, {len(nodes)} nodes, {len(names)} features.\n")
        f.write(f"constexpr int kTreeCount = {len(roots)};\n")
        f.write("constexpr double kModelBias = 0.0;\n")
        f.write(f"constexpr std::int32_t kTreeRoots[{len(roots)}] = {{\n")
        for i in range(0, len(roots), 12):
            f.write("    " + ", ".join(str(r) for r in roots[i:i + 12]) + ",\n")
        f.write("};\n")
        f.write(f"constexpr TreeNode kTreeNodes[{len(nodes)}] = {{\n")
        for feat, thr, left, right, value in nodes:
            f.write(f"    {{{feat}, {float(thr)!r}f, {left}, {right}, {float(value)!r}f}},\n")
        f.write("};\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", default=os.environ.get(
        "EXTRACTOR_DATASETS", os.path.join(ROOT, "..", "shared", "datasets")))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--dump", default=None, help="reuse this dump directory")
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation")
    ap.add_argument("--kfold", type=int, default=0,
                    help="K-fold cross-validation over sites (pages of one host stay together)")
    ap.add_argument("--write", action="store_true", help="write lib/model_trees.inc")
    args = ap.parse_args()

    dump_dir = args.dump or os.path.join(args.build, "train-dump")
    if not args.dump:
        sets = sorted(d for d in os.listdir(args.datasets)
                      if os.path.exists(os.path.join(args.datasets, d, "truth.jsonl")))
        tool = os.path.join(args.build, "bench", "dump_features")
        subprocess.run([tool, dump_dir] + [os.path.join(args.datasets, s) for s in sets],
                       check=True)
    names, feats, pages = load(dump_dir, args.datasets)
    NAMES[:] = names
    by_set = collections.defaultdict(list)
    for p in pages:
        by_set[p["set"]].append(p)

    if args.cv:
        print(f"{'held-out set':28} {'rules':>12}" + "".join(f"   model {lo:.2f}-{hi:.2f}" for lo, hi in BANDS))
        for s, held in sorted(by_set.items()):
            train = [p for p in pages if p["set"] != s]
            model = fit(train, feats, names)
            rule_texts = [page_text(p, [b["rule"] == "content" for b in p["blocks"]]) for p in held]
            m, r = score_set(held, rule_texts)
            row = f"{s:28} {m:>5} {r:.3f}"
            for low, high in BANDS:
                labels = predict_labels(model, held, feats, low, high)
                _, v = score_set(held, [page_text(p, l) for p, l in zip(held, labels)])
                row += f"   {v:.3f} {v - r:+.3f}"
            print(row)
            sys.stdout.flush()

    if args.kfold:
        import hashlib
        from urllib.parse import urlparse

        def fold(p):
            url = p["truth"].get("url") or ""
            host = urlparse(url).hostname or p["id"]
            return int(hashlib.sha1(host.encode()).hexdigest(), 16) % args.kfold

        labels = {}
        for k in range(args.kfold):
            train = [p for p in pages if fold(p) != k]
            test = [p for p in pages if fold(p) == k]
            model = fit(train, feats, names)
            for band in BANDS:
                for p, l in zip(test, predict_labels(model, test, feats, *band)):
                    labels[(band, p["set"], p["id"])] = l
            print(f"fold {k} done", file=sys.stderr)
        print(f"{'set (' + str(args.kfold) + '-fold by site)':28} {'rules':>12}" +
              "".join(f"   model {lo:.2f}-{hi:.2f}" for lo, hi in BANDS))
        for s, held in sorted(by_set.items()):
            rule_texts = [page_text(p, [b["rule"] == "content" for b in p["blocks"]]) for p in held]
            m, r = score_set(held, rule_texts)
            row = f"{s:28} {m:>5} {r:.3f}"
            for band in BANDS:
                texts = [page_text(p, labels[(band, p["set"], p["id"])]) for p in held]
                _, v = score_set(held, texts)
                row += f"   {v:.3f} {v - r:+.3f}"
            print(row)

    if args.write:
        model = fit(pages, feats, names)
        path = os.path.join(ROOT, "lib", "model_trees.inc")
        write_trees(model, path, names)
        imp = sorted(zip(model.feature_importance("gain"), names), reverse=True)[:15]
        print("wrote", path)
        print("top features by gain:", ", ".join(f"{n} {g:.0f}" for g, n in imp))


if __name__ == "__main__":
    main()
