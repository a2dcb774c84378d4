//! What the browser tests share: a container to mount into, waiting for the app to
//! settle, and events built by the browser's own constructors.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A fresh element at the end of the body, to mount a component into.
pub fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Resolves at the next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects run, a frame pass, and effects run again.
pub async fn settle() {
    leptos::task::tick().await;
    next_frame().await;
    leptos::task::tick().await;
}

/// A bubbling `Event` of `kind` ("input", "change"…), made by the browser's constructor.
pub fn plain_event(kind: &str) -> web_sys::Event {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &"Event".into())
        .unwrap()
        .unchecked_into();
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&kind.into(), &init))
        .unwrap()
        .unchecked_into()
}
