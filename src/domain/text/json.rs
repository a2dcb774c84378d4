//! Reading JSON into the product's types. Every caller (the catalogue, storage, import)
//! goes through [`parse`], so that each type's parsing code exists once in the build, and
//! every error says where it is ("data.connections[0].since") in French.
//!
//! The place is found after the fact, by walking the text up to the error's line and
//! column ([`path_at`]), rather than by wrapping every value of every parse in a
//! path-tracking deserializer: that wrapping doubled the parsing code in the build.

use serde::de::DeserializeOwned;

use crate::domain::i18n::args;
use crate::domain::i18n::Lang;

/// Why a JSON text could not be read, and where.
#[derive(Debug)]
pub struct JsonError {
    /// The place in the data, empty at the top level.
    pub path: String,
    pub inner: serde_json::Error,
}

/// Reads `text` as a `T`, the whole of it.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|inner| JsonError {
        path: path_at(text, inner.line(), inner.column()),
        inner,
    })
}

enum Frame {
    Object {
        key: Option<String>,
        wants_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The place of the value being read at `line` and `column` (1-based, in bytes, as
/// serde_json counts them): "data.connections[0].since", or "" at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    // The byte offset of line/column.
    let start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| i + 1);
    let end = if line <= 1 { column } else { start + column }.min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { wants_key, .. }) = stack.last_mut() {
                    *wants_key = false;
                }
            }
            b'"' => {
                let from = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    wants_key: true,
                }) = stack.last_mut()
                {
                    let raw = &bytes[from..i.min(bytes.len())];
                    *key = Some(String::from_utf8_lossy(raw).chars().take(60).collect());
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// How deeply arrays and objects nest in `text` (strings skipped), read without parsing:
/// a hostile file is measured before anything builds it.
pub fn depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

impl JsonError {
    /// The problem in `lang`, keeping what helps to find it: the place, the field or
    /// value named by the parser, the line and column.
    pub fn text(&self, lang: Lang) -> String {
        use serde_json::error::Category;
        let e = &self.inner;
        let msg = e.to_string();
        let at = if e.line() > 0 {
            lang.json_at(args::JsonAt {
                column: &e.column(),
                line: &e.line(),
            })
        } else {
            String::new()
        };
        let place = if self.path.is_empty() {
            String::new()
        } else {
            lang.json_place(&self.path)
        };
        let quoted = || {
            msg.split('`')
                .nth(1)
                .map(|s| s.chars().take(60).collect::<String>())
                .unwrap_or_default()
        };
        let what = match e.classify() {
            Category::Eof => lang.json_eof().to_string(),
            Category::Syntax if msg.starts_with("recursion limit exceeded") => {
                lang.json_too_deep().to_string()
            }
            Category::Syntax => lang.json_syntax().to_string(),
            Category::Io => lang.json_io().to_string(),
            Category::Data if msg.starts_with("missing field") => lang.json_missing_field(quoted()),
            Category::Data if msg.starts_with("unknown variant") => {
                lang.json_unknown_variant(quoted())
            }
            Category::Data if msg.starts_with("invalid type") => {
                lang.json_invalid_type().to_string()
            }
            Category::Data if msg.starts_with("invalid length") => {
                lang.json_invalid_length().to_string()
            }
            Category::Data => lang.json_invalid_value().to_string(),
        };
        format!("{place}{what}{at}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        since: i64,
    }

    #[test]
    fn errors_say_where_in_french() {
        let e = parse::<Doc>(r#"{"items": [{"since": 1}, {"since": "hier"}]}"#).unwrap_err();
        assert_eq!(e.path, "items[1].since");
        assert!(
            e.text(Lang::Fr)
                .starts_with("items[1].since\u{202F}: type de valeur incorrect"),
            "{}",
            e.text(Lang::Fr)
        );
        let e = parse::<Doc>(r#"{"items": [{"since": 1}"#).unwrap_err();
        assert!(e.text(Lang::Fr).contains("tronqué"), "{}", e.text(Lang::Fr));
        let e = parse::<Doc>(r#"{"items": [{}]}"#).unwrap_err();
        assert!(
            e.text(Lang::Fr)
                .contains("champ «\u{202F}since\u{202F}» manquant"),
            "{}",
            e.text(Lang::Fr)
        );
        let e = parse::<serde_json::Value>(&"[".repeat(10_000)).unwrap_err();
        assert!(
            e.text(Lang::Fr).contains("trop imbriquée"),
            "{}",
            e.text(Lang::Fr)
        );
        assert!(e.text(Lang::En).contains("nested too deeply"));
        assert!(parse::<Doc>(r#"{"items": []} trailing"#).is_err());
    }

    #[test]
    fn path_at_walks_to_the_error() {
        let text = "{\n  \"data\": {\"connections\": [{\"since\": 1}, {\"a\": \"x,y\", \"since\": \"hier\"";
        let line = 2;
        let column = text.lines().nth(1).map_or(0, str::len);
        assert_eq!(path_at(text, line, column), "data.connections[1].since");
        assert_eq!(path_at("[1, 2, \"trois\"", 1, 12), "[2]");
        assert_eq!(path_at("3", 1, 1), "");
    }

    #[test]
    fn depth_counts_nesting_outside_strings() {
        assert_eq!(depth(r#"{"a": [1, {"b": "[[[{{"}], "c": "\\\"["}"#), 3);
        assert_eq!(depth(&"[".repeat(10_000)), 10_000);
        assert_eq!(depth("3"), 0);
    }
}
