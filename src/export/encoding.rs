//! Bytes of an export file → text.
//!
//! Exports arrive as UTF-8 with or without a byte-order mark (HubSpot, Salesforce's default),
//! as UTF-16 when re-saved from Excel as "Unicode text", or as Windows-1252 when a Salesforce
//! user's export encoding is "ISO-8859-1 (General US & Western European)". Windows-1252 is a
//! superset of ISO-8859-1 in practice, so one decoder covers both.

/// Decodes a file, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
        }
    };
    if text.contains('\0') {
        return Err("this is not a text file (it holds binary data)".to_string());
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if bytes.len() % 2 != 0 {
        return Err("the file starts like UTF-16 text but has an odd number of bytes".to_string());
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| "the file is not valid UTF-16 text".to_string())
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €, …).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_encodings_exports_use() {
        assert_eq!(decode(b"\xEF\xBB\xBFDeal Name").unwrap(), "Deal Name");
        assert_eq!(decode("Café".as_bytes()).unwrap(), "Café");
        assert_eq!(decode(b"Caf\xE9 \x80 5").unwrap(), "Café € 5");
        assert_eq!(decode(b"\xFF\xFEa\0b\0").unwrap(), "ab");
        assert_eq!(decode(b"\xFE\xFF\0a\0b").unwrap(), "ab");
        assert!(decode(b"PK\x03\x04\0\0").is_err());
    }
}
