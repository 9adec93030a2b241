"""Train-mode BatchNorm commutes with shifting each sample by its own v_n."""

import numpy as np
import torch

torch.manual_seed(0)
bn = torch.nn.BatchNorm2d(3).double().train()
bn.weight.data.uniform_(0.5, 2.0)  # an affine as after training
bn.bias.data.uniform_(-1.0, 1.0)


def f(a: np.ndarray) -> np.ndarray:  # statistics of the batch it is given
    with torch.no_grad():
        return bn(torch.from_numpy(a)).numpy()


x = 3.0 + np.random.default_rng(0).normal(size=(4, 3, 8, 8))  # (N, C, H, W)
# Each sample shifted by its own v_n: still a permutation of the N H W values.
shifts = [(0, 0), (1, 3), (5, 2), (7, 7)]  # v_n, (dy, dx)
each = [np.roll(s, v, axis=(-2, -1)) for s, v in zip(x, shifts, strict=True)]
moved = [np.roll(y, v, (-2, -1)) for y, v in zip(f(x), shifts, strict=True)]
err = np.abs(f(np.stack(each)) - np.stack(moved)).max()
print(f"a shift of its own per sample: max error < 1e-12: {err < 1e-12}")
#> a shift of its own per sample: max error < 1e-12: True
assert err < 1e-12
