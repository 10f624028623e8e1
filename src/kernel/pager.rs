//! Page navigation of a long list (操作履歴一覧, 利用者一覧): 「前へ」, the page numbers
//! around the current one with 「…」 gaps, 「次へ」, and the line that says which rows
//! are shown.

use kanri_contract::history::page_links;
use kanri_contract::money::format_yen;

/// One entry of the page navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageItem {
    /// 「前へ」.
    Previous(String),
    /// A page number; `current` is the page shown.
    Page {
        number: u32,
        href: String,
        current: bool,
    },
    /// 「…」.
    Gap,
    /// 「次へ」.
    Next(String),
}

/// The navigation of page `page` of `pages`, each link's URL made by `href`: 「前へ」 (not
/// on the first page), the first and last page and two on each side of the current one
/// with their gaps, 「次へ」 (not on the last). Empty when everything fits on one page.
pub fn page_items(page: u32, pages: u32, href: impl Fn(u32) -> String) -> Vec<PageItem> {
    if pages <= 1 {
        return Vec::new();
    }
    let current = page.clamp(1, pages);
    let mut out = Vec::new();
    if current > 1 {
        out.push(PageItem::Previous(href(current - 1)));
    }
    out.extend(page_links(current, pages).into_iter().map(|l| match l {
        Some(n) => PageItem::Page {
            number: n,
            href: href(n),
            current: n == current,
        },
        None => PageItem::Gap,
    }));
    if current < pages {
        out.push(PageItem::Next(href(current + 1)));
    }
    out
}

/// 「全3,000件中 51〜100件を表示」: rows `first` to `last` (1-based, inclusive) of `total`.
pub fn range_line(total: u32, first: u32, last: u32) -> String {
    format!(
        "全{}件中 {}〜{}件を表示",
        format_yen(u64::from(total)),
        format_yen(u64::from(first)),
        format_yen(u64::from(last))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn href(n: u32) -> String {
        format!("/list?page={n}")
    }

    #[test]
    fn one_page_needs_no_navigation() {
        assert!(page_items(1, 1, href).is_empty());
        assert!(page_items(1, 0, href).is_empty());
    }

    #[test]
    fn the_first_page_has_no_previous_and_the_last_no_next() {
        let items = page_items(1, 60, href);
        assert_eq!(items.len(), 6);
        assert!(matches!(
            &items[0],
            PageItem::Page {
                number: 1,
                current: true,
                ..
            }
        ));
        assert_eq!(items[3], PageItem::Gap);
        assert_eq!(items[5], PageItem::Next(href(2)));

        let items = page_items(60, 60, href);
        assert_eq!(items[0], PageItem::Previous(href(59)));
        assert!(matches!(
            items.last(),
            Some(PageItem::Page {
                number: 60,
                current: true,
                ..
            })
        ));
    }

    #[test]
    fn a_middle_page_has_two_gaps_and_one_current_page() {
        let middle = page_items(30, 60, href);
        assert_eq!(middle.iter().filter(|i| **i == PageItem::Gap).count(), 2);
        let current: Vec<_> = middle
            .iter()
            .filter_map(|i| match i {
                PageItem::Page {
                    number,
                    current: true,
                    ..
                } => Some(*number),
                _ => None,
            })
            .collect();
        assert_eq!(current, [30]);
        // A page past the last reads as the last.
        assert_eq!(
            page_items(99, 3, href).last(),
            Some(&PageItem::Page {
                number: 3,
                href: href(3),
                current: true
            })
        );
    }

    #[test]
    fn the_range_line_groups_digits() {
        assert_eq!(range_line(3000, 51, 100), "全3,000件中 51〜100件を表示");
        assert_eq!(
            range_line(1011, 1001, 1011),
            "全1,011件中 1,001〜1,011件を表示"
        );
    }
}
