"""With matching shifts every layer is exact, except APS under zero padding."""

import itertools

import torch

from shiftlab.experiments.layer_by_layer import DOWNSAMPLERS, LABELS, network
from shiftlab.probe import probe

x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
unchanged = {"max": 16, "blur": 64, "aps": 256}  # with circular padding
print("| padding | pool | layer error | skipped | unchanged by | max change |")
#> | padding | pool | layer error | skipped | unchanged by | max change |
print("| --- | --- | --: | --: | --: | --: |")
#> | --- | --- | --: | --: | --: | --: |
for padding, kind in itertools.product(("circular", "zeros"), DOWNSAMPLERS):
    mode = "circular" if padding == "circular" else "zero"  # match the padding
    report = probe(network(kind, padding), x, shift_mode=mode)  # 256 shifts
    worst = max(e.relative_l2 for r in report.measured for e in r.errors
                if e.measured)
    scores = [e.relative_l2 for e in report.output.invariance]
    kept = sum(change < 1e-6 for change in scores)  # scores unchanged
    print(f"| {padding} | {LABELS[kind]} | {worst:.3f} | {len(report.skipped)}"
          f" | {kept} of 256 | {max(scores):.3f} |")
    #> | circular | MaxPool | 0.000 | 2 | 16 of 256 | 0.041 |
    #> | circular | BlurPool | 0.000 | 2 | 64 of 256 | 0.008 |
    #> | circular | APS | 0.000 | 4 | 256 of 256 | 0.000 |
    #> | zeros | MaxPool | 0.000 | 5 | 1 of 256 | 0.369 |
    #> | zeros | BlurPool | 0.000 | 5 | 1 of 256 | 0.249 |
    #> | zeros | APS | 0.638 | 8 | 1 of 256 | 0.287 |
    assert (worst < 1e-6) == (padding == "circular" or kind != "aps")
    assert padding == "zeros" or kept == unchanged[kind]
