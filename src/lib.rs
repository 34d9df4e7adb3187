//! referat: turns a folder of Danish municipal meeting minutes into a static, searchable website.
//!
//! Data flows one way: [`load`] → [`parse`] → [`link`] → [`render`] and [`search`] → [`write`],
//! driven by [`build`]; [`serve`] reuses the build with a watcher and an HTTP server.

pub mod build;
pub mod bytes;
pub mod case;
pub mod config;
pub mod diag;
pub mod link;
pub mod load;
pub mod mention;
pub mod model;
pub mod parse;
pub mod privacy;
pub mod render;
pub mod search;
pub mod serve;
pub mod write;
