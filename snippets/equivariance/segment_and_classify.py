"""A segmenter should be equivariant and a classifier invariant: both are."""

import numpy as np

rng = np.random.default_rng(0)
image = 0.3 * rng.random((12, 12))  # (H, W): faint background
image[2:5, 6:9] += 1.0  # a bright 3x3 object


def shift(v: tuple[int, int], x: np.ndarray) -> np.ndarray:
    return np.roll(x, v, axis=(0, 1))  # T_v, circular


def segment(x: np.ndarray) -> np.ndarray:
    return x > 0.5  # per-pixel mask, same shape as x


def score(x: np.ndarray) -> float:
    # box[p] = the 3x3 sum at p: equivariant; then a global max: invariant
    box = sum(shift((-i, -j), x) for i in range(3) for j in range(3))
    return float(box.max())


shifts = list(np.ndindex(image.shape))  # all 144 circular shifts
mask = segment(image)
mask_moves = [
    np.array_equal(segment(shift(v, image)), shift(v, mask)) for v in shifts
]
score_change = max(abs(score(shift(v, image)) - score(image)) for v in shifts)
print(
    "mask of the shifted image = shifted mask: "
    f"{sum(mask_moves)} of {len(shifts)} shifts"
)
#> mask of the shifted image = shifted mask: 144 of 144 shifts
print(
    f"score {score(image):.3f} > 6: object; "
    f"largest change over all shifts {score_change}"
)
#> score 10.042 > 6: object; largest change over all shifts 0.0
background = 0.3 * rng.random((12, 12))
print(f"an image without the object: score {score(background):.3f}")
#> an image without the object: score 1.965
assert all(mask_moves)
assert score_change == 0.0
