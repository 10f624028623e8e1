//! 企業管理 › 手数料情報 (manual 001 "手数料情報の変更"): the bank's standard fees
//! and the company's three fee tables, 照会 (`GET /api/company/fees/{slug}`) and 変更
//! (`PUT /api/company/fees/{slug}`).
//!
//! A table on the standard (`use_standard`, 「使用する(常に最新の基準手数料を使用する)」)
//! always shows the bank's current standard bands, whatever was stored with it. Each table
//! has its own revision. The order of the checks of a change is: 管理者権限 (403) → table
//! (404) → body (400) → revision (409) → no change (422 without field errors) → input rules (422) →
//! 確認用パスワード lock (403) → 確認用パスワード (422, five wrong entries lock it: 403).

use crate::admin::{
    check_confirmation, invalid, operator, parse, refuse, require_company_manager, run_about,
    Refusal,
};
use crate::auth::Authenticated;
use crate::company::{db_amount, from_db_amount, no_change, BUSINESS};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::users::{self, enum_from_db, enum_to_db};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kanri_contract::api::ErrorCode;
use kanri_contract::fees::{
    self, FeeBand, FeeChangeRequest, FeeMethod, FeeSettings, FeeTable, FeeView, FeesChanged,
};
use kanri_contract::user_rules;
use rusqlite::{params, Connection, OptionalExtension};

/// The message of 409 when the table changed since the change started (the company's own
/// is [`crate::company::STALE_MESSAGE`]).
pub const STALE_MESSAGE: &str =
    "他の操作で手数料情報が変更されています。最新の内容を表示して、もう一度変更してください。";

/// 409 `conflict`: the revision sent is not the table's current one.
pub fn stale() -> Refusal {
    refuse(
        ApiError::new(StatusCode::CONFLICT, ErrorCode::Conflict, STALE_MESSAGE),
        "他の操作による変更",
    )
}

const fn band(
    from: u64,
    to: Option<u64>,
    same_branch: u64,
    other_branch: u64,
    other_bank: u64,
) -> FeeBand {
    FeeBand {
        from,
        to,
        same_branch,
        other_branch,
        other_bank,
    }
}

/// The bank's standard 先方負担手数料[振込振替] (当店宛 / 本支店宛 / 他行宛, yen).
pub const STANDARD_PAYEE_TRANSFER: [FeeBand; 2] = [
    band(1, Some(29_999), 0, 110, 330),
    band(30_000, None, 0, 220, 550),
];

/// The bank's standard 先方負担手数料[総合振込] (lower than 振込振替 for other banks).
pub const STANDARD_PAYEE_BULK: [FeeBand; 2] = [
    band(1, Some(29_999), 0, 110, 275),
    band(30_000, None, 0, 165, 440),
];

/// The bank's standard 当方負担手数料[総合振込].
pub const STANDARD_PAYER_BULK: [FeeBand; 3] = [
    band(1, Some(9_999), 0, 110, 220),
    band(10_000, Some(29_999), 0, 165, 330),
    band(30_000, None, 0, 220, 550),
];

/// The bank's standard bands of `table` (「手数料を読み込む」).
pub fn standard(table: FeeTable) -> &'static [FeeBand] {
    match table {
        FeeTable::PayeeTransfer => &STANDARD_PAYEE_TRANSFER,
        FeeTable::PayeeBulk => &STANDARD_PAYEE_BULK,
        FeeTable::PayerBulk => &STANDARD_PAYER_BULK,
    }
}

/// The settings as in force: on the standard, the standard's bands.
pub fn resolved(settings: &FeeSettings, table: FeeTable) -> FeeSettings {
    if settings.use_standard {
        FeeSettings {
            bands: standard(table).to_vec(),
            ..settings.clone()
        }
    } else {
        settings.clone()
    }
}

/// One table as stored and in force, with its revision and 最終更新日時.
pub struct Stored {
    pub settings: FeeSettings,
    pub revision: i64,
    pub updated_at: i64,
}

/// The settings of `table` (resolved). A table without a row reads as the bank's standard
/// (with 1円 as 適用最低支払金額 and 据置型 where the table has them), revision 1.
pub fn load(c: &Connection, table: FeeTable) -> rusqlite::Result<Stored> {
    let key = enum_to_db(&table);
    let row = c
        .query_row(
            "SELECT use_standard, minimum, method, revision, updated_at FROM fee_settings WHERE fee_table = ?1",
            [&key],
            |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((use_standard, minimum, method, revision, updated_at)) = row else {
        return Ok(Stored {
            settings: resolved(
                &FeeSettings {
                    use_standard: true,
                    minimum: table.has_minimum().then_some(1),
                    method: table.has_method().then_some(FeeMethod::Fixed),
                    bands: Vec::new(),
                },
                table,
            ),
            revision: 1,
            updated_at: 0,
        });
    };
    let mut st = c.prepare(
        "SELECT from_amount, to_amount, same_branch, other_branch, other_bank FROM fee_bands \
         WHERE fee_table = ?1 ORDER BY position",
    )?;
    let bands = st
        .query_map([&key], |r| {
            Ok(FeeBand {
                from: from_db_amount(r, 0)?,
                to: r
                    .get::<_, Option<i64>>(1)?
                    .map(|_| from_db_amount(r, 1))
                    .transpose()?,
                same_branch: from_db_amount(r, 2)?,
                other_branch: from_db_amount(r, 3)?,
                other_bank: from_db_amount(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let settings = FeeSettings {
        use_standard,
        minimum: minimum
            .map(|m| u64::try_from(m).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(1, m)))
            .transpose()?,
        method: method.as_deref().and_then(enum_from_db),
        bands,
    };
    Ok(Stored {
        settings: resolved(&settings, table),
        revision,
        updated_at,
    })
}

/// Store `settings` (resolved: on the standard, with the standard's bands) as `table`'s,
/// with this revision and 最終更新日時.
pub fn store(
    c: &Connection,
    table: FeeTable,
    settings: &FeeSettings,
    revision: i64,
    now: i64,
) -> rusqlite::Result<()> {
    let key = enum_to_db(&table);
    c.execute(
        "INSERT OR REPLACE INTO fee_settings (fee_table, use_standard, minimum, method, revision, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            key,
            settings.use_standard,
            settings.minimum.map(db_amount).transpose()?,
            settings.method.map(|m| enum_to_db(&m)),
            revision,
            now
        ],
    )?;
    store_bands(c, &key, &settings.bands)
}

/// Replace the stored bands of the table stored as `key`.
pub fn store_bands(c: &Connection, key: &str, bands: &[FeeBand]) -> rusqlite::Result<()> {
    c.execute("DELETE FROM fee_bands WHERE fee_table = ?1", [key])?;
    for (i, b) in bands.iter().enumerate() {
        c.execute(
            "INSERT INTO fee_bands (fee_table, position, from_amount, to_amount, same_branch, other_branch, other_bank) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                key,
                i64::try_from(i).unwrap_or(i64::MAX),
                db_amount(b.from)?,
                b.to.map(db_amount).transpose()?,
                db_amount(b.same_branch)?,
                db_amount(b.other_branch)?,
                db_amount(b.other_bank)?,
            ],
        )?;
    }
    Ok(())
}

/// The changed items of a table, for the operation log: 「基準手数料の使用、適用最低支払金額」.
pub fn changed_items(before: &FeeSettings, after: &FeeSettings, table: FeeTable) -> Vec<String> {
    let mut out = Vec::new();
    if before.use_standard != after.use_standard {
        out.push("基準手数料の使用".to_owned());
    }
    if before.minimum != after.minimum {
        out.push("適用最低支払金額".to_owned());
    }
    if before.method != after.method {
        out.push("手数料計算方法".to_owned());
    }
    if before.bands != after.bands {
        out.push(format!("{}・振込パターンごとの手数料", table.range_label()));
    }
    out
}

/// The operation log's name of a change of `table` (unknown: 「手数料情報の変更」).
pub fn operation(table: Option<FeeTable>) -> &'static str {
    kanri_contract::history::operations::fee_change(table)
}

/// `GET /api/company/fees/{slug}`: the table as in force, and the bank's standard.
pub async fn view(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(slug): Path<String>,
) -> ApiResult<Json<FeeView>> {
    require_company_manager(&auth)?;
    let table = FeeTable::from_slug(&slug).ok_or_else(ApiError::not_found)?;
    let c = st.db.lock();
    let stored = load(&c, table)?;
    Ok(Json(FeeView {
        table,
        settings: stored.settings,
        standard: standard(table).to_vec(),
        one_time_password: users::company_uses_one_time_password(&c)?,
        revision: stored.revision,
        updated_at: stored.updated_at,
    }))
}

/// `PUT /api/company/fees/{slug}`: 手数料情報の変更. With `use_standard` the sent bands are
/// ignored: the standard's are compared and stored.
pub async fn change(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Json<FeesChanged>> {
    let req = parse::<FeeChangeRequest>(&body);
    let table = FeeTable::from_slug(&slug);
    run_about(
        &st,
        &auth,
        BUSINESS,
        operation(table),
        String::new(),
        |c, now, subject| {
            require_company_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
            let table = table.ok_or_else(|| refuse(ApiError::not_found(), "対象なし"))?;
            let req = req?;
            let before = load(c, table)?;
            if req.revision != before.revision {
                return Err(stale());
            }
            let after = resolved(&req.settings, table);
            let items = changed_items(&before.settings, &after, table);
            if items.is_empty() {
                return Err(no_change());
            }
            *subject = items.join("、");
            let mut errors = fees::settings_errors(&after, table);
            errors.extend(user_rules::confirmation_errors(
                &req.confirmation,
                users::company_uses_one_time_password(c)?,
            ));
            if !errors.is_empty() {
                return Err(invalid(errors));
            }
            check_confirmation(c, &operator(c, &auth)?, &req.confirmation)?;
            store(c, table, &after, before.revision + 1, now)?;
            Ok(FeesChanged {
                table,
                before: before.settings,
                after: load(c, table)?.settings,
                changed_at: now,
            })
        },
    )
    .map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_tables_follow_the_band_rules() {
        for t in FeeTable::ALL {
            assert_eq!(fees::band_errors(standard(t), t), vec![], "{t:?}");
        }
    }

    #[test]
    fn on_the_standard_the_sent_bands_are_replaced() {
        let sent = FeeSettings {
            use_standard: true,
            minimum: None,
            method: None,
            bands: vec![band(1, None, 1, 2, 3)],
        };
        assert_eq!(
            resolved(&sent, FeeTable::PayerBulk).bands,
            STANDARD_PAYER_BULK
        );
        let own = FeeSettings {
            use_standard: false,
            ..sent
        };
        assert_eq!(resolved(&own, FeeTable::PayerBulk), own);
    }

    #[test]
    fn changed_items_name_what_differs() {
        let a = resolved(
            &FeeSettings {
                use_standard: true,
                minimum: Some(1),
                method: Some(FeeMethod::Fixed),
                bands: vec![],
            },
            FeeTable::PayeeBulk,
        );
        assert!(changed_items(&a, &a, FeeTable::PayeeBulk).is_empty());
        let mut b = a.clone();
        b.use_standard = false;
        b.minimum = Some(10_000);
        b.bands[0].other_bank = 330;
        assert_eq!(
            changed_items(&a, &b, FeeTable::PayeeBulk),
            [
                "基準手数料の使用",
                "適用最低支払金額",
                "支払金額範囲・振込パターンごとの手数料"
            ]
        );
    }
}
