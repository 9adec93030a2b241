"""The probe on one of the guide's models: a row per layer, the output, what is skipped.

The network of the shifted-digits experiment (max pooling, global average pooling),
with seeded random weights, on four noise images of 16 x 16. One call, one table. The
model is untrained, so its classifier line is no measure of anything (see the page).
"""

import textwrap

import torch

from shiftlab.experiments.digits import DigitNet
from shiftlab.probe import probe

torch.manual_seed(0)
model = DigitNet("gap-maxpool")  # conv-ReLU-pool-conv-ReLU-pool, GAP in forward, linear
x = torch.randn(4, 1, 16, 16, generator=torch.Generator().manual_seed(0))  # N, C, H, W
report = probe(model, x, shifts=[(0, 1), (0, 2), (2, 2), (4, 4)])
for line in str(report).splitlines():  # long lines wrapped
    print(textwrap.fill(line, 86, subsequent_indent="    "))
    #> probe of DigitNet on input (4, 1, 16, 16), 4 circular shifts; relative L2 error of
    #>     each layer against T_{v/s} of its unshifted output
    #> layer       type       call  stride  crop  (0, 1)     (0, 2)     (2, 2)     (4, 4)
    #> features.0  Conv2d     0     1       0     0          0          0          0
    #> features.1  ReLU       0     1       0     0          0          0          0
    #> features.2  MaxPool2d  0     2       0     undefined  0          0          0
    #> features.3  Conv2d     0     2       0     undefined  0          0          0
    #> features.4  ReLU       0     2       0     undefined  0          0          0
    #> features.5  MaxPool2d  0     4       0     undefined  undefined  undefined  0
    #> head        Linear     0     -       -     skipped
    #> output (4, 10), invariance: 4 shifts, 4 defined (100%): max relative L2 0.0618, max
    #>     abs 0.0365 over the defined ones
    #> classifier (10 classes): unshifted prediction kept for 1.000 (16 of 16) of the (image,
    #>     shift) pairs; changed by 0.000 (0 of 16) of the one-pixel shifts
    #> undefined: the stride s does not divide the shift v (no T_{v/s})
    #> skipped head (Linear, call 0): its output (4, 10) has 0 spatial axes, the input 2
with torch.no_grad():  # untrained: the same class for every image, so "kept" is trivial
    print("predicted classes:", model.eval()(x).argmax(dim=1).tolist())
    #> predicted classes: [9, 9, 9, 9]
assert report.layer("features.5").stride == (4, 4)
assert [row.name for row in report.skipped] == ["head"]
