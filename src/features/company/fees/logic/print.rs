//! What 手数料の変更結果 prints.

use crate::features::company::fees::logic::{self as fee_form, FeeStep};
use crate::kernel::print::{result_printout, section_blocks, when, Printout};
use kanri_contract::fees::FeesChanged;

/// 手数料の変更結果 of the table changed [BKGK013 / BKGK023 / BKGK033]: the message,
/// 変更日時 and the settings with what changed marked.
pub fn fees_changed_printout(done: &FeesChanged) -> Printout {
    result_printout(
        fee_form::fee_screen(done.table, FeeStep::Done),
        fee_form::done_message(done.table),
        Some(when("変更日時", done.changed_at)),
        section_blocks(&fee_form::done_sections(done)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::print::testing::*;
    use kanri_contract::fees::{FeeBand, FeeSettings, FeeTable};
    use kanri_print::model::{Align, Mark};

    fn band(from: u64, to: Option<u64>, fees: [u64; 3]) -> FeeBand {
        FeeBand {
            from,
            to,
            same_branch: fees[0],
            other_branch: fees[1],
            other_bank: fees[2],
        }
    }

    #[test]
    fn a_fee_change_prints_added_and_removed_bands() {
        let before = FeeSettings {
            use_standard: false,
            minimum: None,
            method: None,
            bands: vec![
                band(1, Some(29_999), [0, 110, 330]),
                band(30_000, None, [0, 220, 550]),
            ],
        };
        let mut after = before.clone();
        after.bands = vec![
            band(1, Some(9_999), [0, 110, 330]),
            band(10_000, None, [0, 220, 660]),
        ];
        for table in FeeTable::ALL {
            let done = FeesChanged {
                table,
                before: before.clone(),
                after: after.clone(),
                changed_at: AT,
            };
            let p = fees_changed_printout(&done);
            assert_eq!(p.screen, fee_form::fee_screen(table, FeeStep::Done));
            assert_eq!(p.screen.title, format!("{}変更結果", table.title()));
            assert_eq!(
                paragraphs(&p)[0],
                format!(
                    "以下の内容で{}を変更しました。変更した内容は黄色で表示されています。",
                    table.title()
                )
            );
            assert_eq!(field(&p, "変更日時").text, AT_TEXT);
            let t = tables(&p)[0];
            assert_eq!(t.columns.len(), 4);
            assert_eq!(t.columns[0].align, Align::Left);
            assert!(t.columns[1..].iter().all(|c| c.align == Align::Right));
            assert_eq!(t.rows.len(), 3);
            assert_eq!(
                t.rows[0][0].mark,
                Some(Mark::Changed {
                    before: "1円〜29,999円".into()
                })
            );
            assert_eq!(t.rows[1][0].mark, Some(Mark::Added));
            assert_eq!(t.rows[1][3].mark, None);
            assert_eq!(t.rows[2][0].text, "30,000円以上");
            assert_eq!(
                t.rows[2][0].mark,
                Some(Mark::Removed {
                    word: "削除".into()
                })
            );
            assert_eq!(t.rows[2][0].lines(), ["30,000円以上 ［削除］"]);
        }
    }
}
