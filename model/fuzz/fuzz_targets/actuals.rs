//! Fuzzes the actual-figures CSV reader (a bulletin, a link, a stored entry):
//! any bytes, never a panic, every row taken in bounds and read back the same.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| checks::actuals(bytes));
