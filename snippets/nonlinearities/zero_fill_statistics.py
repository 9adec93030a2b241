"""With zero padding, train-mode statistics see the border: the interior is exact only in eval.

Zero-padded stack, zero-fill shifts with |dy|, |dx| <= 2, compared on an interior crop of
the receptive-field radius, 2 (equivariance_error also leaves out the zero-filled band and
a crop width next to it).
"""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
net = torch.nn.Sequential(  # receptive-field radius 1 + 1 = 2
    torch.nn.Conv2d(3, 8, 3, padding=1),
    torch.nn.BatchNorm2d(8),
    torch.nn.ReLU(),
    torch.nn.Conv2d(8, 4, 3, padding=1),
    torch.nn.BatchNorm2d(4),
).double()
with torch.no_grad():  # running statistics from train-mode batches
    for _ in range(20):
        net(torch.randn(16, 3, 16, 16, dtype=torch.float64))


def f(a: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return net(torch.from_numpy(a)).numpy()


x = np.random.default_rng(0).normal(size=(4, 3, 16, 16))  # (N, C, H, W)
shifts = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)]
for mode in ("train", "eval"):
    net.train(mode == "train")
    report = equivariance_error(f, x, shifts, shift_mode="zero", crop=2, batch_size=1)
    print(f"{mode:5s}: {len(report)} zero-fill shifts, interior max relative error "
          f"{report.max_relative_l2:.3f}")
    #> train: 25 zero-fill shifts, interior max relative error 0.135
    #> eval : 25 zero-fill shifts, interior max relative error 0.000
    assert (report.max_relative_l2 < 1e-12) == (mode == "eval")
