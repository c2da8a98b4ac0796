"""Prints SwapBenchmark's JSON line as a readable summary (and the line itself)."""
import json
import sys

r = json.loads(sys.stdin.read())
stages = lambda key: ", ".join(f"{k} {v:.2f}" for k, v in r[key].items())
print(f"{r['clip']}: {r['frames']} frames ({r['framesWithFaces']} with a face), preset {r['preset']} on {r['device']}")
print(f"  swap (detector every 5th frame, tracking between): {r['fps']:.1f} fps = {r['realTimeRatio']:.2f} x real time (25 fps)")
print(f"  ms per frame: {stages('msPerFrame')}")
print(f"  detector on every frame: {r['fpsDetectEveryFrame']:.1f} fps, {r['framesWithFacesDetectEveryFrame']} frames with a face; ms per frame: {stages('msPerFrameDetectEveryFrame')}")
print(f"  decode + encode only: {r['fpsDecodeEncodeOnly']:.1f} fps; swap / (decode + encode) = {r['ratioToDecodeEncode']:.2f}")
print("  " + json.dumps(r))
