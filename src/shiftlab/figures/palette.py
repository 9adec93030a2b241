"""Colours and matplotlib settings for figures that read well in both site palettes.

Every figure is drawn twice, once per palette, on a transparent background; the pages
show the variant that matches the reader's light or dark scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matplotlib.typing import RcKeyType


@dataclass(frozen=True)
class Palette:
    """The colours one variant of a figure is drawn with.

    Attributes:
        name: Variant name, used in file names (`<figure>.<name>.svg`).
        foreground: Text, axes and arrows.
        muted: Secondary lines and frames.
        primary: The original signal.
        accent: What a shift moved or changed.
        image_cmap: Colour map for non-negative images.
        signed_cmap: Diverging colour map for signed values (centred on zero).
    """

    name: str
    foreground: str
    muted: str
    primary: str
    accent: str
    image_cmap: str
    signed_cmap: str

    def rc(self) -> dict[RcKeyType, Any]:
        """Matplotlib settings for this palette, to use with `matplotlib.rc_context`.

        Returns:
            A dict of rcParams; `svg.hashsalt` fixes the ids in the SVG so that the
            same figure gives the same bytes on every run.

        Examples:
            >>> LIGHT.rc()["text.color"] == LIGHT.foreground
            True
        """
        return {
            "svg.hashsalt": "shiftlab",
            "svg.fonttype": "path",
            "font.size": 10,
            "text.color": self.foreground,
            "axes.labelcolor": self.foreground,
            "axes.edgecolor": self.muted,
            "axes.titlecolor": self.foreground,
            "axes.titlesize": 10,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.foreground,
            "ytick.labelcolor": self.foreground,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "savefig.transparent": True,
        }


LIGHT = Palette(
    name="light",
    foreground="#1f2328",
    muted="#6e7781",
    primary="#3f51b5",
    accent="#d84315",
    image_cmap="viridis",
    signed_cmap="RdBu_r",
)
DARK = Palette(
    name="dark",
    foreground="#e6edf3",
    muted="#9da7b3",
    primary="#8c9eff",
    accent="#ffab40",
    image_cmap="viridis",
    signed_cmap="berlin",
)
PALETTES = (LIGHT, DARK)
