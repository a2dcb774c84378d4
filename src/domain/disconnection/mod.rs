//! What a disconnection leaves behind: its receipt (kept, shown, undone elsewhere) and
//! what stops when an app is disconnected (the impact shown before confirming).

pub mod impact;
pub mod receipt;
