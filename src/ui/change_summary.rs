//! What a change altered, section by section, as on the manuals' 確認 and 結果 screens
//! (利用者登録・変更, 企業情報変更, 手数料の変更, and the 照会 screens without marks).

use crate::kernel::diff::{Body, Cell, Grid, Mark, Row, Section};
use leptos::prelude::*;
use stylers::style;

/// The words of a mark (a change never shows by colour alone).
fn mark_word(mark: &Mark, table_row: bool) -> Option<&'static str> {
    match mark {
        Mark::Unchanged => None,
        Mark::Changed { .. } => Some("変更"),
        Mark::Added => Some("追加"),
        Mark::Removed if table_row => Some("削除"),
        Mark::Removed => Some("解除"),
    }
}

fn mark_class(mark: &Mark) -> &'static str {
    match mark {
        Mark::Unchanged => "",
        Mark::Changed { .. } => "changed",
        Mark::Added => "added",
        Mark::Removed => "removed",
    }
}

/// [`crate::kernel::diff::Section`]s as tables. A changed value is highlighted in yellow
/// and carries the word 「変更」 and its old value (「変更前：…」); added items carry
/// 「追加」, removed ones 「解除」 (a removed table row 「削除」), struck through. A section
/// with an `edit_href` has a 「変更」 link back to where it is edited.
#[component]
pub fn ChangeSummary(
    /// What to show.
    sections: Vec<Section>,
    /// Prefix of the heading ids (unique on the page).
    #[prop(default = "summary")]
    id_prefix: &'static str,
) -> impl IntoView {
    let class = style! {
        .change-section {
            margin-bottom: 1.5rem;
        }
        .change-head {
            display: flex;
            flex-wrap: wrap;
            align-items: baseline;
            justify-content: space-between;
            gap: 0.5rem;
        }
        .change-head h2 {
            margin: 0 0 0.5rem;
            font-size: 1.25rem;
        }
        .table-scroll {
            overflow-x: auto;
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
            overflow-wrap: anywhere;
        }
        th {
            background: var(--color-bg);
        }
        th.row-label {
            width: 35%;
        }
        td.amount {
            text-align: right;
        }
        .changed, .added {
            background: var(--color-warning-tint);
        }
        th.changed, th.added {
            background: var(--color-warning-tint);
        }
        .removed .value {
            text-decoration: line-through;
        }
        .mark {
            display: inline-block;
            margin-left: 0.5rem;
            padding: 0 0.375rem;
            border: 1px solid var(--color-text);
            font-size: 0.875rem;
            font-weight: bold;
            text-decoration: none;
        }
        .before {
            display: block;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
    };

    let value_view = move |value: String, mark: Mark, table_row: bool| {
        let word = mark_word(&mark, table_row);
        let before = match mark {
            Mark::Changed { before } => Some(before),
            _ => None,
        };
        view! { class = class,
            <span class="value">{value}</span>
            {word.map(|m| view! { class = class, <span class="mark">{m}</span> })}
            {before.map(|b| view! { class = class,
                <span class="before">{format!("変更前：{b}")}</span>
            })}
        }
    };

    let rows_view = move |rows: Vec<Row>| {
        let rows = rows
            .into_iter()
            .map(|r| {
                let cls = mark_class(&r.mark);
                view! { class = class,
                    <tr class=cls>
                        <th scope="row" class="row-label">{r.label}</th>
                        <td>{value_view(r.value, r.mark, false)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! { class = class, <table><tbody>{rows}</tbody></table> }
    };

    let grid_view = move |g: Grid| {
        let head = g
            .columns
            .into_iter()
            .map(|c| view! { class = class, <th scope="col">{c}</th> })
            .collect_view();
        let rows = g
            .rows
            .into_iter()
            .map(|r| {
                let row_cls = mark_class(&r.mark);
                let whole_row = r.mark.is_change();
                let Cell { value, mark } = r.heading;
                let heading_mark = if whole_row { r.mark.clone() } else { mark };
                let heading_cls = mark_class(&heading_mark);
                let cells = r
                    .cells
                    .into_iter()
                    .map(|c| {
                        let cls = format!("amount {}", mark_class(&c.mark));
                        view! { class = class,
                            <td class=cls>{value_view(c.value, c.mark, false)}</td>
                        }
                    })
                    .collect_view();
                view! { class = class,
                    <tr class=row_cls>
                        <th scope="row" class=heading_cls>
                            {value_view(value, heading_mark, true)}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! { class = class,
            <div class="table-scroll">
                <table>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };

    sections
        .into_iter()
        .map(|s| {
            let heading_id = format!("{id_prefix}-{}", s.key);
            let labelled_by = heading_id.clone();
            let link = s.edit_href.map(|href| {
                let name = format!("{}を変更する", s.title);
                view! { class = class, <a href=href aria-label=name>"変更"</a> }
            });
            let body = match s.body {
                Body::Rows(rows) => rows_view(rows).into_any(),
                Body::Grid(g) => grid_view(g).into_any(),
            };
            view! { class = class,
                <section class="change-section" aria-labelledby=labelled_by>
                    <div class="change-head">
                        <h2 id=heading_id>{s.title}</h2>
                        {link}
                    </div>
                    {body}
                </section>
            }
        })
        .collect_view()
}
