//! ヘルプ [BHLP001]: the help of one screen, opened from its title bar.

use crate::kernel::help;
use crate::ui::frame::PublicFrame;
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

#[derive(Params, Clone, PartialEq)]
struct HelpParams {
    id: Option<String>,
}

/// The help text of the screen named in the URL.
#[component]
pub fn HelpPage() -> impl IntoView {
    let params = use_params::<HelpParams>();
    let screen = move || {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.id.as_deref().and_then(help::by_id))
    };
    view! {
        <PublicFrame>
            <TitleBar screen=help::HELP />
            {move || match screen() {
                Some(s) => {
                    view! {
                        <section class="panel" aria-labelledby="help-screen">
                            <h2 id="help-screen">{format!("{}（{}）", s.title, s.id)}</h2>
                            <p>{s.help}</p>
                        </section>
                    }
                        .into_any()
                }
                None => view! { <p>"指定された画面のヘルプは見つかりませんでした。"</p> }.into_any(),
            }}
        </PublicFrame>
    }
}
