//! Small helpers over the browser DOM, shared by components.

use wasm_bindgen::JsCast;

/// The element with `id`, as type `T` (e.g. `web_sys::HtmlInputElement`).
pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Focus the element with `id`.
pub fn focus(id: &str) {
    if let Some(el) = by_id::<web_sys::HtmlElement>(id) {
        let _ = el.focus();
    }
}

/// This browser's local storage (preferences only: never user data).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
