"""The probe leaves a model as it found it: mode, parameters and buffers."""

import torch
from torch import nn

from shiftlab.probe import probe

torch.manual_seed(0)
conv = nn.Conv2d(3, 8, 3, padding=1, padding_mode="circular")
model = nn.Sequential(conv, nn.BatchNorm2d(8), nn.ReLU())  # in train mode
state = {k: v.clone() for k, v in model.state_dict().items()}
x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
probe(model, x, shifts=[(0, 1), (2, 2)])  # measures in eval mode
kept = all(torch.equal(v, model.state_dict()[k]) for k, v in state.items())
print(f"train mode: {model.training}, parameters and buffers kept: {kept}")
#> train mode: True, parameters and buffers kept: True
assert model.training
assert kept
