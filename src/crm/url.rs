//! What a URL says about the page: which CRM, which kind of page, which deal.
//!
//! The content script classifies pages with the read plans' patterns; this is the Rust reading
//! of the same URLs, and the shared URL table (tests/urls.json) keeps the two, and the
//! manifest's host patterns, in agreement.
//!
//! The adapter contract: a URL is parsed here once, the way the browser parses it ([`UrlParts`]),
//! and only a plain `https` URL (no userinfo, the default port) reaches an adapter. An adapter
//! classifies the page from the host, the path and the query: a CRM that names its records in
//! the path reads `segments()`, one that names them in the query string (Dynamics 365's
//! `main.aspx?pagetype=entityrecord&etn=opportunity&id=…`) reads `query_param`. Its read plan
//! says the same to the content script with `PagePattern`'s `path` and `query`.

use super::adapter::{self, CrmAdapter};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    DealRecord,
    DealList,
    DealBoard,
    NotADeal,
}

impl PageKind {
    /// A list view or a board: many deals on one page.
    pub fn is_list(self) -> bool {
        matches!(self, PageKind::DealList | PageKind::DealBoard)
    }
}

/// What a URL says about the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// The CRM's adapter (`adapter.crm` says which CRM).
    pub adapter: &'static CrmAdapter,
    pub kind: PageKind,
    /// The deal key of a deal record (`sf:acme:0065g00000XyZ12`, `hs:123:456`).
    pub key: Option<String>,
    /// The account the page belongs to (org, portal): list rows' deal keys use it.
    pub account: String,
    /// The page's host, lowercase (`acme.lightning.force.com`).
    pub host: String,
}

/// A plain `https` URL as the browser reads it (the WHATWG URL parser's reading, as
/// `new URL(href)` gives it), reduced to what classifies a page. [`UrlParts::parse`] refuses
/// every other URL, so no adapter ever sees one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// The hostname, lowercase (`location.hostname`).
    pub host: String,
    /// The path with `.` and `..` segments resolved, percent-escapes kept (`location.pathname`):
    /// `/` at least.
    pub path: String,
    /// The query string without its `?`, percent-escapes kept; "" when there is none
    /// (`location.search` without the `?`).
    pub query: String,
}

impl UrlParts {
    /// Parses `url` as the browser does, scheme, userinfo, host, port, path, query and fragment,
    /// and keeps it only when it is a plain `https` URL: no userinfo (the browser shows
    /// `https://x.lightning.force.com:x@evil.example/` as a page of `evil.example`), no port but
    /// the default one, a hostname of letters, digits, `-`, `_` and `.` only. `None` for any
    /// other URL, and for one the browser would refuse.
    pub fn parse(url: &str) -> Option<UrlParts> {
        // The browser drops leading and trailing C0 controls and spaces, and every tab and
        // newline anywhere.
        let url: String = url
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let (scheme, rest) = url.split_once(':')?;
        if !scheme.eq_ignore_ascii_case("https") {
            return None;
        }
        // A special scheme: any run of slashes or backslashes starts the authority.
        let rest = rest.trim_start_matches(['/', '\\']);
        let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        // The userinfo runs to the authority's last `@`; an empty one (`@`, `:@`) is none.
        let host_port = match authority.rsplit_once('@') {
            Some(("" | ":", host_port)) => host_port,
            Some(_) => return None,
            None => authority,
        };
        let (host, port) = host_port.split_once(':').unwrap_or((host_port, ""));
        if !port.is_empty() {
            let default =
                port.bytes().all(|b| b.is_ascii_digit()) && port.trim_start_matches('0') == "443";
            if !default {
                return None;
            }
        }
        let host = String::from_utf8(percent_decode(host.as_bytes())).ok()?;
        let host = host.to_ascii_lowercase();
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        if host.is_empty() || !host.chars().all(plain) {
            return None;
        }
        let rest = rest.split('#').next().unwrap_or("");
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Some(UrlParts {
            host,
            path: resolve_dots(&path.replace('\\', "/")),
            query: query.to_string(),
        })
    }

    /// The path's non-empty segments (`["lightning", "r", "Opportunity", "006…", "view"]`).
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }

    /// The first value of the query parameter `name`, decoded (`+` is a space, `%xx` a byte),
    /// as `URLSearchParams.get(name)` gives it; `None` when the query has no such parameter.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .find(|(k, _)| form_decode(k) == name)
            .map(|(_, v)| form_decode(v))
    }
}

/// `application/x-www-form-urlencoded` decoding of one name or value.
fn form_decode(s: &str) -> String {
    let bytes = percent_decode(s.replace('+', " ").as_bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `%xx` escapes as bytes; a `%` not followed by two hex digits stays as it is.
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' && i + 2 < s.len() {
            if let (Some(h), Some(l)) = (hex(s[i + 1]), hex(s[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// The path with its `.` and `..` segments (also written `%2e`) resolved as the browser does:
/// `/a/b/../c` is `/a/c`, `/a/..` is `/`.
fn resolve_dots(path: &str) -> String {
    let dot = |s: &str| s == "." || s.eq_ignore_ascii_case("%2e");
    let dots = |s: &str| {
        matches!(
            s.to_ascii_lowercase().as_str(),
            ".." | ".%2e" | "%2e." | "%2e%2e"
        )
    };
    let parts: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(parts.len());
    for (i, seg) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if dots(seg) {
            out.pop();
        } else if !dot(seg) {
            out.push(seg);
            continue;
        }
        if last {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

/// Recognises a CRM page from its URL; `None` when the host is no CRM's, or the URL is not a
/// plain `https` one.
pub fn detect(url: &str) -> Option<PageRef> {
    detect_in(&adapter::ADAPTERS, url)
}

/// [`detect`] among the given adapters (the registry's, or a test's).
pub fn detect_in(adapters: &[&'static CrmAdapter], url: &str) -> Option<PageRef> {
    let url = UrlParts::parse(url)?;
    let adapter = adapters.iter().copied().find(|a| (a.is_host)(&url.host))?;
    let (kind, id) = (adapter.page)(&url);
    let account = (adapter.account)(&url).unwrap_or_default();
    let key = match (kind, id) {
        (PageKind::DealRecord, Some(id)) if !account.is_empty() => {
            Some(adapter.deal_key(&account, &id))
        }
        _ => None,
    };
    Some(PageRef {
        kind: if kind == PageKind::DealRecord && key.is_none() {
            PageKind::NotADeal
        } else {
            kind
        },
        key,
        account,
        adapter,
        host: url.host.clone(),
    })
}

/// The address of deal `key`'s record page, rebuilt from the CRM's adapter and the key, on the
/// host of a remembered address (`stored_url`): only when that address is a plain `https` page
/// of a CRM Stallwatch reads, of the deal's own account (org, portal), and, when it is a record
/// page, of this very deal (a deal seen only in a list view gets its record page on the list's
/// host). Whatever else the stored address carried (userinfo, a port, a path or query of its
/// own) is not kept: a link from Today or a reminder can only open the deal's record page.
pub fn record_address(stored_url: &str, key: &str) -> Option<String> {
    let page = detect(stored_url)?;
    let mut parts = key.splitn(3, ':');
    let (prefix, account) = (parts.next()?, parts.next()?);
    if prefix != page.adapter.key_prefix || account != page.account {
        return None;
    }
    if page.kind == PageKind::DealRecord && page.key.as_deref() != Some(key) {
        return None;
    }
    let rebuilt = page.adapter.record_url(&page.host, key)?;
    // The rebuilt address must classify as the same deal (a key the adapter cannot address
    // is refused, never linked).
    let again = detect(&rebuilt)?;
    (again.kind == PageKind::DealRecord && again.key.as_deref() == Some(key)).then_some(rebuilt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_deal_urls_and_nothing_else() {
        let sf = detect(
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
        )
        .unwrap();
        assert_eq!(sf.kind, PageKind::DealRecord);
        assert_eq!(sf.key.as_deref(), Some("sf:acme:0065g00000XyZ12"));
        let hs = detect("https://app-eu1.hubspot.com/contacts/123/record/0-3/456/").unwrap();
        assert_eq!(hs.key.as_deref(), Some("hs:123:456"));
        assert_eq!(
            detect("https://acme.lightning.force.com/lightning/r/Contact/0035g00000QwErTy/view")
                .unwrap()
                .kind,
            PageKind::NotADeal
        );
        assert!(
            detect("https://evil.example.com/lightning/r/Opportunity/0065g00000XyZ12/view")
                .is_none()
        );
        assert!(detect("https://app.hubspot.com.evil.com/contacts/1/record/0-3/2").is_none());
        assert!(
            detect("http://app.hubspot.com/contacts/1/record/0-3/2").is_none(),
            "https only"
        );
    }

    const RECORD: &str = "/lightning/r/Opportunity/0065g00000XyZ12/view";

    fn parts(url: &str) -> Option<(String, String, String)> {
        UrlParts::parse(url).map(|u| (u.host, u.path, u.query))
    }

    #[test]
    fn reads_a_url_as_the_browser_does() {
        let p = |h: &str, path: &str, q: &str| Some((h.into(), path.into(), q.into()));
        assert_eq!(
            parts("https://Acme.Lightning.force.com/a/b?x=1&y#frag?z"),
            p("acme.lightning.force.com", "/a/b", "x=1&y")
        );
        assert_eq!(parts("https://h"), p("h", "/", ""));
        assert_eq!(parts("https://h?q#f"), p("h", "/", "q"));
        assert_eq!(parts("https://h#f?q"), p("h", "/", ""));
        // Scheme in any case, any run of slashes or backslashes after it, tabs and newlines
        // dropped, controls and spaces around dropped, the default port and an empty userinfo.
        assert_eq!(parts("HTTPS://h/x"), p("h", "/x", ""));
        assert_eq!(parts("https:h/x"), p("h", "/x", ""));
        assert_eq!(parts("https:\\\\h\\x\\y"), p("h", "/x/y", ""));
        assert_eq!(parts(" \thttps://h/\nx\r \u{1}"), p("h", "/x", ""));
        assert_eq!(parts("https://h:443/x"), p("h", "/x", ""));
        assert_eq!(parts("https://h:/x"), p("h", "/x", ""));
        assert_eq!(parts("https://@h/x"), p("h", "/x", ""));
        assert_eq!(parts("https://:@h/x"), p("h", "/x", ""));
        // Dot segments, also percent-escaped, are resolved; other escapes are kept.
        assert_eq!(parts("https://h/a/./b/../c"), p("h", "/a/c", ""));
        assert_eq!(parts("https://h/a/%2E%2e/b/."), p("h", "/b/", ""));
        assert_eq!(parts("https://h/../../a/.."), p("h", "/", ""));
        assert_eq!(parts("https://h/a%2Fb"), p("h", "/a%2Fb", ""));
        assert_eq!(parts("https://%61cme.example/"), p("acme.example", "/", ""));
    }

    #[test]
    fn refuses_userinfo_ports_other_schemes_and_odd_hosts() {
        for url in [
            // The host is evil.example: everything before the last `@` is userinfo.
            "https://x.lightning.force.com:x@evil.example/lightning/r/Opportunity/0065g00000XyZ12/view",
            "https://acme.lightning.force.com@evil.example/lightning/r/Opportunity/0065g00000XyZ12/view",
            "https://a@b@evil.example/",
            "https://user@acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view",
            "https://user:pw@app.hubspot.com/contacts/1/record/0-3/2",
            "https://:pw@app.hubspot.com/contacts/1/record/0-3/2",
            // A backslash ends the authority, as a slash does: this is evil.example's page.
            "https://evil.example\\@acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view",
            // Another port than the default.
            "https://acme.lightning.force.com:8443/lightning/r/Opportunity/0065g00000XyZ12/view",
            "https://app.hubspot.com:444/contacts/1/record/0-3/2",
            "https://app.hubspot.com:x/contacts/1/record/0-3/2",
            // Other schemes.
            "http://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view",
            "wss://app.hubspot.com/contacts/1/record/0-3/2",
            "javascript:https://app.hubspot.com/contacts/1/record/0-3/2",
            "app.hubspot.com/contacts/1/record/0-3/2",
            // Hosts the browser refuses, or no CRM has.
            "https://",
            "https://?x=1",
            "https://[::1]/contacts/1/record/0-3/2",
            "https://app.hubspot.com%2Fx/contacts/1/record/0-3/2",
            "https://app.hub spot.com/contacts/1/record/0-3/2",
        ] {
            assert!(detect(url).is_none(), "{url}");
            assert!(
                parts(url).is_none() || parts(url).is_some_and(|(h, _, _)| h == "evil.example"),
                "{url}"
            );
        }
        assert_eq!(
            parts("https://evil.example\\@acme.lightning.force.com/x"),
            Some((
                "evil.example".into(),
                "/@acme.lightning.force.com/x".into(),
                "".into()
            ))
        );
        // The same pages on plain URLs are CRM pages.
        assert!(detect(&format!("https://acme.lightning.force.com{RECORD}")).is_some());
        assert!(detect(&format!("https://acme.lightning.force.com:443{RECORD}")).is_some());
    }

    #[test]
    fn query_params_decode_as_url_search_params_does() {
        let u = UrlParts::parse(
            "https://h/main.aspx?appid=1&pagetype=entityrecord&etn=opportunity&etn=account\
             &id=%7B5a2c%7D&q=a+b%20c&flag&e=&%65tn2=x&bad=%zz%4",
        )
        .unwrap();
        assert_eq!(u.query_param("pagetype").as_deref(), Some("entityrecord"));
        assert_eq!(
            u.query_param("etn").as_deref(),
            Some("opportunity"),
            "the first"
        );
        assert_eq!(u.query_param("id").as_deref(), Some("{5a2c}"));
        assert_eq!(u.query_param("q").as_deref(), Some("a b c"));
        assert_eq!(u.query_param("flag").as_deref(), Some(""));
        assert_eq!(u.query_param("e").as_deref(), Some(""));
        assert_eq!(u.query_param("etn2").as_deref(), Some("x"));
        assert_eq!(u.query_param("bad").as_deref(), Some("%zz%4"));
        assert_eq!(u.query_param("missing"), None);
        assert_eq!(u.query_param("ETN"), None, "names are case-sensitive");
        let frag = UrlParts::parse("https://h/?a=1#b=2").unwrap();
        assert_eq!(frag.query_param("b"), None, "the fragment is no query");
    }

    #[test]
    fn a_remembered_address_is_rebuilt_from_the_deal_key_or_refused() {
        let key = "sf:acme:0065g00000XyZ12";
        let record =
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";
        let rebuilt = Some(
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view"
                .to_string(),
        );
        assert_eq!(record_address(record, key), rebuilt);
        assert_eq!(
            record_address(&format!("{record}?ws=x#frag"), key),
            rebuilt,
            "nothing else kept"
        );
        // Seen only in a list view of the same org: its record page on that host.
        assert_eq!(
            record_address(
                "https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent",
                key
            ),
            rebuilt
        );
        // Refused: userinfo (the browser's host is evil.example), a port, plain http, another
        // org's page, another deal's record page, a key of another CRM.
        for url in [
            "https://acme.lightning.force.com:x@evil.example/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
            "https://acme.lightning.force.com:8443/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
            "http://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
            "https://other.lightning.force.com/lightning/o/Opportunity/list",
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbC34AAB/view",
            "https://evil.example/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
        ] {
            assert_eq!(record_address(url, key), None, "{url}");
        }
        assert_eq!(record_address(record, "hs:123:456"), None);
        // HubSpot: the portal is the account.
        assert_eq!(
            record_address(
                "https://app-eu1.hubspot.com/contacts/123/objects/0-3/views/all/list",
                "hs:123:456"
            ),
            Some("https://app-eu1.hubspot.com/contacts/123/record/0-3/456".to_string())
        );
        assert_eq!(
            record_address(
                "https://app-eu1.hubspot.com/contacts/999/objects/0-3/views/all/list",
                "hs:123:456"
            ),
            None
        );
        // A key the adapter cannot address (a crafted id) is never linked.
        assert_eq!(
            record_address(
                "https://app.hubspot.com/contacts/123/objects/0-3/views/all/list",
                "hs:123:4/../../x"
            ),
            None
        );
    }
}
