//! What the pages ask of a state without changing it: the firm-wide overview, search,
//! visible rows, the associated user, and the way out of a connection (reconnect, take
//! over, disconnect).

pub mod association;
pub mod overview;
pub mod search;
pub mod visible_rows;
pub mod way_out;
