"""An undefined shift is null in the JSON file and reads back as undefined."""

import json

import torch
from torch import nn

from shiftlab.probe import ProbeReport, probe

conv = nn.Conv1d(1, 1, 3, padding=1, padding_mode="circular")
model = nn.Sequential(conv, nn.MaxPool1d(2))
x = torch.randn(1, 1, 8, generator=torch.Generator().manual_seed(0))
saved = json.loads(probe(model, x, [(1,), (2,)]).to_json())
row = saved["layers"][1]["relative_l2"]  # one value per shift
print("pool row in JSON:", [v if v is None else round(v, 6) for v in row])
#> pool row in JSON: [None, 0.0]
back = ProbeReport.from_dict(saved).layer("1")
print("read back, defined:", [e.defined for e in back.errors])
#> read back, defined: [False, True]
assert row[0] is None
