//! Builds the translations: the JSON files of `locales/fr/` and `locales/en/` (the same
//! file names and keys on both sides), merged per language, French set by French
//! typography (`src/domain/i18n/typography.rs`) except `controls.json` and `*_controls.json`
//! (the names outside tests find controls by keep their exact characters), then turned
//! into the `Lang` type by rosetta. A key missing on one side, or whose `{placeholders}` differ, fails the
//! build with the list of what differs: no page can show a key or a missing text.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use mes_apps_texts::{generate, locales_check, typography};

type Texts = BTreeMap<String, String>;

/// Files whose texts are names tests find controls by (`controls.json`, or an area's
/// `AREA_controls.json`): set as written.
fn verbatim(file: &str) -> bool {
    file == "controls.json" || file.ends_with("_controls.json")
}

fn read_dir(lang: &str) -> BTreeMap<String, Texts> {
    let dir = Path::new("locales").join(lang);
    let mut files = BTreeMap::new();
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let texts: Texts = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a JSON object of texts: {e}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        files.insert(name, texts);
    }
    files
}

/// One language's texts, merged; French ones set by French typography.
fn merged(files: BTreeMap<String, Texts>, french: bool) -> Texts {
    let mut all = Texts::new();
    for (file, texts) in files {
        for (key, text) in texts {
            let text = if french && !verbatim(&file) {
                typography::french(&text)
            } else {
                text
            };
            if all.insert(key.clone(), text).is_some() {
                panic!("locales: {key} is defined twice");
            }
        }
    }
    all
}

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let (fr, en) = (read_dir("fr"), read_dir("en"));
    let problems = locales_check::differences(&fr, &en);
    if !problems.is_empty() {
        panic!("translations differ:\n  {}", problems.join("\n  "));
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let code = generate::rust(&merged(fr, true), &merged(en, false));
    let path = Path::new(&out).join("texts.rs");
    fs::write(&path, code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
