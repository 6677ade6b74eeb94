//! What the command line prints from its input, made safe for a terminal: control characters
//! are shown, never obeyed (a deal name carrying an escape sequence must not write the
//! clipboard with OSC 52 or clear the screen), text-direction overrides are shown too (they can
//! make a line read as something else), and every line is bounded (a CSV header of a million
//! columns must not become megabytes of output).

/// Characters kept of one printed line; the rest is counted, not printed.
pub const MAX_LINE: usize = 1_000;
/// Problems printed for one run; the rest are counted.
pub const MAX_PROBLEMS: usize = 200;

/// `text` for a terminal: each control character other than newline and tab as a visible
/// escape (`\x1b`), each bidirectional formatting character as `\u{202e}`, and each line cut to
/// `MAX_LINE` characters with how many more there were.
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(64 * 1024));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut chars = line.chars();
        for (shown, c) in chars.by_ref().enumerate() {
            if shown == MAX_LINE {
                let more = 1 + chars.count();
                out.push_str(&format!("… ({more} more characters)"));
                break;
            }
            match c {
                '\t' => out.push(c),
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                    out.push_str(&format!("\\u{{{:04x}}}", c as u32))
                }
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        // OSC 52 (write the clipboard), a screen clear, a bell, a carriage return.
        let name = "Acme\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\rGlobex";
        let shown = safe(name);
        assert_eq!(shown, "Acme\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x0dGlobex");
        assert!(!shown.chars().any(|c| c.is_control()));
        assert_eq!(safe("a\u{202e}gpj.exe"), "a\\u{202e}gpj.exe");
        assert_eq!(safe("C1 \u{9b}2J"), "C1 \\x9b2J");
        // Near-misses: ordinary text, tabs, newlines and accents pass as they are.
        assert_eq!(safe("Zoë\tMüller\nnext"), "Zoë\tMüller\nnext");
    }

    #[test]
    fn long_lines_are_cut_with_what_was_left_out() {
        let header = "col,".repeat(1_000_000);
        let shown = safe(&header);
        assert!(shown.chars().count() < MAX_LINE + 40);
        assert!(
            shown.ends_with("… (3999000 more characters)"),
            "{}",
            &shown[shown.len() - 40..]
        );
        let two = format!("{}\nshort", "x".repeat(2 * MAX_LINE));
        assert!(safe(&two).ends_with("more characters)\nshort"));
    }
}
