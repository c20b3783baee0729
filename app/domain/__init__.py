"""The figure rules every layer shares: one home each, no Qt, no SQLAlchemy.

- `money`: rounding (half-up to kopecks), parsing, the long and the short money form.
- `dates`: the short and the long date form, month names, local time.
- `figures`: percentages (half-up, one function), effective probability, weighted amounts,
  what counts as won or open, and a deal line's total — each as Python and, where SQL
  needs it (queries, the rollup triggers), as the matching SQL text.
"""
