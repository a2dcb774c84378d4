//! Mes apps: a working model of the "Mes apps" page of QuickBooks and QuickBooks
//! Expert-Comptable. `domain` holds every rule, `storage` is the only code that touches
//! localStorage, `ui` renders and dispatches commands.

pub mod domain;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
