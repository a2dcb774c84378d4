//! The domain is plain Rust: no web crate may appear in it, so that every rule runs in a
//! host `cargo test`. Reads the sources and fails, naming the line, if one does.

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
