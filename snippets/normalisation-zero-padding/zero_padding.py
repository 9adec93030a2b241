"""Under circular shifts, zero padding, not normalisation, breaks a real CNN."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error


def cnn(padding_mode: str, norm: bool) -> torch.nn.Module:
    torch.manual_seed(0)  # the same convolutions in every variant
    bn = torch.nn.BatchNorm2d if norm else lambda c: torch.nn.Identity()
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3, padding=1, padding_mode=padding_mode),
        bn(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, 4, 3, padding=1, padding_mode=padding_mode),
        bn(4),
    ).double()


x = np.random.default_rng(0).normal(size=(4, 3, 12, 12))  # (N, C, H, W)
variants = [
    (False, "no normalisation"),
    (True, "BatchNorm, train"),
    (True, "BatchNorm, eval"),
]
for padding_mode in ("circular", "zeros"):
    for norm, mode in variants:
        net = cnn(padding_mode, norm)
        with torch.no_grad():  # running statistics from train-mode batches
            for _ in range(20):
                net(torch.randn(16, 3, 12, 12, dtype=torch.float64))
        net.train(mode.endswith("train"))

        def f(a: np.ndarray, net: torch.nn.Module = net) -> np.ndarray:
            with torch.no_grad():
                return net(torch.from_numpy(a)).numpy()

        # whole batch shifted
        err = equivariance_error(f, x, batch_size=1).max_relative_l2
        label = f"{padding_mode:>8} padding, {mode:16s}"
        print(f"{label}: max relative error {err:.3f}")
        #> circular padding, no normalisation: max relative error 0.000
        #> circular padding, BatchNorm, train: max relative error 0.000
        #> circular padding, BatchNorm, eval : max relative error 0.000
        #>    zeros padding, no normalisation: max relative error 0.603
        #>    zeros padding, BatchNorm, train: max relative error 0.714
        #>    zeros padding, BatchNorm, eval : max relative error 0.714
        assert (err < 1e-12) == (padding_mode == "circular")
