"""Reads the JSON lines of one clip (every run of every impl) and prints a table of the best run of each impl,
doppel's ratio to each peer and the goal check: doppel ≥ 2× the faster peer."""
import json
import sys

PEERS = ("python-opencv-haar", "dlib-hog-68")
GOAL = 2.0

best = {}
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    if r["impl"] not in best or r["fps"] > best[r["impl"]]["fps"]:
        best[r["impl"]] = r
if not best:
    print("  no results")
    sys.exit(0)

clip = next(iter(best.values()))["clip"]
peers = [best[p] for p in PEERS if p in best]
ours = [r for impl, r in best.items() if impl.startswith("doppel-")]
faces = lambda r: r.get("framesWithFace", r.get("framesWithFaces", 0))
print(f"{clip}:")
print(f"  {'impl':<22}{'frames':>7}{'with face':>11}{'fps':>9}" + "".join(f"{'/ ' + p['impl']:>24}" for p in peers))
for r in ours + peers:
    ratios = "".join(f"{r['fps'] / p['fps']:>23.2f}x" if r in ours and p["fps"] > 0 else f"{'':>24}" for p in peers)
    print(f"  {r['impl']:<22}{r['frames']:>7}{faces(r):>11}{r['fps']:>9.1f}{ratios}")
if peers and ours:
    fastest = max(peers, key=lambda p: p["fps"])
    for r in ours:
        ratio = r["fps"] / fastest["fps"] if fastest["fps"] > 0 else float("inf")
        verdict = "met" if ratio >= GOAL else "MISSED"
        print(f"  goal {r['impl']} >= {GOAL:g}x the faster peer ({fastest['impl']}, {fastest['fps']:.1f} fps): "
              f"{ratio:.2f}x, {verdict}")
for r in ours + peers:
    print("  " + json.dumps(r))
