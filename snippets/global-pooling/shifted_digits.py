"""The shifted-digits experiment: five heads trained centred, 81 test shifts."""

from shiftlab.experiments import run
from shiftlab.experiments.digits import LABELS

result = run("shifted-digits")  # trained once, then read from the cache
# accuracy centred, mean and worst over the shifts; consistency; 1-px change
rates = ["accuracy_centred", "accuracy_mean", "accuracy_min", "consistency"]
print("| network | centred | mean | worst | consistency | 1-px | params |")
#> | network | centred | mean | worst | consistency | 1-px | params |
print("| --- " * 7 + "|")
#> | --- | --- | --- | --- | --- | --- | --- |
for model in result.metrics["models"]:
    m = result.metrics[model]
    cells = [f"{m[rate]:.3f}" for rate in [*rates, "change_1px"]]
    print(f"| {LABELS[model]} | " + " | ".join(cells), f"| {m['parameters']} |")
    #> | max pool, flatten | 0.978 | 0.167 | 0.012 | 0.190 | 0.368 | 9930 |
    #> | max pool, GAP | 0.868 | 0.451 | 0.223 | 0.469 | 0.442 | 5130 |
    #> | BlurPool, GAP | 0.801 | 0.776 | 0.744 | 0.955 | 0.049 | 5130 |
    #> | APS, GAP | 0.832 | 0.832 | 0.832 | 1.000 | 0.000 | 5130 |
    #> | no stride, GAP | 0.538 | 0.538 | 0.538 | 1.000 | 0.000 | 5130 |
aps, maxpool = result.metrics["gap-aps"], result.metrics["gap-maxpool"]
assert aps["consistency"] == 1.0
assert aps["change_1px"] == 0.0
assert result.metrics["gap-blurpool"]["consistency"] > maxpool["consistency"]
