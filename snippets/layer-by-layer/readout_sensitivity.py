"""How much a global mean after each layer changes under circular shifts."""

from shiftlab.experiments.layer_by_layer import (
    DOWNSAMPLERS,
    LABELS,
    readout_sensitivity,
)

metrics, _ = readout_sensitivity(size=16, samples=4, seed=0)
depths = metrics["depths"]
print("| pool | " + " | ".join(depths) + " |")
#> | pool | conv1 | relu1 | pool1 | conv2 | relu2 | pool2 | conv3 | output |
print("| --- " * (1 + len(depths)) + "|")
#> | --- | --- | --- | --- | --- | --- | --- | --- | --- |
rows = [
    f"| {LABELS[k]} | " + " | ".join(f"{m:.3f}" for m in metrics[k]["mean"])
    for k in DOWNSAMPLERS
]
print("\n".join(row + " |" for row in rows))
#> | MaxPool | 0.000 | 0.000 | 0.035 | 0.029 | 0.034 | 0.062 | 0.059 | 0.029 |
#> | BlurPool | 0.000 | 0.000 | 0.000 | 0.000 | 0.004 | 0.017 | 0.015 | 0.006 |
#> | APS | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |
mean = {
    k: dict(zip(depths, metrics[k]["mean"], strict=True)) for k in DOWNSAMPLERS
}
assert max(metrics["aps"]["max"]) < 1e-5  # APS: every depth, every shift
# before any stride
assert max(mean["max"]["relu1"], mean["blur"]["relu1"]) < 1e-6
assert mean["blur"]["pool1"] < 1e-6  # a blur right before a global mean: exact
# a convolution's mean depends on its input's mean
assert mean["blur"]["conv2"] < 1e-6
assert all(mean["max"][d] > 2 * mean["blur"][d] for d in depths[2:])
