"""Strides 1, 2, 1, 2, 2: v = (4, 8) has an output action up to s_l = 4 only."""

import torch
from torch import nn

from shiftlab.probe import probe

net = nn.Sequential(  # circular padding that keeps the size
    nn.Conv2d(1, 2, 3, padding=1, padding_mode="circular"),
    nn.MaxPool2d(2),
    nn.Conv2d(2, 2, 3, padding=1, padding_mode="circular"),
    nn.MaxPool2d(2),
    nn.Conv2d(2, 2, 3, stride=2, padding=1, padding_mode="circular"),
)
x = torch.randn(1, 1, 32, 32, generator=torch.Generator().manual_seed(0))
report = probe(net, x, [(4, 8)])
for row in report.measured:
    (e,) = row.errors
    print(f"s_l = {row.stride_text}: defined {e.defined}")
    #> s_l = 1: defined True
    #> s_l = 2: defined True
    #> s_l = 2: defined True
    #> s_l = 4: defined True
    #> s_l = 8: defined False
    assert e.defined == (4 % row.stride[0] == 0)
