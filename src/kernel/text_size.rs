//! 文字サイズ 小 / 中 / 大.

/// The three text sizes of the header toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    Small,
    #[default]
    Medium,
    Large,
}

impl TextSize {
    /// Every size, in the toggle's order.
    pub const ALL: [TextSize; 3] = [TextSize::Small, TextSize::Medium, TextSize::Large];

    /// The key in the browser's storage (a preference, never user data).
    pub const STORAGE_KEY: &'static str = "kanri.text-size";

    /// 「小」「中」「大」.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Small => "小",
            TextSize::Medium => "中",
            TextSize::Large => "大",
        }
    }

    /// The value of `<html data-text-size>` and of the stored preference.
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Small => "small",
            TextSize::Medium => "medium",
            TextSize::Large => "large",
        }
    }

    /// Read a stored preference; anything unknown is the default.
    pub fn parse(s: Option<&str>) -> Self {
        match s {
            Some("small") => TextSize::Small,
            Some("large") => TextSize::Large,
            _ => TextSize::Medium,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_to_medium() {
        for s in TextSize::ALL {
            assert_eq!(TextSize::parse(Some(s.as_str())), s);
        }
        assert_eq!(TextSize::parse(None), TextSize::Medium);
        assert_eq!(TextSize::parse(Some("huge")), TextSize::Medium);
    }
}
