//! stylers derives a component's class from its CSS (only from the number of
//! non-whitespace characters, seeding a small RNG), so two different style blocks can get
//! the same class and silently style each other. This test finds every `style!` block
//! the way stylers' build script does and fails on any shared class.

use std::collections::HashMap;
use std::path::Path;
use syn::{Expr, Item, Stmt};

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_style_block_gets_its_own_class() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut blocks = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        let ast = syn::parse_file(&text).expect("parsable source");
        for item in ast.items {
            let Item::Fn(f) = item else { continue };
            for stmt in f.block.stmts {
                let Stmt::Local(local) = stmt else { continue };
                let Some(init) = local.init else { continue };
                let Expr::Macro(m) = init.expr.as_ref() else {
                    continue;
                };
                if m.mac
                    .path
                    .segments
                    .last()
                    .is_none_or(|s| s.ident != "style")
                {
                    continue;
                }
                blocks += 1;
                let class = stylers_core::Class::rand_class_from_seed(m.mac.tokens.to_string());
                let place = format!("{}::{}", file.display(), f.sig.ident);
                if let Some(other) = seen.insert(class.as_name().to_owned(), place.clone()) {
                    panic!("{place} and {other} get the same stylers class {}: change one block's CSS length", class.as_name());
                }
            }
        }
    }
    assert!(
        blocks >= 5,
        "expected the components' style blocks, found {blocks}"
    );
}
