"""The corner experiment: which padding tells top-left from bottom-right."""

from shiftlab.experiments import run

# Trained per padding mode on 64 uniform-noise patches (6 x 6) in both corners
# of a 16 x 16 canvas, tested on 128 new patches. `run` trains once, then reads
# the stored result (keyed by the code and the parameters).
result = run("corner-padding")
# equal: the pooled features of a patch's two placements are equal bit for bit
print("padding    map  train  test   equal  largest gap")
#> padding    map  train  test   equal  largest gap
for mode in result.metrics["modes"]:
    m = result.metrics[mode]
    equal, gap = m["identical_features"], m["feature_gap"]
    print(
        f"{mode:9s} {m['map_side']:4d} {m['train_accuracy']:6.3f} "
        f"{m['test_accuracy']:5.3f} {equal!s:>7} {gap:8.3f}"
    )
    #> zero        16  1.000 1.000   False    3.239
    #> valid       12  1.000 1.000   False    3.633
    #> reflect     16  1.000 1.000   False    3.861
    #> replicate   16  1.000 1.000   False    3.451
    #> circular    16  0.500 0.500    True    0.000
    #> full        20  0.500 0.500    True    0.000
    if mode in ("circular", "full"):
        assert m["identical_features"]
        assert m["test_accuracy"] == 0.5
    else:
        assert m["test_accuracy"] > 0.95
