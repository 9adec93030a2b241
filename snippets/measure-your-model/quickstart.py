"""One probe call: a row per layer call, against the shift its stride allows."""

import torch

from shiftlab.experiments.digits import DigitNet
from shiftlab.probe import probe

torch.manual_seed(0)
model = DigitNet("gap-maxpool")  # untrained; its GAP is in forward()
x = torch.randn(4, 1, 16, 16, generator=torch.Generator().manual_seed(0))
report = probe(model, x, shifts=[(0, 1), (0, 2), (4, 4)])
# str(report) holds this table, under a title line and above the output's
table = str(report).splitlines()[1 : 2 + len(report.layers)]
print(*table, sep="\n")
#> layer       type       call  stride  crop  (0, 1)     (0, 2)     (4, 4)
#> features.0  Conv2d     0     1       0     0          0          0
#> features.1  ReLU       0     1       0     0          0          0
#> features.2  MaxPool2d  0     2       0     undefined  0          0
#> features.3  Conv2d     0     2       0     undefined  0          0
#> features.4  ReLU       0     2       0     undefined  0          0
#> features.5  MaxPool2d  0     4       0     undefined  undefined  0
#> head        Linear     0     -       -     skipped
assert report.layer("features.5").stride == (4, 4)
