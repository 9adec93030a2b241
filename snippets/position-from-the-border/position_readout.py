"""Position read-out: noise in, a horizontal gradient out, per padding mode."""

from shiftlab.experiments import run

# Five 3 x 3 convolutions with ReLU (8 channels), then a 1 x 1 convolution,
# trained for 200 steps to map standard normal noise (16 x 16) to the gradient
# 0 ... 1 from left to right; scored on 256 new noise images. `run` trains once,
# then reads the stored result.
result = run("position-readout")
# Spearman's rank correlation of each output with the gradient: its mean,
# standard deviation and standard error of the mean; then the mean squared error
print("padding    map  Spearman: mean    sd      se     MSE")
#> padding    map  Spearman: mean    sd      se     MSE
for mode in result.metrics["modes"]:
    m = result.metrics[mode]
    print(
        f"{mode:9s} {m['output_side']:4d} {m['spearman_mean']:15.3f} "
        f"{m['spearman_sd']:6.3f} {m['spearman_se']:7.3f} {m['mse']:7.3f}"
    )
    #> zero        16           0.922  0.015   0.001   0.011
    #> circular    16           0.015  0.251   0.016   0.096
    #> valid        6          -0.001  0.450   0.028   0.117
zero, circular = result.metrics["zero"], result.metrics["circular"]
assert zero["spearman_mean"] > 0.8
assert abs(circular["spearman_mean"]) < 3 * circular["spearman_se"]
