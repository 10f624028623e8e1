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

/// A civil date in JST (the 期間 of 操作履歴照会). Written `2026-11-21` in URLs, JSON and
/// `<input type="date">`, shown `2026年11月21日`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The JST date of a Unix instant.
    pub fn of_unix(unix_secs: i64) -> Self {
        let t = JstDateTime::from_unix(unix_secs);
        Self {
            year: t.year,
            month: t.month,
            day: t.day,
        }
    }

    /// A valid date, or `None` (month 13, 31 April, 29 February of a common year …).
    pub fn new(year: i64, month: u32, day: u32) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// `2026-11-21` (exactly this form; anything else is `None`).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Self::new(i64::from(digits(0..4)?), digits(5..7)?, digits(8..10)?)
    }

    /// `2026-11-21`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2026年11月21日`.
    pub fn japanese(self) -> String {
        format!("{}年{:02}月{:02}日", self.year, self.month, self.day)
    }

    /// The Unix instant of 00:00:00 JST on this date.
    pub fn start_unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400 - JST_OFFSET_SECS
    }

    /// The Unix instant of 23:59:59 JST on this date.
    pub fn end_unix(self) -> i64 {
        self.start_unix() + 86_399
    }

    /// The same day `months` months earlier; a day the earlier month lacks becomes its
    /// last day (31 May − 3 months = 28 or 29 February).
    pub fn months_before(self, months: u32) -> Self {
        let index = self.year * 12 + i64::from(self.month) - 1 - i64::from(months);
        let year = index.div_euclid(12);
        let month = index.rem_euclid(12) as u32 + 1;
        Self {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The day after.
    pub fn next_day(self) -> Self {
        let (year, month, day) =
            civil_from_days(days_from_civil(self.year, self.month, self.day) + 1);
        Self { year, month, day }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
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

    #[test]
    fn dates_parse_strictly_and_format_both_ways() {
        let d = Date::parse("2026-11-21").expect("a date");
        assert_eq!(d.japanese(), "2026年11月21日");
        assert_eq!(d.iso(), "2026-11-21");
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "２０２６-11-21",
            "",
            "2026/11/21",
            "2026-11-2a",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::of_unix(1_795_222_800), d);
        assert_eq!(Date::of_unix(d.start_unix()), d);
        assert_eq!(
            Date::of_unix(d.start_unix() - 1),
            Date::parse("2026-11-20").unwrap()
        );
        assert_eq!(Date::of_unix(d.end_unix()), d);
        assert_eq!(Date::of_unix(d.end_unix() + 1), d.next_day());
    }

    #[test]
    fn months_before_clamps_to_the_end_of_the_month() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-11-21").months_before(6), d("2026-05-21"));
        assert_eq!(d("2026-05-31").months_before(3), d("2026-02-28"));
        assert_eq!(d("2028-05-31").months_before(3), d("2028-02-29"));
        assert_eq!(d("2026-03-15").months_before(6), d("2025-09-15"));
        assert_eq!(d("2026-12-31").next_day(), d("2027-01-01"));
        assert_eq!(
            serde_json::to_string(&d("2026-01-02")).unwrap(),
            "\"2026-01-02\""
        );
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }

    proptest! {
        #[test]
        fn dates_round_trip_through_iso(days in -700_000i64..2_900_000i64) {
            let (year, month, day) = civil_from_days(days);
            let d = Date::new(year, month, day).expect("a civil date");
            prop_assert_eq!(Date::parse(&d.iso()), Some(d));
            prop_assert_eq!(Date::of_unix(d.start_unix()), d);
        }

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
