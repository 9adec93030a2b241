"""EGNN commutes with rotations, reflections, translations and permutations."""

import numpy as np

rng = np.random.default_rng(0)
M, K = 6, 4  # points, features per point
h, x = rng.normal(size=(M, K)), rng.normal(size=(M, 3))


def phi(a: np.ndarray, out: int, seed: int) -> np.ndarray:  # a random MLP
    r = np.random.default_rng(seed)
    w1, w2 = r.normal(size=(a.shape[-1], 16)), r.normal(size=(16, out))
    return np.tanh(a @ w1) @ w2


# Satorras et al.: m_ij = phi_e(h_i, h_j, |x_i - x_j|^2) for j != i,
# h_i' = phi_h(h_i, sum_j m_ij), x_i' = x_i + C sum_j (x_i - x_j) phi_x(m_ij)
def layer(h: np.ndarray, x: np.ndarray, raw: bool) -> tuple[np.ndarray, ...]:
    diff = x[:, None] - x[None]  # (M, M, 3): x_i - x_j
    f = np.concatenate([h, x], -1) if raw else h  # raw: sees x_i, x_j too
    f_i = np.repeat(f[:, None], M, 1)  # (M, M, ...): f_i at [i, j]
    d2 = [] if raw else [(diff**2).sum(-1, keepdims=True)]
    m = phi(np.concatenate([f_i, f_i.transpose(1, 0, 2), *d2], -1), 8, 1)
    m = m * (1 - np.eye(M))[..., None]  # no message from i to itself
    x_new = x + (diff * phi(m, 1, 2)).sum(1) / (M - 1)  # C = 1 / (M - 1)
    return phi(np.concatenate([h, m.sum(1)], -1), K, 3), x_new


Q = np.linalg.qr(rng.normal(size=(3, 3)))[0]
Q = Q * np.sign(np.linalg.det(Q)) * np.array([1, 1, -1])  # det Q = -1
t, P = rng.normal(size=3), rng.permutation(M)  # x -> P x Q^T + t
moves = {"permute": (np.eye(3), 0), "permute, rotate, reflect, shift": (Q, t)}
print("| layer | move | max error |\n| --- | --- | --- |")
#> | layer | move | max error |
#> | --- | --- | --- |
for raw, kind in ((False, "EGNN"), (True, "raw coordinates")):
    h1, x1 = layer(h, x, raw)
    for name, (q, s) in moves.items():
        h2, x2 = layer(h[P], x[P] @ q.T + s, raw)
        error = max(abs(h2 - h1[P]).max(), abs(x2 - x1[P] @ q.T - s).max())
        print(f"| {kind} | {name} | {error:.3f} |")
        #> | EGNN | permute | 0.000 |
        #> | EGNN | permute, rotate, reflect, shift | 0.000 |
        #> | raw coordinates | permute | 0.000 |
        #> | raw coordinates | permute, rotate, reflect, shift | 8.741 |
        assert (error < 1e-12) == (not raw or name == "permute")
