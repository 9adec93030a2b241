"""The output lines: the scores' invariance, and predictions kept or changed."""

import torch

from shiftlab.experiments.digits import DigitNet
from shiftlab.probe import probe

torch.manual_seed(0)
model = DigitNet("gap-maxpool")  # the model and input of "One call"
x = torch.randn(4, 1, 16, 16, generator=torch.Generator().manual_seed(0))
out = probe(model, x, shifts=[(0, 1), (0, 2), (4, 4)]).output
largest = max(e.relative_l2 for e in out.invariance)
print(f"scores: largest relative L2 change {largest:.4f}")
#> scores: largest relative L2 change 0.0618
print(f"prediction kept: {out.consistency}, changed: {out.change}")
#> prediction kept: 1.000 (12 of 12), changed: 0.000 (0 of 16)
# untrained: the same class for every image, so "kept" is trivial here
with torch.no_grad():
    print("predicted classes:", model.eval()(x).argmax(dim=1).tolist())
    #> predicted classes: [9, 9, 9, 9]
assert str(out.consistency) == "1.000 (12 of 12)"
