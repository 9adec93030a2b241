"""Coordinate classification, 16 x 16 grid, bottom-right quadrant held out."""

from shiftlab.experiments import run

result = run("coordconv-quadrant")
# accuracy: the most likely pixel is the target, over the 192 trained and the
# 64 held-out targets; for held-out targets, "in quadrant": that pixel is at
# least in the quadrant, "distance": its mean city-block distance in pixels
row = "{:10s} {:>7} {:>8} {:>9} {:>11} {:>9}"
print(
    row.format(
        "network", "params", "trained", "held out", "in quadrant", "distance"
    )
)
#> network     params  trained  held out in quadrant  distance
for model in result.metrics["models"]:
    m = result.metrics[model]
    rates = (
        m["train_accuracy"],
        m["heldout_accuracy"],
        m["heldout_in_quadrant"],
    )
    shown = [f"{r:.3f}" for r in rates] + [f"{m['heldout_distance']:.2f}"]
    print(row.format(model, m["parameters"], *shown))
    #> coordconv     1249    1.000     1.000       1.000      0.00
    #> deconv       19585    0.974     0.031       0.312      3.41
coordconv, deconv = result.metrics["coordconv"], result.metrics["deconv"]
assert coordconv["heldout_accuracy"] >= 0.95
assert deconv["heldout_accuracy"] <= 0.1
assert min(coordconv["train_accuracy"], deconv["train_accuracy"]) >= 0.95
