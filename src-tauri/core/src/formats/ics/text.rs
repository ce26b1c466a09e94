//! iCalendar content lines: text escaping, parameter quoting and folding.
//! Lines are folded here by octets, because the `ical` crate folds by
//! characters, and a fold never ends in white space, because common readers
//! trim line ends before joining.

use crate::records::meetings::Weekday;
use ical::generator::Property;

pub(super) const LOCAL_FORMAT: &str = "%Y%m%dT%H%M%S";
pub(super) const UTC_FORMAT: &str = "%Y%m%dT%H%M%SZ";

pub(super) fn byday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// RFC 5545 TEXT escaping.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A parameter value, quoted when it holds a character that would end it.
pub(super) fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) || clean.contains(' ') {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Folds content lines at 75 octets (RFC 5545 §3.1).
pub fn fold(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 70 * 3);
    for line in content.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Never end a folded segment in white space: readers trim it.
            while cut > 1 && rest[..cut].ends_with([' ', '\t']) {
                cut -= 1;
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

pub(super) fn prop(name: &str, value: impl Into<String>) -> Property {
    Property {
        name: name.to_string(),
        params: None,
        value: Some(value.into()),
    }
}

/// A property with parameters, written out here rather than by the `ical`
/// crate: its parameter escaping counts characters where it slices bytes,
/// so a quoted non-ASCII value ("José Núñez") panics or comes out garbled.
/// Values come from `param_value` or are constants, so they need nothing more.
pub(super) fn prop_with(
    name: &str,
    params: Vec<(&str, String)>,
    value: impl Into<String>,
) -> Property {
    let mut head = name.to_string();
    for (key, param) in params {
        head.push(';');
        head.push_str(key);
        head.push('=');
        head.push_str(&param);
    }
    Property {
        name: head,
        params: None,
        value: Some(value.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_by_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        let folded = fold(&format!("{line}\r\n"));
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn fold_never_ends_a_segment_in_a_space() {
        let line = format!("SUMMARY:{} tail", "a".repeat(66));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| !l.ends_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_escaping_round_trips() {
        let text = "Goals; roles, and \\ backslash\nnext line";
        assert_eq!(
            escape_text(text),
            "Goals\\; roles\\, and \\\\ backslash\\nnext line"
        );
        assert_eq!(unescape_text(&escape_text(text)), text);
    }
}
