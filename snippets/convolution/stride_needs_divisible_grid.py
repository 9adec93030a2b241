"""A circular stride-2 convolution satisfies f(T_v x) = T_(v/2) f(x) when 2 divides v and N.

On 8 x 8 the output grid is 4 x 4 and every even shift of the input is a shift of it. On
9 x 9 the output has 5 x 5 samples taken at 0, 2, ..., 8: the wrap from 8 back to 0 is an
odd step, and "even" means nothing modulo 9 (v = 8 is also v = -1).
"""

import torch

torch.manual_seed(0)
conv = torch.nn.Conv2d(3, 8, 5, stride=2, padding=2, padding_mode="circular").double()


def roll(a: torch.Tensor, v: tuple[int, int]) -> torch.Tensor:  # T_v on the last two axes
    return torch.roll(a, v, dims=(-2, -1))


for N in (8, 9):
    x = torch.randn(1, 3, N, N, dtype=torch.float64)  # (N, C, H, W)
    even = [(dy, dx) for dy in range(0, N, 2) for dx in range(0, N, 2)]
    with torch.no_grad():
        y = conv(x)
        worst = max(
            ((conv(roll(x, v)) - roll(y, (v[0] // 2, v[1] // 2))).norm() / y.norm()).item()
            for v in even
        )
    print(f"N = {N}: output {tuple(y.shape[-2:])}, even shifts, max relative error {worst:.2f}")
    #> N = 8: output (4, 4), even shifts, max relative error 0.00
    #> N = 9: output (5, 5), even shifts, max relative error 1.27
    assert (worst < 1e-12) == (N % 2 == 0)
