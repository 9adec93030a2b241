"""The shifted-digits experiment: five heads, trained centred, tested on 81 shifts.

`run` trains the networks once and then reads the stored result back (it is keyed
by the code and the parameters, see shiftlab.experiments). Accuracy is over the 597
test digits under each shift in [-4, 4]^2; "consist." is the probability that two
independent uniform shifts from that grid give the same class; "1-px" is the
probability that a one-pixel shift of a centred digit changes its class.
"""

from shiftlab.experiments import run
from shiftlab.experiments.digits import LABELS

result = run("shifted-digits")
rates = ["accuracy_centred", "accuracy_mean", "accuracy_min", "consistency", "change_1px"]
row = "{:17s} {:>7} {:>5} {:>5} {:>8} {:>5} {:>6}"
print(row.format("network", "centred", "mean", "worst", "consist.", "1-px", "params"))
#> network           centred  mean worst consist.  1-px params
for model in result.metrics["models"]:
    m = result.metrics[model]
    print(row.format(LABELS[model], *(f"{m[r]:.3f}" for r in rates), m["parameters"]))
    #> max pool, flatten   0.978 0.167 0.012    0.190 0.368   9930
    #> max pool, GAP       0.868 0.451 0.223    0.469 0.442   5130
    #> BlurPool, GAP       0.801 0.776 0.744    0.955 0.049   5130
    #> APS, GAP            0.832 0.832 0.832    1.000 0.000   5130
    #> no stride, GAP      0.538 0.538 0.538    1.000 0.000   5130
aps, maxpool = result.metrics["gap-aps"], result.metrics["gap-maxpool"]
assert aps["consistency"] == 1.0
assert aps["change_1px"] == 0.0
assert result.metrics["gap-blurpool"]["consistency"] > maxpool["consistency"]
