//! Who may do what: the permission table by product and role, access to clients, and
//! the queries every view asks (what a user sees, who manages what).

pub mod permissions;
pub mod queries;
