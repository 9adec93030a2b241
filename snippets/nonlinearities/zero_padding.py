"""Zero padding, not normalisation, is what breaks a real CNN's equivariance.

The same conv-BatchNorm-ReLU-conv-BatchNorm stack, in train and in eval mode, with circular
and with zero padding, measured over every circular shift of a 12x12 input.
"""

import numpy as np
import torch

from shiftlab.measures import equivariance_error


def cnn(padding_mode: str) -> torch.nn.Module:
    torch.manual_seed(0)  # the same weights for both paddings
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3, padding=1, padding_mode=padding_mode),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, 4, 3, padding=1, padding_mode=padding_mode),
        torch.nn.BatchNorm2d(4),
    ).double()


x = np.random.default_rng(0).normal(size=(4, 3, 12, 12))  # (N, C, H, W)
for padding_mode in ("circular", "zeros"):
    net = cnn(padding_mode)
    with torch.no_grad():  # running statistics from train-mode batches
        for _ in range(20):
            net(torch.randn(16, 3, 12, 12, dtype=torch.float64))
    for mode in ("train", "eval"):
        net.train(mode == "train")

        def f(a: np.ndarray, net: torch.nn.Module = net) -> np.ndarray:
            with torch.no_grad():
                return net(torch.from_numpy(a)).numpy()

        err = equivariance_error(f, x, batch_size=1).max_relative_l2  # whole batch shifted
        print(f"{padding_mode:>8} padding, {mode:5s}: max relative error {err:.3f}")
        #> circular padding, train: max relative error 0.000
        #> circular padding, eval : max relative error 0.000
        #>    zeros padding, train: max relative error 0.714
        #>    zeros padding, eval : max relative error 0.714
        assert (err < 1e-12) == (padding_mode == "circular")
