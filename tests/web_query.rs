//! The one reader of query strings outside the router (`?lang=`, `?banc=`), in headless
//! Chromium: what it decodes, what it gives for a missing or repeated key, and that it
//! reads the page's own address.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::window;
use mes_apps::ui::web::paths::{address_param, query_param};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn percent_escapes_and_plus_are_decoded() {
    let search = "?q=caf%C3%A9+cr%C3%A8me&op=a%2Bb%26c%3Dd";
    assert_eq!(query_param(search, "q").as_deref(), Some("café crème"));
    // An escaped +, & or = is part of the value, not a separator.
    assert_eq!(query_param(search, "op").as_deref(), Some("a+b&c=d"));
    // Keys are decoded too, and the leading ? is optional.
    assert_eq!(query_param("%6Cang=en", "lang").as_deref(), Some("en"));
    // A malformed escape is kept as written rather than refused.
    assert_eq!(query_param("?q=100%", "q").as_deref(), Some("100%"));
}

#[wasm_bindgen_test]
fn a_missing_key_gives_nothing_and_an_empty_value_is_empty() {
    assert_eq!(query_param("", "lang"), None);
    assert_eq!(query_param("?", "lang"), None);
    assert_eq!(query_param("?banc=10", "lang"), None);
    // Whole keys only: neither a longer key nor a prefix of one.
    assert_eq!(query_param("?xlang=en&lang_=fr&lan=de", "lang"), None);
    assert_eq!(query_param("?lang=", "lang").as_deref(), Some(""));
    assert_eq!(query_param("?lang", "lang").as_deref(), Some(""));
}

#[wasm_bindgen_test]
fn a_repeated_key_gives_its_first_value() {
    assert_eq!(
        query_param("?lang=en&banc=3&lang=fr", "lang").as_deref(),
        Some("en")
    );
    assert_eq!(query_param("?banc=&banc=7", "banc").as_deref(), Some(""));
}

#[wasm_bindgen_test]
fn the_page_address_is_read() {
    let location = window().location();
    let before = location.href().unwrap();
    let history = window().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("?banc=12&lang=en+x"))
        .unwrap();
    let (banc, lang, absent) = (
        address_param("banc"),
        address_param("lang"),
        address_param("scenario"),
    );
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
    assert_eq!(banc.as_deref(), Some("12"));
    assert_eq!(lang.as_deref(), Some("en x"));
    assert_eq!(absent, None);
}
