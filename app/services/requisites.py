"""Checks of Russian requisites: ИНН, КПП, ОГРН/ОГРНИП, БИК and bank accounts.

ИНН and ОГРН come from python-stdnum; python-stdnum has nothing for the rest, so КПП is
checked by format, БИК by length, and accounts by the Bank of Russia control key
(regulation of 08.09.1997 No. 515: weights 7-1-3 over 23 digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from app.i18n import translate

# The requisites checked here, as the client card, the company settings, the import and the
# documents name them; a party's bank details are BANK_FIELDS.
CHECKED_FIELDS = ("inn", "kpp", "ogrn", "bik", "corr_account", "settlement_account")
TAX_ID_FIELDS = ("inn", "kpp", "ogrn")
BANK_FIELDS = ("bank_name", "bik", "corr_account", "settlement_account")



@dataclass(frozen=True)
class PartyDetails:
    """A party to a deal as documents name it: names, addresses, contacts, requisites —
    what a client card and the own company's settings have in common."""

    name: str = ""
    full_name: str = ""
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    legal_address: str = ""
    postal_address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bank_name: str = ""
    bik: str = ""
    corr_account: str = ""
    settlement_account: str = ""


_KPP_RE = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")
_WEIGHTS = (7, 1, 3) * 8  # 24 ≥ 23


def _digits_only(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def inn_error(value: str, *, kind: str = "organization") -> str | None:
    """None if valid; else the message. Organisations have 10 digits, ИП and people 12."""
    value = _digits_only(value)
    if not value.isdigit():
        return translate("Requisites", "ИНН состоит только из цифр")
    expected = 10 if kind == "organization" else 12
    if len(value) != expected:
        return translate("Requisites", "ИНН должен содержать {n} цифр").format(n=expected)
    try:
        stdnum_inn.validate(value)
    except StdnumError:
        return translate("Requisites", "Неверная контрольная сумма ИНН")
    return None


def ogrn_error(value: str, *, kind: str = "organization") -> str | None:
    value = _digits_only(value)
    if not value.isdigit():
        return translate("Requisites", "ОГРН состоит только из цифр")
    expected = 13 if kind == "organization" else 15
    if len(value) != expected:
        label = "ОГРН" if expected == 13 else "ОГРНИП"
        return translate("Requisites", "{label} должен содержать {n} цифр").format(
            label=label, n=expected
        )
    try:
        stdnum_ogrn.validate(value)
    except StdnumError:
        return translate("Requisites", "Неверная контрольная сумма ОГРН")
    return None


def kpp_error(value: str) -> str | None:
    value = _digits_only(value).upper()
    if not _KPP_RE.match(value):
        return translate(
            "Requisites", "КПП: 9 знаков — 4 цифры, 2 цифры или латинские буквы, 3 цифры"
        )
    return None


def bik_error(value: str) -> str | None:
    value = _digits_only(value)
    if not (value.isdigit() and len(value) == 9):
        return translate("Requisites", "БИК состоит из 9 цифр")
    return None


def _control_ok(digits23: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits23, _WEIGHTS, strict=False))
    return total % 10 == 0


def correspondent_account_error(account: str, bik: str) -> str | None:
    """Корр. счёт: control key over "0" + БИК digits 5–6 + the 20-digit account."""
    account = _digits_only(account)
    if not (account.isdigit() and len(account) == 20):
        return translate("Requisites", "Корр. счёт состоит из 20 цифр")
    if bik_error(bik):
        return translate("Requisites", "Сначала укажите верный БИК")
    if not _control_ok("0" + _digits_only(bik)[4:6] + account):
        return translate("Requisites", "Корр. счёт не сходится с БИК (неверный контрольный ключ)")
    return None


def settlement_account_error(account: str, bik: str) -> str | None:
    """Расчётный счёт: control key over the last 3 digits of БИК + the 20-digit account."""
    account = _digits_only(account)
    if not (account.isdigit() and len(account) == 20):
        return translate("Requisites", "Расчётный счёт состоит из 20 цифр")
    if bik_error(bik):
        return translate("Requisites", "Сначала укажите верный БИК")
    if not _control_ok(_digits_only(bik)[-3:] + account):
        return translate(
            "Requisites", "Расчётный счёт не сходится с БИК (неверный контрольный ключ)"
        )
    return None


def account_control_digit(bik: str, account_without_key: str, *, correspondent: bool) -> str:
    """Compute the key digit (position 9) so demo data and tests can build valid accounts."""
    bik = _digits_only(bik)
    prefix = ("0" + bik[4:6]) if correspondent else bik[-3:]
    acc = list(account_without_key)
    acc[8] = "0"
    total = sum(int(d) * w for d, w in zip(prefix + "".join(acc), _WEIGHTS, strict=False))
    key = (total % 10 * 3) % 10
    acc[8] = str(key)
    return "".join(acc)


def requisites_errors(
    *,
    kind: str,
    inn: str = "",
    kpp: str = "",
    ogrn: str = "",
    bik: str = "",
    corr_account: str = "",
    settlement_account: str = "",
) -> dict[str, str]:
    """Field → message for a set of requisites (empty fields are allowed: filled in later).

    `kind` is "organization" (10-digit ИНН, КПП, 13-digit ОГРН) or "entrepreneur"/"person"
    (12-digit ИНН, ОГРНИП, no КПП). Once any bank field is filled, the БИК is required to
    check the accounts against.
    """
    errors: dict[str, str] = {}
    if inn and (msg := inn_error(inn, kind=kind)):
        errors["inn"] = msg
    if kpp:
        if kind != "organization":
            errors["kpp"] = translate("Requisites", "КПП бывает только у организаций")
        elif msg := kpp_error(kpp):
            errors["kpp"] = msg
    if ogrn and (msg := ogrn_error(ogrn, kind=kind)):
        errors["ogrn"] = msg
    if bik or corr_account or settlement_account:
        if msg := bik_error(bik):
            errors["bik"] = msg
        if corr_account and (msg := correspondent_account_error(corr_account, bik)):
            errors["corr_account"] = msg
        if settlement_account and (msg := settlement_account_error(settlement_account, bik)):
            errors["settlement_account"] = msg
    return errors
