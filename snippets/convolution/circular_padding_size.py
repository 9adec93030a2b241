"""Circular padding is exact when it keeps the size: 2p = d(K - 1)."""

import torch

torch.manual_seed(0)
x = torch.randn(1, 2, 8, 8, dtype=torch.float64)  # (N, C_in, H, W)
shifts = [(dy, dx) for dy in range(8) for dx in range(8)]
for K, d, p in [(3, 1, 1), (3, 2, 2), (3, 1, 2)]:  # kernel, dilation, padding
    conv = torch.nn.Conv2d(2, 3, K, padding=p, dilation=d,
                           padding_mode="circular").double()
    with torch.no_grad():
        y = conv(x)
        worst = max(
            ((conv(x.roll(v, (-2, -1))) - y.roll(v, (-2, -1))).norm()
             / y.norm()).item()
            for v in shifts
        )
    same = 2 * p == d * (K - 1)
    print(f"K={K} d={d} p={p}: output {tuple(y.shape[-2:])}, "
          f"2p = d(K-1): {same}, max relative error {worst:.2f}")
    #> K=3 d=1 p=1: output (8, 8), 2p = d(K-1): True, max relative error 0.00
    #> K=3 d=2 p=2: output (8, 8), 2p = d(K-1): True, max relative error 0.00
    #> K=3 d=1 p=2: output (10, 10), 2p = d(K-1): False, max relative error 1.23
    assert (worst < 1e-12) == same
