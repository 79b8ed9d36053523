//! Rebuilds the page when the translation catalogue changes: `rust-i18n` reads
//! `locales/` inside a macro, which cargo does not track by itself.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
