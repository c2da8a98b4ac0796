"""The curve of quality against training time, through the running app's REST API, as a user would get it.

For each preset: train on the two clips' face sets for `--every` minutes, swap the clip of A with the model
(A's faces made to look like B), read the result's quality report, resume for another `--every` minutes, and so
on up to `--minutes`. Every point prints the iterations, the loss of each side, the held-out SSIM of each
decoder, the identity figure (swapped faces passing as B) with its ceiling and its two controls, and flicker.
The last preset is the baseline: at the end every other preset's figures are divided by it, point by point.
"""
import argparse
import json
import sys
import time

from client import Api

GOAL_SSIM = 0.60
GOAL_IDENTITY = 0.50
GOAL_CONTROL = 0.10


def point(api, model, video, minutes):
    m = api.call("GET", f"/api/models/{model}")
    result = api.call("POST", "/api/swaps", {"model": model, "video": video, "direction": "A_TO_B", "options": {}})
    api.wait(f"/api/results/{result['id']}", {"READY"}, {"FAILED"})
    report = api.call("GET", f"/api/results/{result['id']}/report")
    identity, rec, flicker = report["identity"], report["reconstruction"], report["flicker"]
    return {
        "minutes": minutes, "iterations": m["iterations"], "trainingSeconds": round(m["trainingSeconds"] or 0),
        "lossA": m["lossA"], "lossB": m["lossB"], "smoothedLoss": m["smoothedLoss"],
        "ssimA": rec["ssimA"], "ssimB": rec["ssimB"], "heldOutA": rec["facesA"], "heldOutB": rec["facesB"],
        "identityMeasurable": identity["measurable"], "identityReason": identity["reason"],
        "swappedAsTarget": identity["swappedAsTarget"], "swappedFaces": identity["swappedFaces"],
        "ceiling": identity["ceiling"], "sourceAsTarget": identity["sourceAsTarget"],
        "blurredSourceAsTarget": identity["blurredSourceAsTarget"], "blurSigma": identity["blurSigma"],
        "blurredTargetAsTarget": identity.get("blurredTargetAsTarget"),
        "flickerSwapped": flicker["swapped"], "flickerSource": flicker["source"], "result": result["id"],
    }


def train_curve(api, preset, set_a, set_b, video_a, minutes, every):
    model = api.call("POST", "/api/models", {"name": f"bench {preset}", "faceSetA": set_a, "faceSetB": set_b,
                                              "preset": preset, "maxMinutes": every})["id"]
    curve = []
    for done in range(every, minutes + 1, every):
        if done > every:
            api.call("POST", f"/api/models/{model}/resume", {"maxMinutes": done})
        api.wait(f"/api/models/{model}", {"STOPPED", "COMPLETED"}, {"FAILED"}, seconds=done * 60 + 900)
        p = point(api, model, video_a, done)
        p["preset"] = preset
        print(json.dumps(p), flush=True)
        print(line(p), flush=True)
        curve.append(p)
    return model, curve


def line(p):
    soft = p.get("blurredTargetAsTarget")
    # The figures are printed even when the report calls them not measurable: the bench is for reading the curve.
    identity = (f"identity {p['swappedAsTarget']:.0%} as B (ceiling {p['ceiling']:.0%}, "
                f"{'?' if soft is None else format(soft, '.0%')} as soft as the swap; controls: A's own faces "
                f"{p['sourceAsTarget']:.0%}, A blurred to sigma {p['blurSigma']:.1f} {p['blurredSourceAsTarget']:.0%})"
                + ("" if p["identityMeasurable"] else f" NOT MEASURABLE: {p['identityReason']}"))
    return (f"  {p['preset']:>10} {p['minutes']:>3} min {p['iterations']:>6} it  loss A {p['lossA']:.4f} "
            f"B {p['lossB']:.4f} (smoothed {p['smoothedLoss']:.4f})  SSIM A {p['ssimA']:.3f} B {p['ssimB']:.3f}  {identity}  flicker "
            f"{p['flickerSwapped']:.1f} (source {p['flickerSource']:.1f})")


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--clip-a", required=True)
    parser.add_argument("--clip-b", required=True)
    parser.add_argument("--minutes", type=int, default=15)
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--presets", default="lite,baseline")
    args = parser.parse_args()
    presets = args.presets.split(",")

    api = Api(args.base)
    api.up()
    email = f"bench-{int(time.time())}@example.com"
    api.sign_up(email, "bench-password-1")
    print(f"account: {email} (password bench-password-1), to look at the results in the browser afterwards")
    video_a = api.upload(args.clip_a)["id"]
    video_b = api.upload(args.clip_b)["id"]
    sets = {}
    for video in (video_a, video_b):
        deadline = time.time() + 600
        while video not in sets and time.time() < deadline:
            for s in api.call("GET", "/api/facesets"):
                if s["videoId"] == video and s["status"] in ("READY", "FAILED"):
                    sets[video] = s
            time.sleep(2)
        if sets.get(video, {}).get("status") != "READY":
            sys.exit(f"no face set from video {video}: {sets.get(video)}")
    print(f"faces: A {sets[video_a]['faceCount']} ({args.clip_a.rsplit('/', 1)[-1]}), "
          f"B {sets[video_b]['faceCount']} ({args.clip_b.rsplit('/', 1)[-1]})", flush=True)

    curves = {}
    for preset in presets:
        print(f"== {preset}: {args.minutes} min of training, a swap of A every {args.every} min", flush=True)
        _, curves[preset] = train_curve(api, preset, sets[video_a]["id"], sets[video_b]["id"], video_a,
                                        args.minutes, args.every)

    base = presets[-1]
    print(f"\n== against {base}, measured in this run (ratio = preset / {base})")
    for preset in presets[:-1]:
        for p, b in zip(curves[preset], curves[base]):
            print(f"  {preset:>10} {p['minutes']:>3} min: iterations {ratio(p['iterations'], b['iterations'])}, "
                  f"smoothed loss {ratio(p['smoothedLoss'], b['smoothedLoss'])}, "
                  f"SSIM A {ratio(p['ssimA'], b['ssimA'])} B {ratio(p['ssimB'], b['ssimB'])}, "
                  f"identity {p['swappedAsTarget']:.0%} vs {b['swappedAsTarget']:.0%}")
    print(f"\n== goals at {args.minutes} min: held-out SSIM >= {GOAL_SSIM}, identity >= {GOAL_IDENTITY:.0%}, "
          f"both controls <= {GOAL_CONTROL:.0%}")
    for preset in presets:
        p = curves[preset][-1]
        met = (min(p["ssimA"], p["ssimB"]) >= GOAL_SSIM and p["identityMeasurable"]
               and p["swappedAsTarget"] >= GOAL_IDENTITY
               and max(p["sourceAsTarget"], p["blurredSourceAsTarget"]) <= GOAL_CONTROL)
        print(f"  {preset:>10}: {'met' if met else 'not met'}")


if __name__ == "__main__":
    main()
