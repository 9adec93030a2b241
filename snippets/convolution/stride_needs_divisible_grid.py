"""Stride 2, circular: f(T_v x) = T_(v/2) f(x) when 2 divides v and N."""

import torch

torch.manual_seed(0)
conv = torch.nn.Conv2d(3, 8, 5, stride=2, padding=2, padding_mode="circular")
conv = conv.double()
# On 9 x 9 the output samples 0, 2, ..., 8: the wrap from 8 to 0 is an odd step
for N in (8, 9):
    x = torch.randn(1, 3, N, N, dtype=torch.float64)  # (N, C, H, W)
    even = [(dy, dx) for dy in range(0, N, 2) for dx in range(0, N, 2)]
    with torch.no_grad():
        y = conv(x)
        worst = max(  # f(T_v x) against T_(v/2) f(x), relative
            ((conv(x.roll(v, (-2, -1))) - y.roll((v[0] // 2, v[1] // 2),
                                                 (-2, -1))).norm()
             / y.norm()).item()
            for v in even
        )
    size = tuple(y.shape[-2:])
    print(f"N = {N}: output {size}, even shifts, max rel. error {worst:.2f}")
    #> N = 8: output (4, 4), even shifts, max rel. error 0.00
    #> N = 9: output (5, 5), even shifts, max rel. error 1.27
    assert (worst < 1e-12) == (N % 2 == 0)
