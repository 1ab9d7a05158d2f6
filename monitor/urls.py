"""URL identity and link policy: canonical form, private hosts, which links to follow.

Pure functions: no DNS, no network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

_TRACKING = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "ttclid", "li_fat_id", "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer",
        "cmpid", "ocid", "_ga", "_gl", "igshid", "igsh", "s_cid", "icid", "mkt_tok",
        "_hsenc", "_hsmi", "hsctatracking", "vero_id", "oly_enc_id", "oly_anon_id",
        "smid", "sr_share", "at_medium", "at_campaign", "soc_src", "soc_trk", "spm",
        "share", "taid", "wt.mc_id", "ito", "cmp", "xtor",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"})


def _is_tracking(pair: str) -> bool:
    key = unquote(pair.split("=", 1)[0]).strip().lower()
    return key in _TRACKING or key.startswith(_TRACKING_PREFIXES)


# Already canonical: http(s), lowercase host, no port, userinfo, query or fragment, a path.
_PLAIN = re.compile(
    r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?!0)(?!80/)(?!443/)\d{1,4})?/[A-Za-z0-9._~/%+=,:@!$-]*\Z"
)


def canonical_url(url: str) -> str:
    """The identity of a URL: no tracking params, fragment or default port; lowercase host.

    >>> canonical_url("HTTPS://Example.COM:443/a?utm_source=x&id=3#top")
    'https://example.com/a?id=3'
    """
    url = url.strip()
    if _PLAIN.match(url):
        return url  # the common case: already canonical, nothing to take apart
    return _rebuilt(url)


def _rebuilt(url: str) -> str:
    """``canonical_url`` the long way: split, clean each part, join."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    netloc = f"{userinfo}@{host}" if userinfo else host
    path = parts.path or ("/" if scheme in _DEFAULT_PORTS and host else "")
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit((scheme, netloc, path, query, ""))


# What ``urljoin`` returns unchanged: an absolute http(s) URL of plain characters.
_ABSOLUTE = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~/%+=&,:@!$()*-]*)?(?:\?[^\s#<>\"]*)?\Z"
)


def join_url(base: str, link: str) -> str:
    """``urljoin(base, link)``, without its cost for a link that is already absolute."""
    return link if _ABSOLUTE.match(link) else urljoin(base, link)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """Parse an IP literal, including the short IPv4 forms resolvers accept (127.1, 0x7f.1)."""
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if not re.fullmatch(r"[0-9a-fx.]+", host) or not host[0].isdigit():
            return None
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local, unique-local addresses and local names."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if not name:
        return False
    if name == "localhost" or name.endswith(_PRIVATE_SUFFIXES):
        return True
    ip = _ip(name)
    if ip is None:
        return False
    return not ip.is_global or ip.is_multicast


def _site(host: str) -> str:
    """Approximate the registrable domain: the last two labels (three for co.uk and kin)."""
    if _ip(host) is not None:
        return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def may_follow(
    link: str, page_url: str, *, follow_offsite: bool, allow_private: bool
) -> tuple[bool, str]:
    """Whether a link found on ``page_url`` may be fetched, and why (in words)."""
    try:
        scheme = urlsplit(link).scheme.lower()
    except ValueError:
        return False, f"not a valid URL: {link}"
    if scheme not in ("http", "https"):
        return False, f"not an http(s) link: {link[:80]}"
    host, page_host = _host(link), _host(page_url)
    if not host:
        return False, f"link has no host: {link[:80]}"
    if is_private_host(host) and not is_private_host(page_host) and not allow_private:
        return False, f"link to a private address {host} from a public page refused"
    if host == page_host:
        return True, "same host"
    if _site(host) == _site(page_host):
        return True, f"same site as {page_host}"
    if not follow_offsite:
        return False, f"off-site link to {host} (the source is on {page_host})"
    return True, f"off-site link to {host} allowed"
