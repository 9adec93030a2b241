"""Circular convolutions commute with circular shifts in 1-D, 2-D and 3-D."""

import torch

torch.manual_seed(0)
cases = {  # spatial size, layer: C_in=2 -> C_out=4, kernel 3, dilation 2
    "1-D": ((64,), torch.nn.Conv1d),
    "2-D": ((16, 20), torch.nn.Conv2d),
    "3-D": ((8, 10, 12), torch.nn.Conv3d),
}
for name, (size, layer) in cases.items():
    conv = layer(2, 4, 3, padding=2, dilation=2, padding_mode="circular")
    conv = conv.double()
    x = torch.randn(1, 2, *size, dtype=torch.float64)  # (N, C_in, *S)
    v = tuple(range(3, 3 + len(size)))  # (3,), (3, 4), (3, 4, 5)
    dims = tuple(range(-len(size), 0))
    with torch.no_grad():
        gap = conv(torch.roll(x, v, dims)) - torch.roll(conv(x), v, dims)
    agree = bool(gap.abs().max() < 1e-12)  # float64 round-off
    print(f"{name}: shift {v}, max |f(T_v x) - T_v f(x)| < 1e-12: {agree}")
    #> 1-D: shift (3,), max |f(T_v x) - T_v f(x)| < 1e-12: True
    #> 2-D: shift (3, 4), max |f(T_v x) - T_v f(x)| < 1e-12: True
    #> 3-D: shift (3, 4, 5), max |f(T_v x) - T_v f(x)| < 1e-12: True
    assert agree
