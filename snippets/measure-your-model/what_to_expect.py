"""What to expect: circular vs zero padding, MaxPool vs BlurPool vs APS."""

import itertools
import math

import torch

from shiftlab.experiments.layer_by_layer import DOWNSAMPLERS, LABELS, network
from shiftlab.probe import probe

x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
# how many shifts leave the scores unchanged
unchanged = {
    "circular": {"max": 16, "blur": 64, "aps": 256},
    "zeros": {"max": 1, "blur": 1, "aps": 1},
}
# layer error: the largest of any layer over its defined, measured shifts;
# scores unchanged: to 1e-6; largest change: of the scores, relative
print(
    "padding   pool      layer error  skipped  scores unchanged  largest change"
)
#> padding   pool      layer error  skipped  scores unchanged  largest change
shift_modes = {"circular": "circular", "zeros": "zero"}  # matching the padding
for padding, kind in itertools.product(shift_modes, DOWNSAMPLERS):
    model = network(kind, padding)
    report = probe(model, x, shift_mode=shift_modes[padding])  # all 256 shifts
    errors = [e.relative_l2 for row in report.measured for e in row.errors]
    # nan: nothing to compare
    worst = max(e for e in errors if not math.isnan(e))
    scores = [e.relative_l2 for e in report.output.invariance]
    kept = sum(change < 1e-6 for change in scores)
    skipped = len(report.skipped)
    print(
        f"{padding:9} {LABELS[kind]:9} {worst:11.3f} {skipped:8}"
        f"{kept:10} of 256 {max(scores):15.3f}"
    )
    #> circular  MaxPool         0.000        2        16 of 256           0.041
    #> circular  BlurPool        0.000        2        64 of 256           0.008
    #> circular  APS             0.000        4       256 of 256           0.000
    #> zeros     MaxPool         0.000        5         1 of 256           0.369
    #> zeros     BlurPool        0.000        5         1 of 256           0.249
    #> zeros     APS             0.638        8         1 of 256           0.287
    assert kept == unchanged[padding][kind]
    assert (worst < 1e-6) == (padding == "circular" or kind != "aps")
