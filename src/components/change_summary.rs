//! A user's data, section by section, as on the manual's 確認 and 結果 screens.

use crate::logic::user_summary::{Mark, Section, SectionKind};
use leptos::prelude::*;
use stylers::style;

/// The sections of [`crate::logic::user_summary::sections`] as tables. Changed values
/// carry the word 「変更」 (and the old value), added ones 「追加」, removed ones 「解除」,
/// so a change never shows by colour alone. With `edit_href`, each section has a
/// 「変更」 link back to its step.
#[component]
pub fn UserSummary(
    /// What to show.
    sections: Vec<Section>,
    /// The link of each section's 「変更」 (check-answers pattern), if any.
    #[prop(optional)]
    edit_href: Option<Callback<SectionKind, String>>,
    /// Prefix of the heading ids (unique on the page).
    #[prop(default = "user")]
    id_prefix: &'static str,
) -> impl IntoView {
    let class = style! {
        .user-section {
            margin-bottom: 1.5rem;
        }
        .section-head {
            display: flex;
            flex-wrap: wrap;
            align-items: baseline;
            justify-content: space-between;
            gap: 0.5rem;
        }
        .section-head h2 {
            margin: 0 0 0.5rem;
            font-size: 1.25rem;
        }
        table {
            width: 100%;
            border-collapse: collapse;
        }
        th, td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: top;
        }
        th {
            width: 35%;
            background: var(--color-bg);
        }
        tr.changed td, tr.added td {
            background: var(--color-warning-tint);
        }
        tr.removed td .value {
            text-decoration: line-through;
        }
        .mark {
            display: inline-block;
            margin-left: 0.5rem;
            padding: 0 0.375rem;
            border: 1px solid var(--color-text);
            font-size: 0.875rem;
            font-weight: bold;
        }
        .before {
            display: block;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
    };
    sections
        .into_iter()
        .map(|s| {
            let heading_id = format!("{id_prefix}-{:?}", s.kind).to_lowercase();
            let labelled_by = heading_id.clone();
            let link = edit_href.map(|f| {
                let href = f.run(s.kind);
                let name = format!("{}を変更する", s.title);
                view! { class = class, <a href=href aria-label=name>"変更"</a> }
            });
            let rows = s
                .rows
                .into_iter()
                .map(|r| {
                    let (cls, mark, before) = match r.mark {
                        Mark::Unchanged => ("", None, None),
                        Mark::Changed { before } => ("changed", Some("変更"), Some(before)),
                        Mark::Added => ("added", Some("追加"), None),
                        Mark::Removed => ("removed", Some("解除"), None),
                    };
                    view! { class = class,
                        <tr class=cls>
                            <th scope="row">{r.label}</th>
                            <td>
                                <span class="value">{r.value}</span>
                                {mark.map(|m| view! { class = class, <span class="mark">{m}</span> })}
                                {before.map(|b| view! { class = class,
                                    <span class="before">{format!("変更前：{b}")}</span>
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! { class = class,
                <section class="user-section" aria-labelledby=labelled_by>
                    <div class="section-head">
                        <h2 id=heading_id>{s.title}</h2>
                        {link}
                    </div>
                    <table>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view()
}
