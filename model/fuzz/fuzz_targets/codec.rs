//! Fuzzes the query-string codec: any bytes, never a panic, always in range,
//! and what it writes reads back the same.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| checks::codec(bytes));
