"""What to expect: circular vs zero padding, MaxPool vs BlurPool vs APS, all 256 shifts.

The six variants of the Layer-by-layer page's network (seeded random weights) on two
noise images of 16 x 16, each under the shifts that match its padding: circular shifts
for circular padding, zero-fill shifts (content moved on a zero canvas) for zero
padding. Columns: the largest error of any layer over its defined, measured shifts;
how many layers were skipped; how many shifts leave the scores unchanged (to 1e-6);
and the largest relative change of the scores.
"""

import math

import torch

from shiftlab.experiments.layer_by_layer import DOWNSAMPLERS, LABELS, network
from shiftlab.probe import probe

x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
unchanged = {"circular": {"max": 16, "blur": 64, "aps": 256},  # scores unchanged
             "zeros": {"max": 1, "blur": 1, "aps": 1}}
print("padding   pool      layer error  skipped  scores unchanged  largest change")
#> padding   pool      layer error  skipped  scores unchanged  largest change
for padding, mode in (("circular", "circular"), ("zeros", "zero")):
    for kind in DOWNSAMPLERS:
        report = probe(network(kind, padding), x, shift_mode=mode)  # all 256 shifts
        errors = [e.relative_l2 for row in report.measured for e in row.errors]
        worst = max(e for e in errors if not math.isnan(e))  # nan: nothing to compare
        scores = [e.relative_l2 for e in report.output.invariance]
        kept = sum(change < 1e-6 for change in scores)
        print(f"{padding:9} {LABELS[kind]:9} {worst:11.3f} {len(report.skipped):8}"
              f"{kept:10} of 256 {max(scores):15.3f}")
        #> circular  MaxPool         0.000        2        16 of 256           0.041
        #> circular  BlurPool        0.000        2        64 of 256           0.008
        #> circular  APS             0.000        4       256 of 256           0.000
        #> zeros     MaxPool         0.000        5         1 of 256           0.369
        #> zeros     BlurPool        0.000        5         1 of 256           0.249
        #> zeros     APS             0.638        8         1 of 256           0.287
        assert kept == unchanged[padding][kind]
        assert (worst < 1e-6) == (padding == "circular" or kind != "aps")
