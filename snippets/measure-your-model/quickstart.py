"""One probe call: a row per layer, the output, and what was skipped."""

import textwrap

import torch

from shiftlab.experiments.digits import DigitNet
from shiftlab.probe import probe

torch.manual_seed(0)
# conv-ReLU-pool-conv-ReLU-pool, GAP in forward, linear
model = DigitNet("gap-maxpool")
# four noise images, (N, C, H, W)
x = torch.randn(4, 1, 16, 16, generator=torch.Generator().manual_seed(0))
report = probe(model, x, shifts=[(0, 1), (0, 2), (2, 2), (4, 4)])
# the report, its long lines wrapped to the 80 columns of the code box
lines = str(report).splitlines()
wrapped = [textwrap.fill(line, 77, subsequent_indent="    ") for line in lines]
print(*wrapped, sep="\n")
#> probe of DigitNet on input (4, 1, 16, 16), 4 circular shifts; relative L2
#>     error of each layer against T_{v/s} of its unshifted output
#> layer       type       call  stride  crop  (0, 1)     (0, 2)     (2, 2)
#>     (4, 4)
#> features.0  Conv2d     0     1       0     0          0          0          0
#> features.1  ReLU       0     1       0     0          0          0          0
#> features.2  MaxPool2d  0     2       0     undefined  0          0          0
#> features.3  Conv2d     0     2       0     undefined  0          0          0
#> features.4  ReLU       0     2       0     undefined  0          0          0
#> features.5  MaxPool2d  0     4       0     undefined  undefined  undefined  0
#> head        Linear     0     -       -     skipped
#> output (4, 10), invariance: 4 shifts, 4 defined (100%): max relative L2
#>     0.0618, max abs 0.0365 over the defined ones
#> classifier (10 classes): unshifted prediction kept for 1.000 (16 of 16) of
#>     the (image, shift) pairs; changed by 0.000 (0 of 16) of the one-pixel
#>     shifts
#> undefined: the stride s does not divide the shift v (no T_{v/s})
#> skipped head (Linear, call 0): its output (4, 10) has 0 spatial axes, the
#>     input 2
# untrained: the same class for every image, so "kept" is trivial
with torch.no_grad():
    print("predicted classes:", model.eval()(x).argmax(dim=1).tolist())
    #> predicted classes: [9, 9, 9, 9]
assert report.layer("features.5").stride == (4, 4)
assert [row.name for row in report.skipped] == ["head"]
