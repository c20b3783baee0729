"""How names sort: Russian order without a collation in the database (issue 17, finding 2).

SQLite compares text by code points, which put «Ёлка» after «Яблоко», every lower-case
name after every capitalised one, and «ЁЖ» apart from «ёж». `sort_key` is the form a name
is stored in for sorting (clients.sort_name, migration 0020, indexed with the archive flag):
case folded, ё as е — so Ё sorts with Е, between Д and Ж, and lower and upper case
together — and runs of spaces as one. Names equal by it keep their stored order by id.
Latin letters and digits keep their code-point places (before Cyrillic).
"""

from __future__ import annotations


def sort_key(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())
