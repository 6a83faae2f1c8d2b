#!/usr/bin/env python3
"""Trains the page-type classifier of lib/pagetype.{h,cc} and writes lib/pagetype_trees.inc.

    bench/train/pagetype.py [--dump DIR] [--datasets DIR ...] [--folds K] [--articles SETS]
                            [--predictions FILE] [--write]

1. Reads the page features the dump tool wrote (bench/train/train.py runs it;
   build/bench/dump_features OUT_DIR SET_DIR... does too): page_features per
   page in OUT_DIR/pages.jsonl, names in OUT_DIR/page_feature_names.txt.
2. Labels: wcxb's extra.page_type (article, forum, product, listing,
   collection, documentation, service), collection counted as listing (the
   library's PageType::kListing). --articles SETS adds the pages of those
   sets (news and blog benchmarks) as articles.
3. K-fold cross-validation by site (every page of a site on one side):
   out-of-sample accuracy on wcxb and the confusion matrix (rows: wcxb's
   type, columns: the library's answer, "other" below the 0.4 floor).
   --predictions FILE writes those answers, so that extractor-eval
   --page-types FILE scores the extraction with out-of-sample page types.
4. --write: trains on all the pages and writes lib/pagetype_trees.inc.

Needs: pip install lightgbm numpy.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlparse

import numpy as np

import trees

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLASSES = ["article", "forum", "product", "listing", "documentation", "service"]
TRUTH_TYPES = ["article", "forum", "product", "listing", "collection", "documentation", "service"]
FLOOR = 0.4  # lib/pagetype.h kPageTypeFloor
PARAMS = dict(
    objective="multiclass",
    num_class=len(CLASSES),
    learning_rate=0.08,
    num_leaves=7,
    min_data_in_leaf=5,
    feature_fraction=0.5,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    # Random split points: with 624 pages, of which many are near the
    # borders between types, 0.87 out of sample against 0.86 with searched ones.
    extra_trees=True,
    verbose=-1,
    seed=7,
    deterministic=True,
    force_row_wise=True,
    num_threads=1,  # 2 threads on a shared 2-core machine: 100x slower
)
ROUNDS = 300


def find_sets(roots):
    sets = {}
    for root in roots:
        if os.path.isdir(root):
            for d in sorted(os.listdir(root)):
                if os.path.exists(os.path.join(root, d, "truth.jsonl")) and d not in sets:
                    sets[d] = os.path.join(root, d)
    return sets


def site(set_name, truth):
    host = urlparse(truth.get("url") or "").hostname or (truth.get("extra") or {}).get("domain")
    if host:
        return set_name + ":" + re.sub(r"^www\d*\.", "", host.lower())
    return set_name + ":" + truth["id"]


def load(dump_dir, set_dirs, article_sets):
    names = open(os.path.join(dump_dir, "page_feature_names.txt")).read().split()
    truths = {}
    for s in set(["wcxb"]) | set(article_sets):
        truths[s] = {}
        with open(os.path.join(set_dirs[s], "truth.jsonl"), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                truths[s][d["id"]] = d
    X, y, sites, sets, ids = [], [], [], [], []
    decoder = json.JSONDecoder()
    with open(os.path.join(dump_dir, "pages.jsonl"), encoding="utf-8") as f:
        for line in f:
            # Only the page's fields are needed; the blocks (most of the line)
            # come first, keys being written in order: parse from
            # "page_features" on.
            at = line.rfind('"page_features":')
            if at < 0:
                continue
            p = json.loads("{" + line[at:])
            if p.get("set") not in truths:
                continue
            p["id"] = json.loads(line[line.rfind('"id":', 0, at) + 5:line.rfind(',"n":', 0, at)])
            t = truths[p["set"]][p["id"]]
            if p["set"] == "wcxb":
                kind = (t.get("extra") or {}).get("page_type")
                if kind not in TRUTH_TYPES:
                    continue
            else:
                kind = "article"
            X.append(p["page_features"])
            y.append(kind)
            sites.append(site(p["set"], t))
            sets.append(p["set"])
            ids.append(p["id"])
    return names, np.array(X, dtype=np.float32), y, sites, sets, ids


def cls(kind):
    return CLASSES.index("listing" if kind == "collection" else kind)


def fit(X, y, names, weights=None):
    import lightgbm as lgb
    data = lgb.Dataset(X, label=[cls(k) for k in y], weight=weights, feature_name=names,
                       free_raw_data=False)
    return lgb.train(PARAMS, data, num_boost_round=ROUNDS)


def decide(probs):
    best = int(np.argmax(probs))
    return CLASSES[best] if probs[best] >= FLOOR else "other"


def write_trees(model, path, names):
    roots, nodes = trees.flatten(model, names)
    with open(path, "w") as f:
        f.write("// Generated by bench/train/pagetype.py; do not edit.\n")
        f.write(f"// {len(roots)} trees ({len(CLASSES)} classes: {', '.join(CLASSES)}; tree t "
                f"scores class t % {len(CLASSES)}), {len(nodes)} nodes, {len(names)} features.\n")
        f.write(f"constexpr int kPageClasses = {len(CLASSES)};\n")
        f.write(f"constexpr int kPageTreeCount = {len(roots)};\n")
        trees.write_tables(f, "kPageTreeRoots", "kPageTreeNodes", roots, nodes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--dump", default=None, help="dump directory (default BUILD/train-dump)")
    ap.add_argument("--datasets", action="append", default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--articles", default="", help="sets whose pages are added as articles")
    ap.add_argument("--article-weight", type=float, default=0.25,
                    help="weight of each added article page (wcxb pages weigh 1)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--predictions", default=None,
                    help="write the out-of-sample answers to this file, JSON lines of {set, id, "
                         "page_type, confidence} (extractor-eval --page-types reads it)")
    args = ap.parse_args()
    roots = args.datasets or [
        os.environ.get("EXTRACTOR_DATASETS", os.path.join(ROOT, "..", "shared", "datasets")),
        os.path.join(args.build, "datasets-more")]
    set_dirs = find_sets(roots)
    article_sets = [s for s in args.articles.split(",") if s]
    dump_dir = args.dump or os.path.join(args.build, "train-dump")
    names, X, y, sites, sets, ids = load(dump_dir, set_dirs, article_sets)
    w = np.array([1.0 if s == "wcxb" else args.article_weight for s in sets], dtype=np.float32)
    wcxb = [i for i, s in enumerate(sets) if s == "wcxb"]
    print(f"{len(wcxb)} wcxb pages, {len(y) - len(wcxb)} added articles; {len(names)} features")

    fold = np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % args.folds for s in sites])
    predicted = {}
    probs_out = {}
    for k in range(args.folds):
        train = fold != k
        model = fit(X[train], [y[i] for i in np.where(train)[0]], names, w[train])
        test = [i for i in wcxb if fold[i] == k]
        for i, pr in zip(test, model.predict(X[test])):
            predicted[i] = decide(pr)
            probs_out[i] = pr
    if args.predictions:
        with open(args.predictions, "w") as f:
            for i in wcxb:
                pr = probs_out[i]
                f.write(json.dumps({"set": sets[i], "id": ids[i], "page_type": predicted[i],
                                    "confidence": round(float(max(pr)), 4)}) + "\n")
    cols = CLASSES + ["other"]
    matrix = collections.defaultdict(collections.Counter)
    correct = 0
    for i in wcxb:
        truth = y[i]
        matrix[truth][predicted[i]] += 1
        correct += CLASSES[cls(truth)] == predicted[i]
    print(f"out-of-sample accuracy ({args.folds}-fold by site): {correct / len(wcxb):.3f} "
          f"({correct}/{len(wcxb)}; collection counted as listing)")
    # article vs not: the article probability's accuracy at 0.5
    art_ok = sum((probs_out[i][0] >= 0.5) == (y[i] == "article") for i in wcxb)
    print(f"article probability >= 0.5 agrees with 'is an article' on {art_ok / len(wcxb):.3f}")
    print("| wcxb type \\ predicted | " + " | ".join(cols) + " | pages | correct |")
    print("| --- | " + " | ".join("---:" for _ in cols) + " | ---: | ---: |")
    for t in TRUTH_TYPES:
        row = matrix[t]
        total = sum(row.values())
        ok = row[CLASSES[cls(t)]]
        print(f"| {t} | " + " | ".join(str(row[c]) for c in cols) +
              f" | {total} | {ok / total if total else 0:.2f} |")
    sys.stdout.flush()

    if args.write:
        model = fit(X, y, names, w)
        path = os.path.join(ROOT, "lib", "pagetype_trees.inc")
        write_trees(model, path, names)
        imp = sorted(zip(model.feature_importance("gain"), names), reverse=True)[:15]
        print("wrote", path)
        print("top features by gain:", ", ".join(f"{n} {g:.0f}" for g, n in imp))


if __name__ == "__main__":
    main()
