"""Zero-padded layers: exact on the interior crop under zero-fill shifts."""

import math

import torch

from shiftlab.experiments.layer_by_layer import network
from shiftlab.probe import probe

net = network("max", padding="zeros")
x = torch.randn(2, 3, 32, 32, generator=torch.Generator().manual_seed(0))
shifts = [(0, 4), (4, 4), (0, 8), (8, 8)]
runs = {
    "zero-fill, crop": probe(net, x, shifts, shift_mode="zero"),
    "no crop": probe(net, x, shifts, shift_mode="zero", crop=0),
    "roll": probe(net, x, shifts, shift_mode="circular"),
}
print("| layer | s_l | crop | R |", " | ".join(runs), "|\n|" + " --- |" * 7)
#> | layer | s_l | crop | R | zero-fill, crop | no crop | roll |
#> | --- | --- | --- | --- | --- | --- | --- |
for row in runs["zero-fill, crop"].measured:
    cells = []
    for report in runs.values():
        errors = [e.relative_l2 for e in report.layer(row.name).errors]
        seen = [e for e in errors if not math.isnan(e)]  # nan: nothing left
        cells.append(f"{max(seen):.3f} ({len(seen)} of {len(errors)})")
    radius = row.radius[0] if row.radius else 0
    head = f"| {row.name} | {row.stride_text} | {row.crop[0]} | {radius:.0f} |"
    print(head, " | ".join(cells), "|")
    #> | conv1 | 1 | 1 | 1 | 0.000 (4 of 4) | 0.155 (4 of 4) | 0.279 (4 of 4) |
    #> | relu1 | 1 | 1 | 1 | 0.000 (4 of 4) | 0.150 (4 of 4) | 0.258 (4 of 4) |
    #> | pool1 | 2 | 1 | 2 | 0.000 (4 of 4) | 0.118 (4 of 4) | 0.196 (4 of 4) |
    #> | conv2 | 2 | 2 | 4 | 0.000 (4 of 4) | 0.232 (4 of 4) | 0.390 (4 of 4) |
    #> | relu2 | 2 | 2 | 4 | 0.000 (4 of 4) | 0.237 (4 of 4) | 0.380 (4 of 4) |
    #> | pool2 | 4 | 2 | 6 | 0.000 (4 of 4) | 0.162 (4 of 4) | 0.276 (4 of 4) |
    #> | conv3 | 4 | 3 | 10 | 0.000 (2 of 4) | 0.330 (4 of 4) | 0.521 (4 of 4) |
    exact = [c.startswith("0.000") for c in cells]
    assert exact == [True, False, False]  # only the zero-fill shift, cropped
