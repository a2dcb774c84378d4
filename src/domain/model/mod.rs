//! The vocabulary every rule speaks: ids and times, products, companies and users, one
//! product's state with the records it keeps (journal entries, receipts, requests,
//! suspensions, access reviews, published updates), the actions a role may take, and every refusal as a type. Plain values;
//! the rules that make and change them live in the folders above.

pub mod action;
pub mod error;
pub mod ids;
pub mod journal;
pub mod people;
pub mod receipt;
pub mod request;
pub mod review;
pub mod state;
pub mod suspension;
pub mod team;
pub mod update;

pub use ids::{AppId, CompanyId, Timestamp, UserId};
pub use people::{Company, CompanyKind, FormerUser, Gender, Product, Role, User};
pub use state::{Connection, ProductState};
