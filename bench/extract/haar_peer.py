"""Peer (a) of bench/extract: the Haar extraction with Debian's python3-opencv, on one clip.

Decode every frame (cv2.VideoCapture) → downscale to at most 640 px wide (INTER_AREA) → grey → equalizeHist →
haarcascade_frontalface_default detectMultiScale(1.1, 5, minSize 40 px scaled, as doppel's CascadeFaceDetector)
→ for the largest face a similarity crop (scale + shift, no rotation: there are no landmarks) of 256×256 around
the box, mapped back to frame pixels (cv2.warpAffine) → JPEG of the crop and PNG of a 256×256 elliptical mask,
encoded to memory. Seconds cover the whole loop, decode included, cascade loading excluded.
    /usr/bin/python3 bench/extract/haar_peer.py <clip>     → one JSON line
"""
import json
import os
import sys
import time

import cv2
import numpy as np

SEARCH_WIDTH = 640
MIN_SIZE = 40
CHIP = 256
FACE_FRACTION = 1 / 1.5  # the box's width is two thirds of the crop, like dlib's chip with padding 0.25


def cascade_path():
    name = "haarcascade_frontalface_default.xml"
    dirs = [getattr(getattr(cv2, "data", None), "haarcascades", None), "/usr/share/opencv4/haarcascades",
            "/usr/share/opencv/haarcascades"]
    for d in dirs:
        if d and os.path.isfile(os.path.join(d, name)):
            return os.path.join(d, name)
    sys.exit(f"{name} not found (apt-get install python3-opencv opencv-data)")


def main():
    clip = sys.argv[1]
    cascade = cv2.CascadeClassifier(cascade_path())
    if cascade.empty():
        sys.exit("could not load the cascade")
    frames = with_face = 0
    encoded_bytes = 0
    start = time.perf_counter()
    cap = cv2.VideoCapture(clip)
    if not cap.isOpened():
        sys.exit(f"cannot open {clip}")
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        frames += 1
        h, w = frame.shape[:2]
        scale = min(1.0, SEARCH_WIDTH / w)
        small = frame if scale >= 1.0 else cv2.resize(frame, (round(w * scale), round(h * scale)),
                                                       interpolation=cv2.INTER_AREA)
        grey = cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY))
        min_size = max(12, round(MIN_SIZE * scale))
        faces = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_size, min_size))
        if len(faces) == 0:
            continue
        with_face += 1
        x, y, bw, bh = max(faces, key=lambda r: r[2] * r[3])
        cx, cy, size = (x + bw / 2) / scale, (y + bh / 2) / scale, bw / scale
        s = CHIP * FACE_FRACTION / size
        m = [[s, 0, CHIP / 2 - s * cx], [0, s, CHIP / 2 - s * cy]]
        crop = cv2.warpAffine(frame, np.array(m, dtype=np.float64), (CHIP, CHIP), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)
        mask = np.zeros((CHIP, CHIP), np.uint8)
        cv2.ellipse(mask, (CHIP // 2, CHIP // 2), (int(CHIP * 0.36), int(CHIP * 0.45)), 0, 0, 360, 255, -1)
        ok1, jpg = cv2.imencode(".jpg", crop)
        ok2, png = cv2.imencode(".png", mask)
        if not (ok1 and ok2):
            sys.exit("encoding failed")
        encoded_bytes += len(jpg) + len(png)
    cap.release()
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": "python-opencv-haar", "clip": os.path.basename(clip), "frames": frames,
                      "framesWithFace": with_face, "seconds": round(seconds, 4),
                      "fps": round(frames / seconds, 2) if seconds > 0 else 0}))


if __name__ == "__main__":
    main()
