"""A segmenter should be equivariant and a classifier invariant; both are, exactly.

The "segmenter" thresholds every pixel: the mask of a shifted image is the shifted mask.
The "classifier" scores the brightest 3x3 patch (3x3 box sums, an equivariant map, then a
global max, an invariant one) and says "object" above a threshold: nothing of it moves.
"""

import numpy as np

rng = np.random.default_rng(0)
image = 0.3 * rng.random((12, 12))  # (H, W): faint background
image[2:5, 6:9] += 1.0  # a bright 3x3 object


def shift(v: tuple[int, int], x: np.ndarray) -> np.ndarray:  # T_v, circular
    return np.roll(x, v, axis=(0, 1))


def segment(x: np.ndarray) -> np.ndarray:
    return x > 0.5  # per-pixel mask, same shape as x


def score(x: np.ndarray) -> float:
    box = sum(shift((-i, -j), x) for i in range(3) for j in range(3))  # box[p] = 3x3 sum at p
    return float(box.max())


shifts = list(np.ndindex(image.shape))  # all 144 circular shifts
mask_moves = [np.array_equal(segment(shift(v, image)), shift(v, segment(image))) for v in shifts]
score_change = max(abs(score(shift(v, image)) - score(image)) for v in shifts)
print(f"mask of the shifted image = shifted mask: {sum(mask_moves)} of {len(shifts)} shifts")
#> mask of the shifted image = shifted mask: 144 of 144 shifts
print(f"score {score(image):.3f} > 6: object; largest change over all shifts {score_change}")
#> score 10.042 > 6: object; largest change over all shifts 0.0
print(f"an image without the object: score {score(0.3 * rng.random((12, 12))):.3f}")
#> an image without the object: score 1.965
assert all(mask_moves)
assert score_change == 0.0
