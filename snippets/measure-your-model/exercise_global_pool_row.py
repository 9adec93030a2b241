"""A global pool row defines only the zero shift; the output keeps all 64."""

import torch
from torch import nn

from shiftlab.probe import probe

torch.manual_seed(0)
conv = nn.Conv2d(1, 4, 3, padding=1, padding_mode="circular")
model = nn.Sequential(conv, nn.ReLU(), nn.AdaptiveAvgPool2d(1))
x = torch.randn(2, 1, 8, 8, generator=torch.Generator().manual_seed(0))
report = probe(model, x)  # all 64 circular shifts of the 8 x 8 grid
pool = report.layer("2")
defined = [e.shift for e in pool.errors if e.defined]
unchanged = sum(e.relative_l2 < 1e-6 for e in report.output.invariance)
print(f"pool row: stride {pool.stride}, defined for {defined}")
#> pool row: stride (8, 8), defined for [(0, 0)]
print(f"output unchanged by {unchanged} of {len(report.shifts)} shifts")
#> output unchanged by 64 of 64 shifts
assert defined == [(0, 0)]
assert unchanged == 64
