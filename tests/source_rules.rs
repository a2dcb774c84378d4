//! The domain is plain Rust: no web crate may appear in it, so that every rule runs in a
//! host `cargo test`. Reads the sources and fails, naming the line, if one does.
//!
//! The domain's folders form layers: each folder uses only folders of lower layers, so
//! that no import circle can form between them and the code reads from the bottom up
//! (a file's own unit tests, after `#[cfg(test)]`, may use any folder). Each folder
//! opens with a `//!` that says what it owns, and no source file of `src/` grows past
//! 450 lines.

use std::fs;
use std::path::{Path, PathBuf};

const WEB_CRATES: [&str; 6] = [
    "leptos",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "send_wrapper",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The Rust files under `src/<dir>`.
fn sources(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir),
        &mut files,
    );
    files
}

/// Each line of `files` for which `bad` holds, as "file:line: text".
fn lines_where(files: &[PathBuf], bad: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).expect("readable file");
        for (n, line) in text.lines().enumerate() {
            if bad(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_domain_uses_no_web_crate() {
    let files = sources("domain");
    assert!(files.len() > 5, "the domain's files were found");
    let found = lines_where(&files, |line| {
        WEB_CRATES
            .iter()
            .any(|c| line.contains(&format!("{c}::")) || line.contains(&format!("use {c}")))
    });
    assert!(
        found.is_empty(),
        "web crates in the domain:\n{}",
        found.join("\n")
    );
}

#[test]
fn storage_touches_the_browser_only_in_browser_rs() {
    let files: Vec<PathBuf> = sources("storage")
        .into_iter()
        .filter(|f| !f.ends_with("browser.rs"))
        .collect();
    let found = lines_where(&files, |line| {
        WEB_CRATES.iter().any(|c| line.contains(&format!("{c}::")))
    });
    assert!(
        found.is_empty(),
        "browser code outside storage/browser.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_storage_touches_local_storage() {
    let files: Vec<PathBuf> = sources("")
        .into_iter()
        .filter(|f| !f.to_string_lossy().contains("/src/storage/"))
        .collect();
    let found = lines_where(&files, |line| {
        let code = line.trim_start();
        !code.starts_with("//")
            && [
                "local_storage(",
                "gloo_storage",
                "LocalStorage::",
                "session_storage(",
            ]
            .iter()
            .any(|p| code.contains(p))
    });
    assert!(
        found.is_empty(),
        "localStorage touched outside src/storage:\n{}",
        found.join("\n")
    );
}

/// The folders of `src/domain`, bottom layer first; a folder may use its own layer's
/// code only within itself.
const LAYERS: [&[&str]; 12] = [
    &["i18n"],
    &["text"],
    &["forms"],
    &["model"],
    &["catalogue"],
    &["health"],
    &["journal"],
    &["access"],
    &["disconnection", "requests", "people", "reviews", "updates"],
    &["data"],
    &["commands"],
    &["views", "guide", "import"],
];

const MAX_LINES: usize = 450;

fn layer(folder: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&folder))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The folders `line` names as `crate::domain::FOLDER` (or `mes_apps::domain::FOLDER`).
fn folders_named(line: &str) -> Vec<String> {
    line.match_indices("domain::")
        .map(|(i, m)| {
            line[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn every_domain_folder_uses_only_lower_layers() {
    let root = src().join("domain");
    let mut found = Vec::new();
    let mut folders = 0;
    for entry in fs::read_dir(&root).expect("src/domain") {
        let path = entry.expect("entry").path();
        if !path.is_dir() {
            continue;
        }
        folders += 1;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(own) = layer(&name) else {
            found.push(format!("{name}: a folder no layer lists"));
            continue;
        };
        let mut files = Vec::new();
        rust_files(&path, &mut files);
        for file in files {
            let text = fs::read_to_string(&file).expect("readable file");
            // A file's own unit tests (at its end) may build a whole state.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for used in folders_named(line) {
                    let ok = used == name || layer(&used).is_some_and(|l| l < own);
                    if !ok {
                        found.push(format!(
                            "{}:{}: {name} uses {used}: {}",
                            file.display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert_eq!(
        folders,
        LAYERS.iter().map(|l| l.len()).sum::<usize>(),
        "every layer's folder exists"
    );
    assert!(found.is_empty(), "layers crossed:\n{}", found.join("\n"));
}

#[test]
fn the_domain_is_folders_each_saying_what_it_owns() {
    let root = src().join("domain");
    let mut found = Vec::new();
    for entry in fs::read_dir(&root).expect("src/domain") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            let head = fs::read_to_string(path.join("mod.rs")).unwrap_or_default();
            if !head.starts_with("//!") {
                found.push(format!("{name}/mod.rs does not open with //!"));
            }
        } else if name != "mod.rs" {
            found.push(format!("{name}: a file outside the folders"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_source_file_is_over_the_line_budget() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(files.len() > 50, "the sources were found");
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).expect("readable").lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
