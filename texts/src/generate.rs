//! The `Lang` type's Rust code, from the merged texts of each language (key → text):
//! - a text without placeholder is `fn key(&self) -> &'static str`;
//! - a text with one is `fn key(&self, name: impl Display) -> String`;
//! - a text with several takes one struct of named arguments, `args::Key { a, b }`, so
//!   that two of them cannot be swapped where the sentence is asked for;
//! - a plural pair, `key_one` and `key_many`, is one method `key(&self, n: usize, …)`
//!   that chooses by `Lang::is_plural`; a `{n}` in either text is that count, and the
//!   pair's other placeholders are passed as above.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::locales_check::placeholders;

/// One language's texts, merged: key → text.
pub type Texts = BTreeMap<String, String>;

/// The languages, in the generated enum's order, and the name of each variant.
const LANGS: [&str; 2] = ["Fr", "En"];

/// The Rust code of the `Lang` type and its texts. `fr` and `en` have the same keys
/// and placeholders (see `locales_check`).
pub fn rust(fr: &Texts, en: &Texts) -> String {
    let mut out = String::new();
    out.push_str(
        "/// The languages of the interface.\n\
         #[derive(Debug, Clone, Copy, Eq, PartialEq, Hash)]\n\
         pub enum Lang {\n    Fr,\n    En,\n}\n\n",
    );
    let items = items(fr);
    out.push_str(
        "/// The named arguments of the texts with several placeholders.\n\
         pub mod args {\n    use std::fmt::Display;\n",
    );
    for item in &items {
        if item.args.len() >= 2 {
            struct_of(&mut out, item);
        }
    }
    out.push_str("}\n\nimpl Lang {\n");
    for item in &items {
        method(&mut out, item, [fr, en]);
    }
    out.push_str("}\n");
    out
}

/// One method to generate: a text, or a plural pair.
struct Item {
    /// The method's name.
    name: String,
    /// The keys it reads: one, or the pair's `_one` and `_many`.
    keys: Vec<String>,
    plural: bool,
    /// The placeholders the caller passes (not the plural's `n`), in alphabetical order.
    args: Vec<String>,
}

fn items(texts: &Texts) -> Vec<Item> {
    let mut items = Vec::new();
    for key in texts.keys() {
        let pair = |base: &str| {
            texts.contains_key(&format!("{base}_one"))
                && texts.contains_key(&format!("{base}_many"))
        };
        if let Some(base) = key.strip_suffix("_one").filter(|b| pair(b)) {
            let keys = vec![key.clone(), format!("{base}_many")];
            let args = keys
                .iter()
                .flat_map(|k| placeholders(&texts[k]))
                .filter(|p| p != "n")
                .collect::<BTreeSet<_>>();
            items.push(Item {
                name: base.to_string(),
                keys,
                plural: true,
                args: args.into_iter().collect(),
            });
        } else if key.strip_suffix("_many").is_some_and(pair) {
            continue;
        } else {
            items.push(Item {
                name: key.clone(),
                keys: vec![key.clone()],
                plural: false,
                args: placeholders(&texts[key]).into_iter().collect(),
            });
        }
    }
    items
}

/// `outcome_added` → `OutcomeAdded`.
fn camel(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn struct_of(out: &mut String, item: &Item) {
    let _ = writeln!(out, "\n    /// The placeholders of `Lang::{}`.", item.name);
    let _ = writeln!(out, "    pub struct {}<'a> {{", camel(&item.name));
    for a in &item.args {
        let _ = writeln!(out, "        pub {a}: &'a dyn Display,");
    }
    out.push_str("    }\n");
}

/// The `format!` (or the literal) of one text, its placeholders bound to the method's
/// parameters: `a.app` for named arguments, the parameter itself otherwise.
fn expression(text: &str, item: &Item) -> String {
    let used = placeholders(text);
    if used.is_empty() {
        // A text without placeholder keeps its doubled braces as written.
        return format!("{:?}", text.replace("{{", "{").replace("}}", "}"));
    }
    let named = item.args.len() >= 2;
    let bindings: Vec<String> = used
        .iter()
        .map(|p| match (p.as_str(), named) {
            ("n", _) if item.plural => "n = n".to_string(),
            (_, true) => format!("{p} = a.{p}"),
            _ => format!("{p} = {p}"),
        })
        .collect();
    format!("format!({:?}, {})", text, bindings.join(", "))
}

fn method(out: &mut String, item: &Item, langs: [&Texts; 2]) {
    let fr = &langs[0][&item.keys[0]];
    let _ = writeln!(out, "    /// {}", fr.replace('\n', " "));
    let mut params = vec!["&self".to_string()];
    if item.plural {
        params.push("n: usize".into());
    }
    match item.args.as_slice() {
        [] => {}
        [one] => params.push(format!("{one}: impl ::std::fmt::Display")),
        _ => params.push(format!("a: args::{}<'_>", camel(&item.name))),
    }
    let constant = !item.plural && item.args.is_empty();
    let ret = if constant {
        "&'static str"
    } else {
        "::std::string::String"
    };
    let _ = writeln!(
        out,
        "    pub fn {}({}) -> {ret} {{",
        item.name,
        params.join(", ")
    );
    let body = |key: &String, lang: usize| {
        let e = expression(&langs[lang][key], item);
        if constant || e.starts_with("format!") {
            e
        } else {
            format!("{e}.to_string()")
        }
    };
    let arms = |key: &String| -> String {
        LANGS
            .iter()
            .enumerate()
            .map(|(i, l)| format!("            Lang::{l} => {},\n", body(key, i)))
            .collect()
    };
    if item.plural {
        let _ = write!(
            out,
            "        if self.is_plural(n) {{\n        match self {{\n{}        }}\n        }} else {{\n        match self {{\n{}        }}\n        }}\n",
            arms(&item.keys[1]),
            arms(&item.keys[0])
        );
    } else {
        let _ = write!(
            out,
            "        match self {{\n{}        }}\n",
            arms(&item.keys[0])
        );
    }
    out.push_str("    }\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn several_placeholders_are_named_arguments() {
        let fr = texts(&[("added", "{app} est {done_at} {company}.")]);
        let en = texts(&[("added", "{app} is {done_at} {company}.")]);
        let code = rust(&fr, &en);
        assert!(code.contains("pub struct Added<'a> {"), "{code}");
        assert!(
            code.contains("pub fn added(&self, a: args::Added<'_>)"),
            "{code}"
        );
        assert!(code.contains("app = a.app"), "{code}");
    }

    #[test]
    fn a_plural_pair_is_one_method_by_count() {
        let fr = texts(&[("days_one", "{n} jour"), ("days_many", "{n} jours")]);
        let code = rust(&fr, &fr);
        assert!(code.contains("pub fn days(&self, n: usize)"), "{code}");
        assert!(!code.contains("fn days_one"), "{code}");
        assert!(code.contains("if self.is_plural(n)"), "{code}");
    }

    #[test]
    fn one_placeholder_and_none_keep_their_simple_forms() {
        let fr = texts(&[("title", "Reçu n° {id}"), ("end", "Fin {{ici}}.")]);
        let code = rust(&fr, &fr);
        assert!(code.contains("pub fn title(&self, id: impl ::std::fmt::Display)"));
        assert!(code.contains("pub fn end(&self) -> &'static str"));
        assert!(code.contains("\"Fin {ici}.\""), "{code}");
    }
}
