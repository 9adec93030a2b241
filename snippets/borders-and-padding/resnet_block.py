"""Zero-padded ResNet: exact on the interior crop, invariant only inside."""

from functools import partial

import torch
from torch import nn

from shiftlab.probe import probe


class Residual(nn.Module):
    """ReLU(body(x) + skip(x)), a sum the probe sees through the next layer."""

    def __init__(self, body: list[nn.Module], skip: list[nn.Module]) -> None:
        """Hold the two paths; no skip layers: the identity."""
        super().__init__()
        self.body = nn.Sequential(*body)
        self.skip = nn.Sequential(*skip) if skip else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Add the outputs of the two children, then apply ReLU."""
        return torch.relu(self.body(x) + self.skip(x))


def block(c_in: int, c_out: int, s: int = 1) -> Residual:
    bn, conv = nn.BatchNorm2d, partial(nn.Conv2d, padding=1, bias=False)
    body = [conv(c_in, c_out, 3, s), bn(c_out), nn.ReLU()]  # zero padding
    body += [conv(c_out, c_out, 3), bn(c_out)]  # eval BN: an affine map
    skip = [conv(c_in, c_out, 1, s, padding=0), bn(c_out)] if s > 1 else []
    return Residual(body, skip)


torch.manual_seed(0)  # receptive-field radius R = 6
model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), block(8, 8))
model.extend([block(8, 16, 2), nn.AdaptiveAvgPool2d(1), nn.Flatten()])
model.append(nn.Linear(16, 10)).eval()
for bn in (m for m in model.modules() if isinstance(m, nn.BatchNorm2d)):
    bn.running_mean.uniform_(-1, 1), bn.running_var.uniform_(0.5, 2)
gen = torch.Generator().manual_seed(0)
filled = torch.randn(2, 3, 40, 40, generator=gen)  # content up to the border
inside = torch.zeros(2, 3, 40, 40)  # content 16 >= 2R + |v| from every edge
inside[..., 16:24, 16:24] = torch.randn(2, 3, 8, 8, generator=gen)
print("| input | shift | layers | largest error | scores change |")
#> | input | shift | layers | largest error | scores change |
print("| --- | --- | --- | --- | --- |")
#> | --- | --- | --- | --- | --- |
cases = [(filled, "zero"), (filled, "circular"), (inside, "zero")]
for x, mode in cases:  # shifts: multiples of the stride 2
    report = probe(model, x, [(0, 2), (2, 2), (-4, 4)], shift_mode=mode)
    errors = [r.errors for r in report.measured if r.errors.defined]
    err = max(e.max_relative_l2 for e in errors)
    score = report.output.invariance.max_relative_l2
    name = "filled" if x is filled else "inside"
    print(f"| {name} | {mode} | {len(errors)} | {err:.3f} | {score:.3f} |")
    #> | filled | zero | 14 | 0.000 | 0.005 |
    #> | filled | circular | 14 | 0.358 | 0.004 |
    #> | inside | zero | 14 | 0.000 | 0.000 |
    assert (err < 1e-5) == (mode == "zero")
    assert (score < 1e-5) == (x is inside)
