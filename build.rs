//! Collects every component's scoped CSS (stylers `style!` blocks) into one file, which
//! Trunk's post-build hook copies into the build as `stylers.css`.
fn main() {
    println!("cargo:rerun-if-changed=src");
    stylers::build(Some(String::from("./target/stylers.css")));
}
