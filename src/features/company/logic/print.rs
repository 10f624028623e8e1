//! What 企業情報変更結果 prints.

use crate::features::company::logic as company_form;
use crate::kernel::help;
use crate::kernel::print::{result_printout, section_blocks, when, Printout};
use kanri_contract::company::{CompanyChanged, CompanyContext};

/// 企業情報変更結果 [BKGK003]: the message, 変更日時 and the company with what changed
/// marked.
pub fn company_changed_printout(done: &CompanyChanged, ctx: &CompanyContext) -> Printout {
    result_printout(
        help::COMPANY_DONE,
        format!("{}{}", company_form::DONE_MESSAGE, company_form::DONE_NOTE),
        Some(when("変更日時", done.changed_at)),
        section_blocks(&company_form::done_sections(done, ctx)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::print::testing::*;
    use kanri_contract::company::{AccountLimits, ApprovalMode, ApprovalSetting, CompanyInfo};
    use kanri_contract::users::Service;
    use kanri_print::model::Align;
    use kanri_print::model::Mark;
    fn company_ctx() -> CompanyContext {
        CompanyContext {
            services: vec![Service::Transfer],
            accounts: accounts(),
            approvers: vec![],
            user_limits: vec![],
            one_time_password: false,
        }
    }

    fn company(total: u64) -> CompanyInfo {
        CompanyInfo {
            name_kana: "カブシキガイシャミナトセイキ".into(),
            name: "株式会社みなと精機".into(),
            approvals: vec![ApprovalSetting {
                service: Service::Transfer,
                mode: ApprovalMode::Single,
            }],
            account_limits: vec![
                AccountLimits {
                    account_id: 1,
                    total,
                    ad_hoc: 5_000_000,
                    registered: 10_000_000,
                },
                AccountLimits {
                    account_id: 2,
                    total: 5_000_000,
                    ad_hoc: 1_000_000,
                    registered: 5_000_000,
                },
            ],
            daily_limits: vec![],
        }
    }

    #[test]
    fn a_company_change_prints_the_account_table_with_amounts_right_aligned() {
        let done = CompanyChanged {
            before: company(10_000_000),
            after: company(12_000_000),
            changed: vec![],
            changed_at: AT,
        };
        let p = company_changed_printout(&done, &company_ctx());
        assert_eq!(p.screen, help::COMPANY_DONE);
        assert_eq!(p.screen.id, "BKGK003");
        assert_eq!(
            paragraphs(&p)[0],
            "以下の内容で企業情報を変更しました。変更した内容は黄色で表示されています。"
        );
        assert_eq!(field(&p, "変更日時").text, AT_TEXT);
        let t = tables(&p);
        assert_eq!(t.len(), 1);
        let t = t[0];
        assert_eq!(t.columns[0].title, "支払元口座");
        assert_eq!(t.columns[0].align, Align::Left);
        assert!(t.columns[1..].iter().all(|c| c.align == Align::Right));
        assert!(t.columns[0].weight > t.columns[2].weight);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][1].text, "12,000,000円");
        assert_eq!(
            t.rows[0][1].mark,
            Some(Mark::Changed {
                before: "10,000,000円".into()
            })
        );
        assert_eq!(t.rows[0][2].mark, None);
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&company_form::done_sections(&done, &company_ctx()))
        );
    }
}
