//! The backend's idle limit as the SPA keeps it (WCAG 2.2.1 Timing Adjustable): from the limit,
//! the time of the last activity the backend counted and the time now, whether the
//! session is active, in its warning period (with the seconds left) or over.
//!
//! The SPA ends the session a little before the backend would ([`SAFETY_MARGIN_SECS`]):
//! the SPA notes an activity when the answer arrives, after the backend noted it, so it
//! must never believe alive a session the backend has already expired.
//!
//! Each browser tab keeps its own clock (activity in another tab is not seen here).

/// How long before the end the warning opens (two minutes).
pub const WARNING_SECS: u32 = 120;
/// How much earlier than the backend the SPA ends the session.
pub const SAFETY_MARGIN_SECS: u32 = 10;
/// Screen readers hear the countdown at this interval (and when the warning opens),
/// not every second.
pub const ANNOUNCE_EVERY_SECS: u32 = 30;

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleStatus {
    Active,
    /// The warning dialog is open; the session ends in `secs_left` seconds.
    Warning {
        secs_left: u32,
    },
    /// The SPA ends the session now.
    Expired,
}

/// The idle limit and the last activity, in milliseconds since the epoch
/// (`Date.now()`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleClock {
    limit_secs: u32,
    last_activity_ms: f64,
}

impl IdleClock {
    /// A session that was active at `now_ms` (login, or the start-up session check).
    pub fn new(limit_secs: u32, now_ms: f64) -> Self {
        Self {
            limit_secs,
            last_activity_ms: now_ms,
        }
    }

    /// The backend counted an activity at `now_ms` (an answered call, 「延長する」).
    /// Never moves back (answers may arrive out of order).
    pub fn touch(&mut self, now_ms: f64) {
        if now_ms > self.last_activity_ms {
            self.last_activity_ms = now_ms;
        }
    }

    /// The backend gave a (new) limit (keep-alive answer).
    pub fn set_limit(&mut self, limit_secs: u32) {
        self.limit_secs = limit_secs;
    }

    /// The margin: [`SAFETY_MARGIN_SECS`], at most a tenth of a short limit.
    fn margin_secs(&self) -> u32 {
        SAFETY_MARGIN_SECS.min(self.limit_secs / 10)
    }

    /// How long the SPA lets the session idle.
    fn effective_secs(&self) -> u32 {
        self.limit_secs - self.margin_secs()
    }

    /// How long the warning lasts: [`WARNING_SECS`], or half the time for a short limit.
    pub fn warning_secs(&self) -> u32 {
        WARNING_SECS.min(self.effective_secs() / 2)
    }

    /// When the SPA ends the session.
    pub fn expires_at_ms(&self) -> f64 {
        self.last_activity_ms + f64::from(self.effective_secs()) * 1000.0
    }

    /// Where the session stands at `now_ms`.
    pub fn status(&self, now_ms: f64) -> IdleStatus {
        let left_ms = self.expires_at_ms() - now_ms;
        if left_ms <= 0.0 {
            return IdleStatus::Expired;
        }
        // Whole seconds left, rounded up: 「あと0秒」 is never shown.
        let secs_left = (left_ms / 1000.0).ceil() as u32;
        if secs_left <= self.warning_secs() {
            IdleStatus::Warning { secs_left }
        } else {
            IdleStatus::Active
        }
    }
}

/// The countdown sentence: 「あと1分05秒で自動的にログアウトします。」 (「あと30秒で…」
/// under a minute).
pub fn countdown_text(secs_left: u32) -> String {
    let (m, s) = (secs_left / 60, secs_left % 60);
    if m == 0 {
        format!("あと{s}秒で自動的にログアウトします。")
    } else {
        format!("あと{m}分{s:02}秒で自動的にログアウトします。")
    }
}

/// Whether the countdown is announced again now: it went from `before` to `now`
/// seconds left and passed (or reached) a multiple of [`ANNOUNCE_EVERY_SECS`].
/// Ticks may skip seconds (a background tab's timers are slowed), so a crossing counts,
/// not an exact hit.
pub fn announce_now(before: u32, now: u32) -> bool {
    now < before && before.div_ceil(ANNOUNCE_EVERY_SECS) != now.div_ceil(ANNOUNCE_EVERY_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: f64 = 1000.0;
    const T0: f64 = 1_800_000_000_000.0;

    #[test]
    fn ten_minutes_warn_two_minutes_before_the_spa_end_which_precedes_the_backend() {
        let c = IdleClock::new(600, T0);
        assert_eq!(c.status(T0), IdleStatus::Active);
        // The SPA ends at 590 s (10 s margin); the warning opens 120 s before.
        assert_eq!(c.status(T0 + 469.5 * S), IdleStatus::Active);
        assert_eq!(
            c.status(T0 + 470.0 * S),
            IdleStatus::Warning { secs_left: 120 }
        );
        assert_eq!(
            c.status(T0 + 470.5 * S),
            IdleStatus::Warning { secs_left: 120 }
        );
        assert_eq!(
            c.status(T0 + 589.1 * S),
            IdleStatus::Warning { secs_left: 1 }
        );
        assert_eq!(c.status(T0 + 590.0 * S), IdleStatus::Expired);
        assert!(c.expires_at_ms() < T0 + 600.0 * S);
    }

    #[test]
    fn activity_starts_the_limit_again_and_never_moves_back() {
        let mut c = IdleClock::new(600, T0);
        c.touch(T0 + 500.0 * S);
        assert_eq!(c.status(T0 + 600.0 * S), IdleStatus::Active);
        c.touch(T0 + 100.0 * S); // a late answer of an older call
        assert_eq!(c.status(T0 + 600.0 * S), IdleStatus::Active);
        assert_eq!(c.status(T0 + 1090.0 * S), IdleStatus::Expired);
    }

    #[test]
    fn a_short_limit_warns_at_half_and_keeps_a_smaller_margin() {
        let c = IdleClock::new(60, T0);
        // Margin 6 s, so the SPA ends at 54 s; warning for the last 27 s.
        assert_eq!(c.warning_secs(), 27);
        assert_eq!(c.status(T0 + 26.0 * S), IdleStatus::Active);
        assert_eq!(
            c.status(T0 + 27.0 * S),
            IdleStatus::Warning { secs_left: 27 }
        );
        assert_eq!(c.status(T0 + 54.0 * S), IdleStatus::Expired);
        let tiny = IdleClock::new(1, T0);
        assert_eq!(tiny.status(T0 + 1.0 * S), IdleStatus::Expired);
    }

    #[test]
    fn a_new_limit_applies_from_the_last_activity() {
        let mut c = IdleClock::new(600, T0);
        c.set_limit(1200);
        assert_eq!(c.status(T0 + 1000.0 * S), IdleStatus::Active);
        assert_eq!(c.status(T0 + 1190.0 * S), IdleStatus::Expired);
    }

    #[test]
    fn a_clock_set_back_keeps_the_session_active() {
        let c = IdleClock::new(600, T0);
        assert_eq!(c.status(T0 - 3600.0 * S), IdleStatus::Active);
    }

    #[test]
    fn the_countdown_reads_minutes_and_seconds() {
        assert_eq!(
            countdown_text(120),
            "あと2分00秒で自動的にログアウトします。"
        );
        assert_eq!(
            countdown_text(65),
            "あと1分05秒で自動的にログアウトします。"
        );
        assert_eq!(countdown_text(59), "あと59秒で自動的にログアウトします。");
        assert_eq!(countdown_text(1), "あと1秒で自動的にログアウトします。");
    }

    #[test]
    fn the_countdown_is_announced_every_thirty_seconds_not_every_second() {
        let announced: Vec<u32> = (0..120).filter(|s| announce_now(s + 1, *s)).collect();
        assert_eq!(announced, vec![0, 30, 60, 90]);
        // A slowed tab that skips 89 and 90 still announces once.
        assert!(announce_now(91, 88));
        assert!(!announce_now(88, 87));
        // Extension (more time left) is not a crossing.
        assert!(!announce_now(30, 120));
    }
}
