//! The layers of the SPA, checked on every test run (see `lib.rs` for what each holds):
//!
//! | layer | may import |
//! |---|---|
//! | `kernel` (plain) | `kernel` |
//! | `api` | `kernel`, `api` |
//! | `ui` | `kernel`, `api`, `ui` |
//! | `features/<f>` | `kernel`, `api`, `ui`, its own feature |
//! | a feature's plain logic (`logic.rs`, `logic/`) | `kernel`, its own feature's plain logic |
//! | `shell`, `lib.rs`, `main.rs` | anything |
//!
//! Plain code (the kernel and every feature's logic) names nothing of Leptos, the
//! browser or the styles either, so it compiles and is tested natively.
//!
//! Every path a file names is read from its tokens (`use` lines, paths in code and in
//! macros such as `view!`; comments are not code), `super::` resolved. Besides the
//! rules, the modules must not import each other in a loop.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Crates that plain code must not name.
const NOT_PLAIN: [&str; 9] = [
    "leptos",
    "leptos_router",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo_net",
    "gloo_timers",
    "stylers",
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Layer {
    Kernel,
    Api,
    Ui,
    Feature(String),
    /// The shell and the crate root: they compose everything.
    Top,
}

/// The layer of a module path (segments after `crate`).
fn layer(module: &[String]) -> Layer {
    match module.first().map(String::as_str) {
        Some("kernel") => Layer::Kernel,
        Some("api") => Layer::Api,
        Some("ui") => Layer::Ui,
        Some("features") => match module.get(1) {
            Some(f) => Layer::Feature(f.clone()),
            None => Layer::Top,
        },
        _ => Layer::Top,
    }
}

/// Whether a module path is plain code: the kernel, or a feature's logic.
fn plain(module: &[String]) -> bool {
    match layer(module) {
        Layer::Kernel => true,
        Layer::Feature(_) => module.iter().any(|s| s == "logic"),
        _ => false,
    }
}

/// Why `from` may not import `to`, if it may not.
fn forbidden(from: &[String], to: &[String]) -> Option<&'static str> {
    let (lf, lt) = (layer(from), layer(to));
    if plain(from) {
        return match (&lf, &lt) {
            (_, Layer::Kernel) => None,
            (Layer::Feature(a), Layer::Feature(b)) if a == b && plain(to) => None,
            (Layer::Feature(a), Layer::Feature(b)) if a == b => {
                Some("plain logic imports only plain logic")
            }
            _ => Some("plain logic imports only the kernel and its feature's logic"),
        };
    }
    match (&lf, &lt) {
        (Layer::Top, _) => None,
        (_, Layer::Top) => Some("only the shell imports the shell"),
        (Layer::Api, Layer::Kernel | Layer::Api) => None,
        (Layer::Api, _) => Some("api imports only the kernel"),
        (Layer::Ui, Layer::Kernel | Layer::Api | Layer::Ui) => None,
        (Layer::Ui, _) => Some("ui imports no feature"),
        (Layer::Feature(_), Layer::Kernel | Layer::Api | Layer::Ui) => None,
        (Layer::Feature(a), Layer::Feature(b)) if a == b => None,
        (Layer::Feature(_), _) => Some("a feature imports no other feature"),
        (Layer::Kernel, _) => Some("the kernel imports only the kernel"),
    }
}

/// Known breaches still to be mended: (importing file, imported path prefix, why it is
/// there). Each must still occur (a mended one is taken off the list), so the list only
/// shrinks.
const KNOWN: &[(&str, &str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file relative to `src/` (`features/users/mod.rs` →
/// `features::users`).
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn is_sep(tokens: &[TokenTree], i: usize) -> bool {
    matches!((tokens.get(i), tokens.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':')
}

/// Reads a path at `tokens[i..]` below `prefix` (groups `{a, b::c}` included) into `out`.
fn read_path(
    tokens: &[TokenTree],
    mut i: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    loop {
        match tokens.get(i) {
            Some(TokenTree::Ident(id)) => {
                let id = id.to_string();
                if id == "self" {
                    out.push(prefix.clone());
                    return;
                }
                prefix.push(id);
                if is_sep(tokens, i + 1) {
                    i += 3;
                } else {
                    out.push(prefix);
                    return;
                }
            }
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                for item in inner.split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                {
                    read_path(item, 0, prefix.clone(), out);
                }
                return;
            }
            _ => {
                out.push(prefix);
                return;
            }
        }
    }
}

/// Every module path a file names (`crate::…`, `super::…`), and the crates it names.
fn named_paths(
    ts: TokenStream,
    module: &[String],
    paths: &mut Vec<Vec<String>>,
    crates: &mut BTreeSet<String>,
) {
    let tokens: Vec<TokenTree> = ts.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Ident(id)
                if is_sep(&tokens, i + 1) && (i < 2 || !is_sep(&tokens, i - 2)) =>
            {
                let id = id.to_string();
                if id == "crate" {
                    read_path(&tokens, i + 3, Vec::new(), paths);
                } else if id == "super" {
                    let mut base = module.to_vec();
                    let mut j = i;
                    while matches!(&tokens.get(j), Some(TokenTree::Ident(s)) if s == "super")
                        && is_sep(&tokens, j + 1)
                    {
                        base.pop();
                        j += 3;
                    }
                    read_path(&tokens, j, base, paths);
                } else {
                    crates.insert(id);
                }
            }
            // An inline module (`mod tests { … }`): its `super` is this file's module.
            TokenTree::Ident(id) if id == "mod" => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(g))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    let mut inner = module.to_vec();
                    inner.push(name.to_string());
                    named_paths(g.stream(), &inner, paths, crates);
                    i += 2;
                }
            }
            TokenTree::Group(g) => named_paths(g.stream(), module, paths, crates),
            _ => {}
        }
        i += 1;
    }
}

/// The longest known module that a path names (a path may end in an item).
fn module_named(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

struct Graph {
    /// module → modules it names.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    /// module → crates it names.
    crates: BTreeMap<Vec<String>, BTreeSet<String>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut parsed = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("below src").to_path_buf();
        let text = std::fs::read_to_string(&file).expect("readable source");
        let ts: TokenStream = text.parse().expect("tokenizable source");
        parsed.push((module_of(&rel), ts));
    }
    let modules: BTreeSet<Vec<String>> = parsed.iter().map(|(m, _)| m.clone()).collect();
    let mut g = Graph {
        edges: BTreeMap::new(),
        crates: BTreeMap::new(),
    };
    for (module, ts) in parsed {
        let (mut paths, mut crates) = (Vec::new(), BTreeSet::new());
        named_paths(ts, &module, &mut paths, &mut crates);
        let targets = paths
            .iter()
            .map(|p| module_named(p, &modules))
            .filter(|t| !t.is_empty() && *t != module)
            .collect();
        g.edges.insert(module.clone(), targets);
        g.crates.insert(module, crates);
    }
    g
}

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Every breach of the rules: (module, what it names, which rule).
fn breaches(g: &Graph) -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    for (from, targets) in &g.edges {
        for to in targets {
            if let Some(rule) = forbidden(from, to) {
                out.push((show(from), show(to), rule));
            }
        }
        if plain(from) {
            for c in &g.crates[from] {
                if NOT_PLAIN.contains(&c.as_str()) {
                    out.push((
                        show(from),
                        c.clone(),
                        "plain code names no Leptos, browser or style crate",
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn every_layer_imports_only_what_is_below_it() {
    let found = breaches(&graph());
    let known = |from: &str, to: &str| {
        KNOWN
            .iter()
            .any(|(f, t, _)| *f == from && to.starts_with(t))
    };
    let new: Vec<String> = found
        .iter()
        .filter(|(f, t, _)| !known(f, t))
        .map(|(f, t, rule)| format!("{f} names {t}: {rule}"))
        .collect();
    assert!(new.is_empty(), "layer rules broken:\n{}", new.join("\n"));
    let mended: Vec<&str> = KNOWN
        .iter()
        .filter(|(f, t, _)| !found.iter().any(|(ff, tt, _)| ff == f && tt.starts_with(t)))
        .map(|(f, _, _)| *f)
        .collect();
    assert!(mended.is_empty(), "mended, take off KNOWN: {mended:?}");
}

#[test]
fn no_modules_import_each_other_in_a_loop() {
    let g = graph();
    // Tarjan's strongly connected components.
    struct T<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a [String], usize>,
        low: BTreeMap<&'a [String], usize>,
        stack: Vec<&'a [String]>,
        loops: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a [String]) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        for w in &t.g.edges[v] {
            let w = w.as_slice();
            if !t.g.edges.contains_key(w) {
                continue;
            }
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if t.stack.contains(&w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut component = Vec::new();
            while let Some(w) = t.stack.pop() {
                component.push(show(w));
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                t.loops.push(component);
            }
        }
    }
    let mut t = T {
        g: &g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        loops: Vec::new(),
    };
    for v in g.edges.keys() {
        if !t.index.contains_key(v.as_slice()) {
            visit(&mut t, v);
        }
    }
    assert!(
        t.loops.is_empty(),
        "modules importing each other: {:?}",
        t.loops
    );
}

#[test]
fn the_rules_refuse_what_they_should() {
    let m = |s: &str| -> Vec<String> { s.split("::").map(String::from).collect() };
    assert!(forbidden(&m("kernel::paths"), &m("ui::notice")).is_some());
    assert!(forbidden(&m("kernel::paths"), &m("kernel::navigation")).is_none());
    assert!(forbidden(&m("features::users::list"), &m("features::company")).is_some());
    assert!(forbidden(&m("features::users::list"), &m("features::users")).is_none());
    assert!(forbidden(&m("features::users::wizard::logic"), &m("features::users")).is_some());
    assert!(forbidden(
        &m("features::users::wizard::logic"),
        &m("features::users::logic::summary")
    )
    .is_none());
    assert!(forbidden(&m("features::users::wizard::logic"), &m("api")).is_some());
    assert!(forbidden(&m("ui::frame"), &m("shell::routes")).is_some());
    assert!(forbidden(&m("ui::frame"), &m("features::home")).is_some());
    assert!(forbidden(&m("api::client"), &m("ui::session")).is_some());
    assert!(forbidden(&m("shell::routes"), &m("features::home")).is_none());
    // The reader finds paths in groups, in macros and through `super`.
    let (mut paths, mut crates) = (Vec::new(), BTreeSet::new());
    let ts: TokenStream = "use crate::{kernel::paths, ui::{a, b::c}}; fn f() { view! { <X y=super::super::z::W/> }; leptos::mount(); } mod tests { use super::Q; }"
        .parse()
        .expect("tokens");
    named_paths(ts, &m("features::users::list"), &mut paths, &mut crates);
    let shown: Vec<String> = paths.iter().map(|p| show(p)).collect();
    assert_eq!(
        shown,
        [
            "kernel::paths",
            "ui::a",
            "ui::b::c",
            "features::z::W",
            "features::users::list::Q"
        ]
    );
    assert!(crates.contains("leptos"));
}
