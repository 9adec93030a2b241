"""EGNN commutes with rotations, reflections, translations and permutations."""

import numpy as np

rng = np.random.default_rng(0)
M, K = 6, 4  # points, features per point
h, x = rng.normal(size=(M, K)), rng.normal(size=(M, 3))
sizes = {
    "e": (2 * K + 1, 8),
    "raw": (2 * K + 6, 8),
    "x": (8, 1),
    "h": (K + 8, K),
}
mlp = {
    k: (rng.normal(size=(a, 16)), rng.normal(size=(16, b)))
    for k, (a, b) in sizes.items()
}


def phi(name: str, a: np.ndarray) -> np.ndarray:  # a two-layer MLP
    return np.tanh(a @ mlp[name][0]) @ mlp[name][1]


def pair(a: np.ndarray) -> list[np.ndarray]:
    # a_i and a_j for every pair: (M, M, ...)
    return [np.repeat(a[:, None], M, 1), np.repeat(a[None], M, 0)]


# Satorras et al.: m_ij = phi_e(h_i, h_j, |x_i - x_j|^2), h_i' = phi_h(h_i,
# sum_j m_ij), x_i' = x_i + C sum_j (x_i - x_j) phi_x(m_ij), j over the other
# points, C = 1 / (M - 1)
def layer(h: np.ndarray, x: np.ndarray, raw: bool) -> tuple[np.ndarray, ...]:
    diff = x[:, None] - x[None]  # (M, M, 3): x_i - x_j
    if raw:  # the message sees the coordinates themselves
        m = phi("raw", np.concatenate([*pair(h), *pair(x)], -1))
    else:
        squared = (diff**2).sum(-1, keepdims=True)  # |x_i - x_j|^2
        m = phi("e", np.concatenate([*pair(h), squared], -1))
    m = m * (1 - np.eye(M))[..., None]  # (M, M, 8); no message from i to itself
    x_new = x + (diff * phi("x", m)).sum(1) / (M - 1)
    return phi("h", np.concatenate([h, m.sum(1)], -1)), x_new


Q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
Q = Q * np.sign(np.linalg.det(Q)) * np.array([1, 1, -1])  # det Q = -1
t, P = rng.normal(size=3), rng.permutation(M)
moves = {  # x -> P x Q^T + t: Q orthogonal, a reflection; P permutes the points
    "permute": (np.eye(3), np.zeros(3)),
    "permute, rotate, reflect, shift": (Q, t),
}
print("| layer | move | max error |")
#> | layer | move | max error |
print("| --- " * 3 + "|")
#> | --- | --- | --- |
for raw in (False, True):
    h1, x1 = layer(h, x, raw)
    for name, (q, s) in moves.items():
        h2, x2 = layer(h[P], x[P] @ q.T + s, raw)
        x1_moved = x1[P] @ q.T + s
        error = max(np.abs(h2 - h1[P]).max(), np.abs(x2 - x1_moved).max())
        kind = "raw coordinates" if raw else "EGNN"
        print(f"| {kind} | {name} | {error:.3f} |")
        #> | EGNN | permute | 0.000 |
        #> | EGNN | permute, rotate, reflect, shift | 0.000 |
        #> | raw coordinates | permute | 0.000 |
        #> | raw coordinates | permute, rotate, reflect, shift | 9.884 |
        assert (error < 1e-12) == (not raw or name == "permute")
