//! Named saved scenarios: the file format lives in the model crate
//! ([`changji_model::file`]) so it is tested and fuzzed without a browser.

pub use changji_model::file::*;
