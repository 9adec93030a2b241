"""A strided residual block: its ReLU, called twice, gets two rows."""

import torch
from torch import nn

from shiftlab.probe import probe


class Block(nn.Module):
    """conv-BN-ReLU-conv-BN plus a strided 1 x 1 conv-BN skip, then ReLU."""

    def __init__(self) -> None:
        """8 to 16 channels; both paths take every second position: stride 2."""
        super().__init__()
        kw = {"padding": 1, "padding_mode": "circular", "bias": False}
        self.conv1, self.bn1 = nn.Conv2d(8, 16, 3, 2, **kw), nn.BatchNorm2d(16)
        self.relu = nn.ReLU()
        self.conv2, self.bn2 = nn.Conv2d(16, 16, 3, **kw), nn.BatchNorm2d(16)
        skip = nn.Conv2d(8, 16, 1, stride=2, bias=False)
        self.skip = nn.Sequential(skip, nn.BatchNorm2d(16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The sum is a functional call: no module, no row of its own."""
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + self.skip(x))


torch.manual_seed(0)
stem = nn.Conv2d(3, 8, 3, padding=1, padding_mode="circular")
head = [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 10)]
model = nn.Sequential(stem, Block(), *head)
for bn in (m for m in model.modules() if isinstance(m, nn.BatchNorm2d)):
    bn.running_mean.uniform_(-1, 1)  # running statistics as if trained
    bn.running_var.uniform_(0.5, 2)
x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
report = probe(model, x, shifts=[(0, 1), (2, 2)])
print(*str(report).splitlines()[1 : 2 + len(report.layers)], sep="\n")
#> layer     type               call  stride  crop  (0, 1)     (2, 2)
#> 0         Conv2d             0     1       0     0          0
#> 1.conv1   Conv2d             0     2       0     undefined  0
#> 1.bn1     BatchNorm2d        0     2       0     undefined  0
#> 1.relu    ReLU               0     2       0     undefined  0
#> 1.conv2   Conv2d             0     2       0     undefined  0
#> 1.bn2     BatchNorm2d        0     2       0     undefined  0
#> 1.skip.0  Conv2d             0     2       0     undefined  0
#> 1.skip.1  BatchNorm2d        0     2       0     undefined  0
#> 1.relu    ReLU               1     2       0     undefined  0
#> 2         AdaptiveAvgPool2d  0     16      0     undefined  undefined
#> 3         Flatten            0     -       -     skipped
#> 4         Linear             0     -       -     skipped
relu = [row.call for row in report.layers if row.name == "1.relu"]
assert relu == [0, 1]
errors = [e for r in report.measured for e in r.errors if e.defined]
assert all(e.relative_l2 < 1e-6 for e in errors)  # every defined one: exact
