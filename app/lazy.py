"""A package that names its public API in `__init__` without importing it all at once.

`__getattr__ = lazy_exports(__name__, {"Name": "submodule", …})` in a package's `__init__`
(PEP 562): `from package import Name` still works, but importing one submodule of the
package — `package.matching` for one helper — no longer executes every other submodule.
The first tab's imports are start-up time (bench/bench_startup.py), so the packages the
Сегодня tab reaches only for a helper (clients, documents) export this way.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, where: Mapping[str, str]) -> Callable[[str], object]:
    """The module `__getattr__` of `package`: each name in `where` imported from its
    submodule (`where[name]`) on first use, then cached in the package's namespace."""

    def __getattr__(name: str) -> object:
        submodule = where.get(name)
        if submodule is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return __getattr__
