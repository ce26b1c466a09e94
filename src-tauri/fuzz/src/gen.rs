//! Building blocks for the generators: choices driven by the random bytes,
//! hostile strings, and byte-level mutations of a finished input.

use arbitrary::Unstructured;

/// The largest input any generator returns; larger files are refused up
/// front by the code under test, and small ones find more per second.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// One of `items`; the first when the bytes run out.
pub fn one_of<'x, T>(u: &mut Unstructured<'_>, items: &'x [T]) -> &'x T {
    let last = items.len().saturating_sub(1);
    let i = u.int_in_range(0..=last).unwrap_or(0);
    match items.get(i).or_else(|| items.first()) {
        Some(item) => item,
        // Callers pass constant, non-empty lists.
        None => unreachable!("one_of needs a non-empty list"),
    }
}

/// True `percent` times in a hundred; false once the bytes run out.
pub fn chance(u: &mut Unstructured<'_>, percent: u8) -> bool {
    u.int_in_range(0..=99u8).unwrap_or(100) < percent
}

/// A number in `0..=max`.
pub fn upto(u: &mut Unstructured<'_>, max: usize) -> usize {
    u.int_in_range(0..=max).unwrap_or(0)
}

/// A number in `low..=high` (u64, for values that get printed).
pub fn number(u: &mut Unstructured<'_>, low: u64, high: u64) -> u64 {
    u.int_in_range(low..=high).unwrap_or(low)
}

/// Strings that have broken parsers and renderers elsewhere: empty, blank,
/// control characters, lone line ends, direction overrides, very long.
pub const HOSTILE: &[&str] = &[
    "",
    " ",
    "\t",
    "\0",
    "\0x",
    "\r",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{202e}gnp.exe",
    "\u{200b}",
    "é",
    "e\u{301}",
    "👩‍👩‍👧‍👦",
    "\u{10ffff}",
    "ǅ",
    "İ",
    "ß",
    "\\",
    "\"",
    "'",
    ";",
    ",",
    ":",
    "=",
    "<",
    ">",
    "&",
    "&amp;",
    "%00",
    "-1",
    "0",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "1e400",
    "NaN",
    "null",
    "true",
];

/// Text an attacker or a broken export could put anywhere.
pub fn text(u: &mut Unstructured<'_>, max_chars: usize) -> String {
    match upto(u, 5) {
        0 => one_of(u, HOSTILE).to_string(),
        1 => {
            let piece = one_of(u, HOSTILE).to_string();
            piece.repeat(upto(u, 64) + 1)
        }
        2 => {
            // Long text of one character: lengths near limits.
            let c = one_of(u, &["a", " ", "x", "é", "\n"]).to_string();
            c.repeat(upto(u, max_chars.max(1)))
        }
        _ => chars(u, max_chars),
    }
}

/// Arbitrary characters, weighted towards ASCII so words and markup appear.
pub fn chars(u: &mut Unstructured<'_>, max_chars: usize) -> String {
    let n = upto(u, max_chars);
    let mut out = String::with_capacity(n);
    for _ in 0..n {
        let c = match upto(u, 9) {
            0 => u.arbitrary::<char>().unwrap_or('a'),
            1 => char::from(u.int_in_range(0..=0x1fu8).unwrap_or(0)),
            _ => char::from(u.int_in_range(0x20..=0x7eu8).unwrap_or(b'a')),
        };
        out.push(c);
    }
    out
}

/// Applies a few random edits to `bytes`: a changed byte, a token from
/// `dictionary` put in, a piece removed, repeated or cut off. Edits keep the
/// input near its structure, so the parser gets past its first checks.
pub fn mutate(u: &mut Unstructured<'_>, bytes: &mut Vec<u8>, dictionary: &[&str]) {
    for _ in 0..=upto(u, 3) {
        let len = bytes.len();
        let at = upto(u, len);
        match upto(u, 5) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b = u.arbitrary().unwrap_or(0);
                }
            }
            1 => {
                let token = if dictionary.is_empty() || chance(u, 30) {
                    one_of(u, HOSTILE).as_bytes()
                } else {
                    one_of(u, dictionary).as_bytes()
                };
                bytes.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + upto(u, 64)).min(len);
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + upto(u, 256)).min(len);
                let piece = bytes.get(at..end).map(<[u8]>::to_vec).unwrap_or_default();
                let times = upto(u, 8) + 1;
                let into = upto(u, len);
                for _ in 0..times {
                    bytes.splice(into..into, piece.iter().copied());
                }
            }
            4 => bytes.truncate(at),
            _ => {
                let other = upto(u, len);
                if at < len && other < len {
                    bytes.swap(at, other);
                }
            }
        }
        bytes.truncate(MAX_INPUT_BYTES);
    }
}

/// `mutate` for text; invalid UTF-8 that results becomes U+FFFD, as it
/// would when the app reads a file as text.
pub fn mutate_text(u: &mut Unstructured<'_>, text: String, dictionary: &[&str]) -> String {
    let mut bytes = text.into_bytes();
    mutate(u, &mut bytes, dictionary);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Raw bytes as text: what a random or binary file gives.
pub fn raw_text(u: &mut Unstructured<'_>) -> String {
    let n = upto(u, 4096);
    let bytes = u.bytes(n.min(u.len())).unwrap_or_default();
    String::from_utf8_lossy(bytes).into_owned()
}

/// An arbitrary JSON value, nested at most `depth` deep.
pub fn json_value(u: &mut Unstructured<'_>, depth: u32) -> serde_json::Value {
    use serde_json::Value;
    let leaf = depth == 0 || u.is_empty();
    match upto(u, if leaf { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(chance(u, 50)),
        2 => Value::from(u.arbitrary::<i64>().unwrap_or(0)),
        3 => serde_json::Number::from_f64(u.arbitrary::<f64>().unwrap_or(0.5))
            .map(Value::Number)
            .unwrap_or(Value::Null),
        4 => Value::from(one_of(u, HOSTILE).to_string()),
        5 => Value::from(text(u, 40)),
        6 => Value::Array((0..upto(u, 4)).map(|_| json_value(u, depth - 1)).collect()),
        _ => Value::Object(
            (0..upto(u, 4))
                .map(|_| (text(u, 12), json_value(u, depth - 1)))
                .collect(),
        ),
    }
}

/// `one_of` for lists of string slices.
pub fn pick(u: &mut Unstructured<'_>, items: &[&'static str]) -> &'static str {
    let picked: &&'static str = one_of(u, items);
    picked
}
