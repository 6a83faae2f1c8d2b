#!/usr/bin/env python3
"""Author and date accuracy per source, in and out of sample, and what each
metadata rule earns on sites it was not written for.

    bench/eval/metadata_rules.py [--eval build/bench/extractor-eval]
        [--folds 5] [--rules NAME,...] [--work DIR] DATASET_ROOT...

Runs extractor-eval --json once with every rule on, once per rule with that
rule off (--rule-off), and once per by-site fold with the rules the other
folds do not support switched off. Pages are grouped by site (the truth
URL's host) and the sites into folds, so a site is never in two folds.

A rule is *kept for fold k* when, on the other folds, switching it off
loses more pages than it wins (its net wins > 0) on at least --min-sites
sites with a net win, or when it is redundant there: it changes outputs on
at least --min-sites sites with as many made right as wrong (rules that
back each other up each net nothing alone; dropping them together would
lose what either gives). The out-of-sample figure of a page is its figure
with the rules kept for its own fold; the in-sample one, with the rules
as they are (every rule on). A rule earns its place when it changes
outputs on several sites and its net wins on the held-out folds (where it
was kept by the others) are positive.

Prints, as Markdown: accuracy per source (the source of the returned
author / date) and per set, in and out of sample; then one row per rule:
pages and sites it changes, net wins, net wins per fold, held-out net, and
a verdict. Needs only the standard library.
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import urllib.parse

SETS = ["trafilatura-eval", "postlight-fixtures", "readability-tests",
        "zh-content-author-date", "wcxb", "htmldate"]
FIELDS = ["author", "date"]
SOURCES = ["json-ld", "meta", "markup", "text", "url", "none"]


def run_eval(args, name, off):
    out = os.path.join(args.work, name + ".json")
    if os.path.exists(out) and not args.rerun:
        return load(out)
    cmd = [args.eval, "--threads", str(args.threads), "--sets", ",".join(args.sets),
           "--worst", "0", "--json", out]
    for r in off:
        cmd.append("--rule-off=" + r)
    cmd += args.roots
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return load(out)


def load(path):
    """{(set, id): page} from an extractor-eval --json file."""
    with open(path) as f:
        report = json.load(f)
    pages = {}
    for set_name, s in report["extractor"]["sets"].items():
        for p in s["per_page"]:
            pages[(set_name, p["id"])] = p
    return pages


def site_of(key, page):
    url = page.get("url", "")
    host = urllib.parse.urlsplit(url).hostname or ""
    if host.startswith("www."):
        host = host[4:]
    return host or "%s/%s" % key  # no URL: the page is its own site


def fold_of(site, k):
    return int(hashlib.md5(site.encode()).hexdigest(), 16) % k


def correct(page, field):
    """1/0 where the page has that truth, else None."""
    v = page.get(field)
    return None if v is None else int(bool(v))


def output(page, field):
    return json.dumps(page.get(field + "_out"), sort_keys=True)


def accuracy(values):
    return (sum(values) / len(values), len(values)) if values else (None, 0)


def fmt(acc_n):
    a, n = acc_n
    return "—" if a is None else "%.3f (%d)" % (a, n)


def rule_effects(base, off_pages, sites, folds, k):
    """Per field: {changed pages, sites, net, per-fold net, per-site net}."""
    eff = {}
    for field in FIELDS:
        changed, changed_day, net_by_site = 0, 0, collections.Counter()
        touched = set()
        for key, p in base.items():
            c0 = correct(p, field)
            if c0 is None:
                continue
            q = off_pages.get(key, {})
            if output(p, field) != output(q, field):
                changed += 1
                touched.add(sites[key])
                if field != "date" or (p.get("date_out") or "")[:10] != (q.get("date_out") or "")[:10]:
                    changed_day += 1
            c1 = correct(q, field)
            if c1 is not None and c0 != c1:
                net_by_site[sites[key]] += c0 - c1  # the rule's win: on right, off wrong
        per_fold = [0] * k
        for site, n in net_by_site.items():
            per_fold[folds[site]] += n
        eff[field] = {"changed": changed, "changed_day": changed_day, "sites": len(touched),
                      "touched": touched,
                      "net": sum(net_by_site.values()), "per_fold": per_fold,
                      "win_sites": {s for s, n in net_by_site.items() if n > 0},
                      "net_by_site": net_by_site}
    return eff


def kept_for_fold(e, fold, folds, min_sites):
    """Whether the other folds support the rule (both fields summed): it wins
    there on enough sites, or it is redundant there (it changes outputs on
    enough sites, as many right as wrong). A redundant rule is kept: rules
    that back each other up (two sources of the same date) each net nothing
    alone, and dropping them together would lose what either gives."""
    net, win_sites, touched = 0, set(), set()
    for field in FIELDS:
        net += sum(n for i, n in enumerate(e[field]["per_fold"]) if i != fold)
        win_sites |= {s for s in e[field]["win_sites"] if folds[s] != fold}
        touched |= {s for s in e[field]["touched"] if folds[s] != fold}
    if net > 0:
        return len(win_sites) >= min_sites
    return net == 0 and len(touched) >= min_sites


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("roots", nargs="+")
    ap.add_argument("--eval", default="build/bench/extractor-eval")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-sites", type=int, default=2)
    ap.add_argument("--rules", default="", help="only these rules (default: every rule)")
    ap.add_argument("--work", default="/tmp/metadata-rules")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rerun", action="store_true", help="ignore cached runs in --work")
    args = ap.parse_args()
    args.sets = args.sets.split(",")
    os.makedirs(args.work, exist_ok=True)
    listing = subprocess.run([args.eval, "--list-rules"], check=True, capture_output=True,
                             text=True).stdout.splitlines()
    all_rules = [line.split("\t")[0] for line in listing if line]
    rules = args.rules.split(",") if args.rules else all_rules
    k = args.folds

    base = run_eval(args, "base", [])
    sites = {key: site_of(key, p) for key, p in base.items()}
    folds = {s: fold_of(s, k) for s in set(sites.values())}
    effects = {}
    for r in rules:
        print("rule off: " + r, file=sys.stderr)
        effects[r] = rule_effects(base, run_eval(args, "off-" + r, [r]), sites, folds, k)

    # Out of sample: each fold's pages with the rules the other folds keep.
    oos = {}
    dropped_by_fold = []
    for fold in range(k):
        dropped = sorted(r for r in rules
                         if not kept_for_fold(effects[r], fold, folds, args.min_sites))
        dropped_by_fold.append(dropped)
        run = run_eval(args, "fold%d-%s" % (fold, hashlib.md5(
            ",".join(dropped).encode()).hexdigest()[:8]), dropped)
        for key, p in run.items():
            if folds[sites[key]] == fold:
                oos[key] = p
    # In sample, the same selection on every site: what the rules would be
    # if all the sets chose them.
    dropped_all = sorted(r for r in rules
                         if not kept_for_fold(effects[r], -1, folds, args.min_sites))
    sel = run_eval(args, "selected-" + hashlib.md5(",".join(dropped_all).encode()).hexdigest()[:8],
                   dropped_all)

    configs = [("as is (in sample)", base), ("selected on all sites", sel),
               ("by-site folds (out of sample)", oos)]
    print("# Author and date accuracy per source\n")
    print("Sets: %s. %d sites in %d folds (by the truth URL's host). Accuracy of the returned "
          "field among pages with a truth, by where it came from (none: nothing returned).\n"
          % (", ".join(args.sets), len(folds), k))
    for field in FIELDS:
        print("## %s\n" % field)
        print("| source | " + " | ".join(name for name, _ in configs) + " |")
        print("| --- |" + " ---: |" * len(configs))
        for src in SOURCES + ["all"]:
            cells = []
            for _, pages in configs:
                vals = [correct(p, field) for p in pages.values()
                        if correct(p, field) is not None and
                        (src == "all" or p.get(field + "_source", "none") == src)]
                cells.append(fmt(accuracy(vals)))
            print("| %s | %s |" % (src, " | ".join(cells)))
        print()
        print("| set | " + " | ".join(name for name, _ in configs) + " |")
        print("| --- |" + " ---: |" * len(configs))
        for s in args.sets:
            cells = []
            for _, pages in configs:
                vals = [correct(p, field) for key, p in pages.items()
                        if key[0] == s and correct(p, field) is not None]
                cells.append(fmt(accuracy(vals)))
            print("| %s | %s |" % (s, " | ".join(cells)))
        print()

    print("## Rules\n")
    print("Switching the rule off: pages whose output changes, sites they are on, net wins of "
          "the rule (pages it makes right less pages it makes wrong), per fold; held-out: the "
          "net wins on the folds whose other folds keep it. Verdict: earns its place when it "
          "changes outputs on %d sites or more and its held-out net is positive.\n"
          % (args.min_sites + 1))
    print("| rule | field | pages | sites | net | per fold | held-out net | verdict |")
    print("| --- | --- | ---: | ---: | ---: | --- | ---: | --- |")
    verdicts = {}
    for r in rules:
        e = effects[r]
        held = 0
        for fold in range(k):
            if kept_for_fold(e, fold, folds, args.min_sites):
                held += sum(e[f]["per_fold"][fold] for f in FIELDS)
        sites_changed = max(e[f]["sites"] for f in FIELDS)
        if sites_changed == 0:
            verdict = "changes nothing"
        elif all(e[f]["changed_day"] == 0 and not any(e[f]["per_fold"]) for f in FIELDS):
            verdict = "time of day only (not scored)"
        elif sites_changed > args.min_sites and held > 0:
            verdict = "earns"
        else:
            verdict = "retire?"
        verdicts[r] = verdict
        shown = [f for f in FIELDS if e[f]["changed"] > 0] or [r.split(".")[0]]
        for f in shown:
            print("| %s | %s | %d | %d | %+d | %s | %+d | %s |" % (
                r, f, e[f]["changed"], e[f]["sites"], e[f]["net"],
                " ".join("%+d" % n for n in e[f]["per_fold"]), held, verdict))
    print()
    for fold in range(k):
        print("fold %d drops: %s" % (fold, ", ".join(dropped_by_fold[fold]) or "nothing"))
    print("selected on all sites drops: %s" % (", ".join(dropped_all) or "nothing"))


if __name__ == "__main__":
    main()
