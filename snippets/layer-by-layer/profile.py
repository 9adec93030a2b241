"""With circular padding each layer follows T_(v/s_l) exactly where s_l | v."""

import torch

from shiftlab.experiments.layer_by_layer import network
from shiftlab.probe import probe

x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
shifts = [(0, 1), (1, 1), (0, 2), (2, 2), (0, 4), (4, 4)]  # x: 2 noise images
# the probe reads each layer's cumulative stride s_l from the shapes
report = probe(network("max", padding="circular"), x, shifts)
cols = [str(v).replace(", ", ",") for v in shifts]
print("| layer | s_l | " + " | ".join(cols) + " |\n|" + " --- |" * 8)
#> | layer | s_l | (0,1) | (1,1) | (0,2) | (2,2) | (0,4) | (4,4) |
#> | --- | --- | --- | --- | --- | --- | --- | --- |
for row in report.measured:
    cells = [f"{e.relative_l2:.3f}" if e.defined else "undef"
             for e in row.errors]
    print(f"| {row.name} | {row.stride_text} | " + " | ".join(cells) + " |")
    #> | conv1 | 1 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | relu1 | 1 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | pool1 | 2 | undef | undef | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | conv2 | 2 | undef | undef | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | relu2 | 2 | undef | undef | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | pool2 | 4 | undef | undef | undef | undef | 0.000 | 0.000 |
    #> | conv3 | 4 | undef | undef | undef | undef | 0.000 | 0.000 |
    #> | gap | 16 | undef | undef | undef | undef | undef | undef |
    s = row.stride[0] if row.stride else 1
    for e in row.errors:  # defined exactly where s_l divides v, and then exact
        assert e.defined == (e.shift[0] % s == 0 and e.shift[1] % s == 0)
        assert not e.defined or e.relative_l2 < 1e-6
