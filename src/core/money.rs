//! Amounts as CRM pages display them: `USD 48,500.00`, `$36,000`, `€1.234,56`, `48.5K`.

use serde::{Deserialize, Serialize};

/// A parsed amount. `minor` is in hundredths of the currency unit so sums stay exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    /// ISO code or symbol as shown (`USD`, `$`, `€`); `None` when the page showed a bare number.
    pub currency: Option<String>,
}

impl Money {
    /// Whole units, rounded down (for display and thresholds).
    pub fn units(&self) -> i64 {
        self.minor / 100
    }

    /// In its own currency, as read (never converted): `USD 48,500`, `$36,000.50`,
    /// `€1,234.56`, `48,500`.
    pub fn text(&self) -> String {
        let minor = self.minor.unsigned_abs();
        let digits = (minor / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if minor % 100 != 0 {
            grouped.push_str(&format!(".{:02}", minor % 100));
        }
        self.with_currency(&grouped)
    }

    /// `number` with the currency: `USD 48,500` for a code, `$48,500` for a symbol, `48,500`
    /// for none; `-` in front when negative.
    pub fn with_currency(&self, number: &str) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        match self.currency.as_deref() {
            None => format!("{sign}{number}"),
            Some(code) if code.chars().any(char::is_alphabetic) => {
                format!("{sign}{code} {number}")
            }
            Some(symbol) => format!("{sign}{symbol}{number}"),
        }
    }
}

/// Parses a displayed amount, or says why it could not.
pub fn parse_money(raw: &str) -> Result<Money, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("the amount is empty".into());
    }
    // A multi-currency org shows the deal's own amount first and its conversion into the
    // corporate currency in parentheses ("GBP 12,000.00 (USD 15,240.00)"): the deal's amount is
    // the first. Only a bracket that is itself an amount is a conversion.
    if let Some(own) = s.strip_suffix(')').and_then(|rest| {
        let (own, converted) = rest.rsplit_once('(')?;
        (!own.trim().is_empty() && parse_money(converted).is_ok()).then_some(own)
    }) {
        return parse_money(own);
    }
    let mut currency = String::new();
    let mut number = String::new();
    let mut suffix = None;
    // A currency code after the number ("48 500,00 EUR", French "9 800,00 £GB"): two or three
    // capitals, set apart from a scale suffix ("48.5K") by their length.
    let (s, code) = match s.rsplit_once([' ', '\u{a0}', '\u{202f}', '£', '$', '€']) {
        Some((_, tail))
            if (2..=3).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            (&s[..s.len() - tail.len()], tail)
        }
        _ => (s, ""),
    };
    for c in s.chars() {
        match c {
            '0'..='9' | '.' | ',' => number.push(c),
            '-' | '\u{2212}' if number.is_empty() => number.push('-'),
            ' ' | '\u{a0}' | '\u{202f}' | '\'' => {}
            'k' | 'K' | 'm' | 'M' | 'b' | 'B' if !number.is_empty() && suffix.is_none() => {
                suffix = Some(c.to_ascii_lowercase())
            }
            c if c.is_alphabetic() && number.is_empty() => currency.push(c),
            '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' => currency.push(c),
            _ => {
                return Err(format!(
                    "the amount {s:?} has an unexpected character {c:?}"
                ))
            }
        }
    }
    if number.trim_start_matches('-').is_empty() {
        return Err(format!("the amount {s:?} holds no number"));
    }
    let negative = number.starts_with('-');
    let digits = number.trim_start_matches('-');
    let minor = to_minor(digits).ok_or_else(|| format!("the amount {s:?} is not a number"))?;
    let scale = match suffix {
        Some('k') => 1_000,
        Some('m') => 1_000_000,
        Some('b') => 1_000_000_000,
        _ => 1,
    };
    let minor = minor
        .checked_mul(scale)
        .ok_or_else(|| format!("the amount {s:?} is too large"))?;
    currency.push_str(code);
    Ok(Money {
        minor: if negative { -minor } else { minor },
        currency: if currency.is_empty() {
            None
        } else {
            Some(currency)
        },
    })
}

/// Decides which of `.` and `,` is the decimal mark: the last separator is decimal when it is
/// followed by one or two digits, or when both kinds appear. `1,234` and `1.234` (three digits
/// after a single separator) are read as thousands.
fn to_minor(digits: &str) -> Option<i64> {
    let last_sep = digits.rfind(['.', ',']);
    let (int_part, frac_part) = match last_sep {
        Some(i) => {
            let after = &digits[i + 1..];
            let both = digits.contains('.') && digits.contains(',');
            let sep = digits.as_bytes()[i] as char;
            let single_kind_repeated = digits.matches(sep).count() > 1;
            if both && single_kind_repeated {
                // `1.234.5,6` style mixes: no locale writes these.
                return None;
            }
            if (after.len() <= 2 || both) && !single_kind_repeated {
                (&digits[..i], after)
            } else {
                (digits, "")
            }
        }
        None => (digits, ""),
    };
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if frac_part.len() > 2 || !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let int: i64 = if int_digits.is_empty() {
        0
    } else {
        int_digits.parse().ok()?
    };
    let frac: i64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<i64>().ok()? * 10,
        _ => frac_part.parse().ok()?,
    };
    int.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> (i64, Option<String>) {
        let v = parse_money(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (v.minor, v.currency)
    }

    #[test]
    fn reads_common_displays() {
        assert_eq!(m("USD 48,500.00"), (4_850_000, Some("USD".into())));
        assert_eq!(m("$36,000"), (3_600_000, Some("$".into())));
        assert_eq!(m("€1.234,56"), (123_456, Some("€".into())));
        assert_eq!(m("1 234,5 €"), (123_450, Some("€".into())));
        assert_eq!(m("48 500,00 EUR"), (4_850_000, Some("EUR".into())));
        assert_eq!(m("9\u{a0}800,00 £GB"), (980_000, Some("£GB".into())));
        assert_eq!(m("12\u{202f}500,00 €"), (1_250_000, Some("€".into())));
        assert_eq!(
            m("48.5K"),
            (4_850_000, None),
            "a scale suffix is no currency"
        );
        assert_eq!(m("48.5K"), (4_850_000, None));
        assert_eq!(m("$1.2M"), (120_000_000, Some("$".into())));
        assert_eq!(m("1,234,567"), (123_456_700, None));
        assert_eq!(m("0"), (0, None));
    }

    #[test]
    fn garbled_amounts_say_why() {
        for bad in ["", "USD ——", "#Error!", "--", "n/a", "12,34,5.6.7"] {
            assert!(parse_money(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_converted_amount_in_brackets_is_the_conversion_not_the_amount() {
        let m = parse_money("GBP 12,000.00 (USD 15,240.00)").unwrap();
        assert_eq!((m.currency.as_deref(), m.units()), (Some("GBP"), 12_000));
        let m = parse_money("12.000,00 EUR (15.240,00 USD)").unwrap();
        assert_eq!(m.units(), 12_000);
        // A bracket that is no amount is still a problem, said, not dropped.
        assert!(parse_money("GBP 12,000.00 (approx)").is_err());
        assert!(parse_money("(USD 15,240.00)").is_err());
    }
}
