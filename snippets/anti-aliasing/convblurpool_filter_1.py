"""ConvBlurPool with filter size 1 is ReLU of the strided convolution."""

import itertools

import torch
import torch.nn.functional as F

from shiftlab.layers import ConvBlurPool

torch.manual_seed(0)
gap, cases = 0.0, 0
for k, s, mode in itertools.product((1, 3, 5), (1, 2, 3), ("zero", "circular")):
    layer = ConvBlurPool(3, 4, k, filter_size=1, stride=s, padding_mode=mode)
    wrap = "zeros" if mode == "zero" else mode  # torch's name for the mode
    strided = torch.nn.Conv2d(3, 4, k, s, (k - 1) // 2, padding_mode=wrap)
    strided.load_state_dict(layer.conv.state_dict())  # same weights and bias
    layer, strided = layer.double(), strided.double()
    for H, W in itertools.product(range(5, 11), repeat=2):
        x = torch.randn(2, 3, H, W, dtype=torch.float64)  # (N, C, H, W)
        a, b = F.relu(strided(x)), layer(x)
        assert a.shape == b.shape
        gap, cases = max(gap, (a - b).abs().max().item()), cases + 1
print(f"{cases} cases, max |difference| < 1e-12: {gap < 1e-12}")
#> 648 cases, max |difference| < 1e-12: True
assert gap < 1e-12
