//! The browser's clock and time zone: the only place the UI reads them.

use crate::domain::health::clock;
use crate::domain::model::{ProductState, Timestamp};

/// Milliseconds since 1970, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The demo's time in a product: the browser's clock plus the product's offset.
pub fn demo_now(state: &ProductState) -> Timestamp {
    clock::now(state, now())
}

/// The browser's UTC offset at `ts`, in minutes east of UTC (summer time included).
pub fn utc_offset(ts: Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.0 as f64));
    -(date.get_timezone_offset() as i32)
}
