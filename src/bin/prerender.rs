//! Writes the story's first scene as static HTML (`public/first-scene.html`,
//! see `changji_water::prerender`).

fn main() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(changji_water::prerender::FILE);
    if let Err(e) = std::fs::write(&path, changji_water::prerender::file_text()) {
        eprintln!("prerender: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("prerender: wrote {}", path.display());
}
