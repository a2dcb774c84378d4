//! The demo's data: the seed of each product, the large firm's generator, and the
//! scenarios that set a state in one click.

pub mod demo;
pub mod generated;
pub mod scenario;
