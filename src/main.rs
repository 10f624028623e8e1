//! Entry point: mount the app, and make sure a crash never leaves a blank page.

use wasm_bindgen::JsCast;

/// Replace the page with a Japanese message if the app itself panics.
fn show_fatal_error() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("fatal-error").is_some() {
        return;
    }
    let Ok(section) = doc.create_element("section") else {
        return;
    };
    section.set_id("fatal-error");
    let _ = section.set_attribute("role", "alert");
    let Ok(h) = doc.create_element("h1") else {
        return;
    };
    h.set_text_content(Some("エラーが発生しました"));
    let Ok(p) = doc.create_element("p") else {
        return;
    };
    p.set_text_content(Some(
        "申し訳ございません。画面を表示できませんでした。お手数ですが、画面を再読み込みしてください。入力中の内容は失われている場合があります。",
    ));
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", "/");
    a.set_text_content(Some("再読み込みする"));
    let _ = section.append_child(&h);
    let _ = section.append_child(&p);
    let _ = section.append_child(&a);
    body.set_inner_html("");
    let _ = body.append_child(&section);
    if let Some(el) = section.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error();
    }));
    leptos::mount::mount_to_body(kanri::App);
}
