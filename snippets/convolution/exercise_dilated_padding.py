"""A 5-tap kernel with dilation 3 keeps the size with circular padding 6."""

import torch

torch.manual_seed(0)
x = torch.randn(1, 1, 20)
conv = torch.nn.Conv1d(1, 1, 5, dilation=3, padding=6, padding_mode="circular")
with torch.no_grad():
    y = conv(x)
    err = max(
        (conv(torch.roll(x, v, -1)) - torch.roll(y, v, -1)).abs().max().item()
        for v in range(20)
    )
print(f"output length {y.shape[-1]}, max error < 1e-6: {err < 1e-6}")
#> output length 20, max error < 1e-6: True
assert y.shape[-1] == 20
assert err < 1e-6
