//! Japanese date-time display (`2026年11月21日 10時00分00秒`), always in Japan Standard Time.
//!
//! The API carries instants as Unix seconds (UTC). Display is JST (UTC+9, no daylight
//! saving) whatever the time zone of the browser, as the bank's screens and manuals do.

/// Offset of Japan Standard Time from UTC in seconds.
pub const JST_OFFSET_SECS: i64 = 9 * 3600;

/// A civil date and time in JST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct JstDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl JstDateTime {
    /// The JST civil date-time of a Unix instant.
    pub fn from_unix(unix_secs: i64) -> Self {
        let local = unix_secs + JST_OFFSET_SECS;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs % 3600 / 60) as u32,
            second: (secs % 60) as u32,
        }
    }

    /// The Unix instant of this JST date-time.
    pub fn to_unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - JST_OFFSET_SECS
    }
}

/// `2026年11月21日 10時00分00秒`
pub fn format_datetime(unix_secs: i64) -> String {
    let t = JstDateTime::from_unix(unix_secs);
    format!(
        "{}年{:02}月{:02}日 {:02}時{:02}分{:02}秒",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// `2026年11月21日`
pub fn format_date(unix_secs: i64) -> String {
    let t = JstDateTime::from_unix(unix_secs);
    format!("{}年{:02}月{:02}日", t.year, t.month, t.day)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) → days since 1970-01-01.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_in_jst_with_zero_padding() {
        // 2026-11-21T01:00:00Z is 10:00 in Tokyo.
        assert_eq!(
            format_datetime(1_795_222_800),
            "2026年11月21日 10時00分00秒"
        );
        assert_eq!(format_date(1_795_222_800), "2026年11月21日");
    }

    #[test]
    fn crosses_the_date_line_at_15_utc() {
        // 2026-12-31T15:00:00Z is already 2027-01-01 00:00 in Tokyo.
        assert_eq!(
            format_datetime(1_798_729_200),
            "2027年01月01日 00時00分00秒"
        );
        assert_eq!(
            format_datetime(1_798_729_199),
            "2026年12月31日 23時59分59秒"
        );
    }

    #[test]
    fn handles_leap_days_and_the_epoch() {
        assert_eq!(
            format_datetime(-JST_OFFSET_SECS),
            "1970年01月01日 00時00分00秒"
        );
        let leap = JstDateTime {
            year: 2028,
            month: 2,
            day: 29,
            hour: 8,
            minute: 59,
            second: 59,
        };
        assert_eq!(JstDateTime::from_unix(leap.to_unix()), leap);
    }

    proptest! {
        #[test]
        fn round_trips_every_instant(secs in -2_000_000_000i64..8_000_000_000i64) {
            prop_assert_eq!(JstDateTime::from_unix(secs).to_unix(), secs);
        }

        #[test]
        fn fields_stay_in_range(secs in -2_000_000_000i64..8_000_000_000i64) {
            let t = JstDateTime::from_unix(secs);
            prop_assert!((1..=12).contains(&t.month));
            prop_assert!((1..=31).contains(&t.day));
            prop_assert!(t.hour < 24 && t.minute < 60 && t.second < 60);
        }
    }
}
