"""Benchmarks, each a ratio against a baseline measured in the same run.

    python bench/run.py            # or: make bench

1. data validation: our data vs ten times our data (generated), and validation vs one language build.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.build import build_language
from macros.model import load_roadmap


def timed(fn, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def scaled_data(factor: int, dest: Path) -> Path:
    """Our data with phases, activities and resources repeated ``factor`` times under new ids."""
    shutil.copytree(ROOT / "data", dest)
    phases = yaml.safe_load((ROOT / "data/phases.yml").read_text())["phases"]
    acts = yaml.safe_load((ROOT / "data/workplan.yml").read_text())["activities"]
    res = yaml.safe_load((ROOT / "data/resources.yml").read_text())
    out_p, out_a, out_r = [], [], []
    for k in range(factor):
        shift = k * 10
        ren = {p["id"]: f"P{int(p['id'][1:]) + shift}" for p in phases}

        def pid(old: str, ren: dict = ren) -> str:
            head, _, tail = old.partition(".")
            return ren[head] + ("." + tail if tail else "")

        for p in phases:
            q = dict(p, id=ren[p["id"]])
            for key in ("objectives", "milestones", "deliverables"):
                q[key] = [dict(o, id=pid(o["id"])) for o in p.get(key, [])]
            out_p.append(q)
        for a in acts:
            n = int(a["phase"][1:]) + shift
            out_a.append(dict(a, id=f"A{n}.{a['id'].split('.')[1]}", phase=ren[a["phase"]],
                              objectives=[pid(o) for o in a["objectives"]],
                              depends_on=[f"A{n}.{d.split('.')[1]}" for d in a.get("depends_on", [])]))
        for r in res["resources"]:
            n = int(r["phase"][1:]) + shift
            out_r.append(dict(r, id=f"R{n}.{r['id'].split('.')[1]}", phase=ren[r["phase"]]))
    class Plain(yaml.SafeDumper):  # shared objects are written out: our data allows no aliases
        def ignore_aliases(self, data):
            return True

    dump = lambda obj: yaml.dump(obj, Dumper=Plain, allow_unicode=True, sort_keys=False)
    (dest / "phases.yml").write_text(dump({"phases": out_p}))
    (dest / "workplan.yml").write_text(dump({"activities": out_a}))
    (dest / "resources.yml").write_text(dump({"funding_sources": res["funding_sources"], "resources": out_r}))
    return dest


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    big = scaled_data(10, tmp / "data10")
    base = timed(lambda: load_roadmap(ROOT / "data"))
    ten = timed(lambda: load_roadmap(big))
    n_base = len(load_roadmap(ROOT / "data").activities)
    n_ten = len(load_roadmap(big).activities)
    one_lang = timed(lambda: build_language("en", tmp / "site-en"), repeat=1)
    print("data validation (median of 3)")
    print(f"  our data ({n_base} activities):        {base * 1000:8.1f} ms   1.00x")
    print(f"  ten times ({n_ten} activities):       {ten * 1000:8.1f} ms   {ten / base:5.2f}x")
    print(f"  one language build (en):        {one_lang * 1000:8.1f} ms   {one_lang / base:5.1f}x validation")
    print(f"  validation share of a language build: {base / one_lang:.1%}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
