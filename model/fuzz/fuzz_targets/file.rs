//! Fuzzes the scenario-file importer: any bytes, never a panic, and every
//! scenario it accepts is in range.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| checks::file(bytes));
