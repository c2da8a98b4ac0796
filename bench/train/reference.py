#!/usr/bin/env python3
"""PyTorch-Python reference of Doppel's face autoencoder (one shared encoder, decoders A and B), for timing.

It builds the same network as the DJL trainer from a preset in models/presets/ (or the built-in table below),
trains it on random 'faces' with the masked MAE loss and Adam, and prints seconds per iteration: the anchor
the DJL trainer is compared with (bench/train/run.sh on CPU; on a CUDA GPU, run it by hand with --device cuda).

  python3 bench/train/reference.py --preset lite --iterations 20 [--device cpu|cuda] [--threads 2]
"""
import argparse
import json
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {
    # input, encoder filters, dense, batch per side
    "tiny": (32, [16, 32, 64, 128], 128, 16),
    "lite": (64, [64, 128, 256, 512], 512, 16),
    "original": (64, [128, 256, 512, 1024], 1024, 16),
    "hq": (128, [128, 256, 512, 1024, 1024], 1024, 16),
}


def load_preset(name):
    path = os.path.join(os.path.dirname(__file__), "..", "..", "models", "presets", name + ".json")
    if os.path.exists(path):
        with open(path) as f:
            p = json.load(f)
        return p["inputSize"], p["encoderFilters"], p["denseSize"], p["batchSize"]
    return PRESETS[name]


class Upscale(nn.Module):
    """conv 3x3 to 4C, LeakyReLU(0.1), pixel shuffle x2 -> C channels at twice the size."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout * 4, 3, padding=1)

    def forward(self, x):
        return F.pixel_shuffle(F.leaky_relu(self.conv(x), 0.1), 2)


class Encoder(nn.Module):
    def __init__(self, size, filters, dense):
        super().__init__()
        layers, cin = [], 3
        for f in filters:
            layers += [nn.Conv2d(cin, f, 5, stride=2, padding=2), nn.LeakyReLU(0.1)]
            cin = f
        self.convs = nn.Sequential(*layers)
        self.start = size // (2 ** len(filters))
        self.channels = filters[-1]
        self.dense1 = nn.Linear(cin * self.start * self.start, dense)
        self.dense2 = nn.Linear(dense, self.start * self.start * self.channels)
        self.up = Upscale(self.channels, self.channels // 2)

    def forward(self, x):
        x = self.convs(x).flatten(1)
        x = self.dense2(self.dense1(x))
        x = x.view(-1, self.channels, self.start, self.start)
        return self.up(x)


class Decoder(nn.Module):
    def __init__(self, filters, ups):
        super().__init__()
        c = filters[-1] // 2
        blocks = []
        for _ in range(ups):
            blocks.append(Upscale(c, c // 2))
            c //= 2
        self.ups = nn.Sequential(*blocks)
        self.out = nn.Conv2d(c, 3, 5, padding=2)

    def forward(self, x):
        return torch.sigmoid(self.out(self.ups(x)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="lite")
    ap.add_argument("--iterations", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    size, filters, dense, batch = load_preset(args.preset)
    dev = torch.device(args.device)
    ups = len(filters) - 1  # the encoder's upscale is the first of len(filters) doublings
    enc, dec_a, dec_b = Encoder(size, filters, dense).to(dev), Decoder(filters, ups).to(dev), Decoder(filters, ups).to(dev)
    params = list(enc.parameters()) + list(dec_a.parameters()) + list(dec_b.parameters())
    opt = torch.optim.Adam(params, lr=5e-5, betas=(0.5, 0.999))
    a = torch.rand(batch, 3, size, size, device=dev)
    b = torch.rand(batch, 3, size, size, device=dev)
    mask = torch.ones(batch, 1, size, size, device=dev)
    times = []
    for i in range(args.warmup + args.iterations):
        if dev.type == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        opt.zero_grad()
        loss_a = (torch.abs(dec_a(enc(a)) - a) * mask).mean()
        loss_b = (torch.abs(dec_b(enc(b)) - b) * mask).mean()
        (loss_a + loss_b).backward()
        opt.step()
        if dev.type == "cuda":
            torch.cuda.synchronize()
        if i >= args.warmup:
            times.append(time.perf_counter() - t)
    n = sum(p.numel() for p in params)
    mean = sum(times) / len(times)
    print(json.dumps({"preset": args.preset, "device": str(dev), "torch": torch.__version__,
                      "threads": torch.get_num_threads(), "parameters": n, "batchPerSide": batch,
                      "secondsPerIteration": round(mean, 5), "iterationsPerSecond": round(1 / mean, 2),
                      "lossA": round(loss_a.item(), 4), "lossB": round(loss_b.item(), 4)}))


if __name__ == "__main__":
    main()
