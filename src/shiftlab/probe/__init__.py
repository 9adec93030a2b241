"""Measure your own model: every layer of a ``torch.nn.Module`` under shifts, stride-aware.

``probe(model, x, shifts)`` hooks every leaf module, runs ``x`` once and its shifted
copies in batches, and reports for each layer call the relative L2 and max-abs error of
``F(T_v x)`` against ``T_{v q / s} F(x)``; for the output, the invariance error and, for
a classifier, how often a shift changes the prediction. ``python -m shiftlab probe``
does the same from the command line.

**Stride, from the shapes.** A layer's total stride is found from its output's spatial
size ``n`` and the input's ``N``, per axis: ``s = N / n`` when that is an integer, else an
up-factor ``q = n / N`` when that is one; otherwise (a "valid" convolution taking 32
samples to 30, say) the layer is skipped with that reason. The output action is then
``T_{v q / s}``, undefined (never rounded, never a number) where ``s`` does not divide
``v q``, exactly as ``shiftlab.measures.output_shift`` decides. Circular shifts need the
output grid ``N q / s``, which this rule gives by construction. The rule reads the
shapes, not the architecture: a layer that changes the grid by other means (a valid
3 x 3 convolution on a 3 x 3 input, 3 -> 1) is read as strided, so check
``report.layers[i].stride`` against the model, or choose an input size that leaves no
doubt.

**Crop, for zero padding.** Circular shifts are compared on the whole map. Zero-fill
shifts (``shift_mode="zero"``), what a translation on a zero-padded canvas is, are exact
only away from the border: the compared window drops the zero band and, by default
(``crop="auto"``), ``ceil(R / s)`` output samples per side, ``R`` a receptive-field
bound accumulated from the hooked modules (``shiftlab.probe.reach`` lists the rules and
their limits). A bound that is unknown (a module type without a rule) or global
(GroupNorm, LayerNorm, ...) skips the layers from there on under zero fill, with the
reason; pass ``crop=`` (output samples per side for every layer) to measure them anyway.

**What is hooked.** Every leaf module (one without children) whose output is a
floating tensor of the input's rank with the batch axis first, or a tuple starting
with one (as ``AdaptivePolyphaseSampling`` returns); a module called twice gets a row
per call. Other leaves are listed as skipped, with the reason. Functional calls inside
``forward`` (``F.relu``, ``x + skip``, ``torch.flatten``) cannot be hooked: their results
are seen only through the next module, or as the model's output (a row "(output)" when
no module returned it). ``layers=`` reports chosen modules instead, blocks included.

**How it runs.** The unshifted pass runs once; the shifted copies go through in batches
of ``batch_size`` copies of ``x`` (by default about 256 samples per pass, see
``auto_batch_size``), ``ceil(S / batch_size)`` forward passes for ``S`` shifts, each
layer compared inside its hook while the batch passes, on the model's device. For a
classifier, ``change_probability`` adds one small pass per spatial axis.
The model must treat the samples of a batch independently (eval-mode BatchNorm does)
and make the same module calls for every input.
"""

from shiftlab.probe.core import auto_batch_size, probe
from shiftlab.probe.hooks import ProbeError
from shiftlab.probe.report import ProbeReport
from shiftlab.probe.rows import LayerReport, OutputReport

__all__ = ["LayerReport", "OutputReport", "ProbeError", "ProbeReport", "auto_batch_size", "probe"]
