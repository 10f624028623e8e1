//! The software keyboard (ソフトウェアキーボード) as plain data: which keys a field gets
//! from its rule, their (shuffled) order, and the edits a key press makes to the value.
//!
//! Randomness is injected (`next_u32`): the browser's `crypto.getRandomValues` in the app,
//! a seeded generator in tests.

/// The characters a field accepts, from its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharRule {
    /// 半角英数字 (login ID, passwords).
    Alphanumeric,
    /// 半角数字 only (PINs, one-time passwords).
    Digits,
    /// 半角英数字 plus these symbols.
    AlphanumericWith(&'static str),
}

/// 英小文字 / 英大文字.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LetterCase {
    #[default]
    Lower,
    Upper,
}

/// One character key. Letters are stored lower-case and shown in the current case, so
/// switching case keeps every key where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(char);

impl Key {
    /// The character this key types in `case`.
    pub fn char_in(self, case: LetterCase) -> char {
        match case {
            LetterCase::Upper => self.0.to_ascii_uppercase(),
            LetterCase::Lower => self.0,
        }
    }

    /// The Japanese accessible name, e.g. 「小文字のa」「大文字のA」「数字の1」「記号のハイフン」.
    pub fn name_in(self, case: LetterCase) -> String {
        let c = self.char_in(case);
        if c.is_ascii_digit() {
            format!("数字の{c}")
        } else if c.is_ascii_lowercase() {
            format!("小文字の{c}")
        } else if c.is_ascii_uppercase() {
            format!("大文字の{c}")
        } else {
            format!("記号の{}", symbol_name(c))
        }
    }
}

/// Japanese names of the symbols a rule may allow.
fn symbol_name(c: char) -> String {
    match c {
        '-' => "ハイフン".into(),
        '_' => "アンダーバー".into(),
        '.' => "ピリオド".into(),
        '@' => "アットマーク".into(),
        '!' => "感嘆符".into(),
        '#' => "シャープ".into(),
        '$' => "ドル記号".into(),
        '%' => "パーセント".into(),
        '&' => "アンパサンド".into(),
        '*' => "アスタリスク".into(),
        '+' => "プラス".into(),
        '/' => "スラッシュ".into(),
        '=' => "イコール".into(),
        '?' => "疑問符".into(),
        other => other.to_string(),
    }
}

/// The keys of a rule in their fixed (unshuffled) order: digits, letters, symbols.
pub fn keys_for(rule: CharRule) -> Vec<Key> {
    let digits = ('1'..='9').chain(std::iter::once('0'));
    match rule {
        CharRule::Digits => digits.map(Key).collect(),
        CharRule::Alphanumeric => digits.chain('a'..='z').map(Key).collect(),
        CharRule::AlphanumericWith(symbols) => digits
            .chain('a'..='z')
            .chain(symbols.chars().filter(|c| c.is_ascii_punctuation()))
            .map(Key)
            .collect(),
    }
}

/// Whether the rule has letters (the 英小文字 / 英大文字 toggle is shown).
pub fn has_letters(rule: CharRule) -> bool {
    !matches!(rule, CharRule::Digits)
}

/// A uniform integer in `0..n` from a source of uniform `u32`s, without modulo bias
/// (rejection sampling).
pub fn uniform_below(n: u32, next_u32: &mut impl FnMut() -> u32) -> u32 {
    assert!(n > 0, "uniform_below(0)");
    let zone = u32::MAX - (u32::MAX % n);
    loop {
        let x = next_u32();
        if x < zone {
            return x % n;
        }
    }
}

/// Shuffle in place (Fisher–Yates): every order equally likely.
pub fn shuffle<T>(items: &mut [T], next_u32: &mut impl FnMut() -> u32) {
    for i in (1..items.len()).rev() {
        let j = uniform_below(i as u32 + 1, next_u32) as usize;
        items.swap(i, j);
    }
}

/// The keys in display order: shuffled unless the user fixed the order.
pub fn layout(rule: CharRule, fixed: bool, next_u32: &mut impl FnMut() -> u32) -> Vec<Key> {
    let mut keys = keys_for(rule);
    if !fixed {
        shuffle(&mut keys, next_u32);
    }
    keys
}

/// A text value with its selection, in UTF-16 code units as the DOM counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub value: String,
    /// Caret (and collapsed selection) after the edit.
    pub caret: u32,
}

fn clamp_selection(units: &[u16], start: u32, end: u32) -> (usize, usize) {
    let len = units.len();
    let s = (start as usize).min(len);
    let e = (end as usize).min(len).max(s);
    (s, e)
}

/// Type `c` at the selection (replacing it).
pub fn insert(value: &str, start: u32, end: u32, c: char) -> Edit {
    let mut units: Vec<u16> = value.encode_utf16().collect();
    let (s, e) = clamp_selection(&units, start, end);
    let mut buf = [0u16; 2];
    let new = c.encode_utf16(&mut buf);
    units.splice(s..e, new.iter().copied());
    Edit {
        value: String::from_utf16_lossy(&units),
        caret: (s + new.len()) as u32,
    }
}

/// 「1文字削除」: delete the selection, or the character before the caret.
pub fn delete_back(value: &str, start: u32, end: u32) -> Edit {
    let mut units: Vec<u16> = value.encode_utf16().collect();
    let (s, e) = clamp_selection(&units, start, end);
    let from = if s != e {
        s
    } else if s == 0 {
        0
    } else if s >= 2
        && (0xDC00..0xE000).contains(&units[s - 1])
        && (0xD800..0xDC00).contains(&units[s - 2])
    {
        s - 2 // a whole surrogate pair
    } else {
        s - 1
    };
    units.drain(from..e);
    Edit {
        value: String::from_utf16_lossy(&units),
        caret: from as u32,
    }
}

/// 「全消去」.
pub fn clear() -> Edit {
    Edit {
        value: String::new(),
        caret: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SplitMix64: a small, well-distributed seeded generator for tests.
    fn seeded(seed: u64) -> impl FnMut() -> u32 {
        let mut state = seed;
        move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 32) as u32
        }
    }

    #[test]
    fn key_sets_follow_the_rule() {
        assert_eq!(keys_for(CharRule::Digits).len(), 10);
        assert!(keys_for(CharRule::Digits)
            .iter()
            .all(|k| k.char_in(LetterCase::Upper).is_ascii_digit()));
        assert_eq!(keys_for(CharRule::Alphanumeric).len(), 36);
        let with = keys_for(CharRule::AlphanumericWith("-_.@あ"));
        assert_eq!(with.len(), 40, "only ASCII symbols become keys");
        assert!(!has_letters(CharRule::Digits));
    }

    #[test]
    fn keys_have_japanese_names_in_both_cases() {
        let a = Key('a');
        assert_eq!(a.name_in(LetterCase::Lower), "小文字のa");
        assert_eq!(a.name_in(LetterCase::Upper), "大文字のA");
        assert_eq!(a.char_in(LetterCase::Upper), 'A');
        assert_eq!(Key('7').name_in(LetterCase::Upper), "数字の7");
        assert_eq!(Key('-').name_in(LetterCase::Lower), "記号のハイフン");
    }

    #[test]
    fn fixed_layout_is_the_canonical_order_and_shuffles_differ() {
        let mut rng = seeded(1);
        let fixed = layout(CharRule::Alphanumeric, true, &mut rng);
        assert_eq!(fixed, keys_for(CharRule::Alphanumeric));
        let a = layout(CharRule::Alphanumeric, false, &mut rng);
        let b = layout(CharRule::Alphanumeric, false, &mut rng);
        assert_ne!(a, b);
        let mut sorted = a.clone();
        sorted.sort_by_key(|k| k.char_in(LetterCase::Lower));
        let mut canon = fixed.clone();
        canon.sort_by_key(|k| k.char_in(LetterCase::Lower));
        assert_eq!(sorted, canon, "a shuffle is a permutation");
    }

    /// Every key is equally likely in every position: a chi-square test over 60,000
    /// shuffles of the 10 digit keys (10×10 cells, 81 degrees of freedom). The critical
    /// value at p = 0.0001 is about 133; a biased shuffle (e.g. swapping with any index)
    /// scores in the hundreds.
    #[test]
    fn every_key_is_equally_likely_in_every_position() {
        fn chi_square(shuffler: impl Fn(&mut [Key], &mut dyn FnMut() -> u32)) -> f64 {
            let mut rng = seeded(0x5EED);
            let n = 10;
            let runs = 60_000;
            let mut counts = vec![[0u32; 10]; n];
            for _ in 0..runs {
                let mut keys = keys_for(CharRule::Digits);
                shuffler(&mut keys, &mut rng);
                for (pos, k) in keys.iter().enumerate() {
                    let digit = k.char_in(LetterCase::Lower).to_digit(10).unwrap() as usize;
                    counts[pos][digit] += 1;
                }
            }
            let expected = runs as f64 / n as f64;
            counts
                .iter()
                .flatten()
                .map(|&c| (c as f64 - expected).powi(2) / expected)
                .sum()
        }
        let fair = chi_square(|k, r| shuffle(k, &mut || r()));
        assert!(fair < 133.0, "chi-square {fair:.1}");
        // The test can fail: the classic biased shuffle is caught.
        let biased = chi_square(|k, r| {
            for i in 0..k.len() {
                let j = (r() % k.len() as u32) as usize;
                k.swap(i, j);
            }
        });
        assert!(biased > 133.0, "biased shuffle scored only {biased:.1}");
    }

    #[test]
    fn uniform_below_has_no_modulo_bias() {
        // A source that returns the top of the range first: it must be rejected.
        let mut values = vec![5, u32::MAX].into_iter();
        let mut src = move || values.next_back().unwrap_or(0);
        assert_eq!(uniform_below(3, &mut src), 2);
        let mut rng = seeded(7);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            counts[uniform_below(3, &mut rng) as usize] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_500..10_500).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn edits_respect_the_caret_and_selection() {
        assert_eq!(
            insert("Demo", 4, 4, '1'),
            Edit {
                value: "Demo1".into(),
                caret: 5
            }
        );
        assert_eq!(
            insert("Demo", 0, 0, 'X'),
            Edit {
                value: "XDemo".into(),
                caret: 1
            }
        );
        assert_eq!(
            insert("Demo", 1, 3, 'a'),
            Edit {
                value: "Dao".into(),
                caret: 2
            }
        );
        assert_eq!(
            insert("ab", 9, 9, 'c'),
            Edit {
                value: "abc".into(),
                caret: 3
            }
        );
        assert_eq!(
            delete_back("Demo", 4, 4),
            Edit {
                value: "Dem".into(),
                caret: 3
            }
        );
        assert_eq!(
            delete_back("Demo", 2, 2),
            Edit {
                value: "Dmo".into(),
                caret: 1
            }
        );
        assert_eq!(
            delete_back("Demo", 0, 0),
            Edit {
                value: "Demo".into(),
                caret: 0
            }
        );
        assert_eq!(
            delete_back("Demo", 1, 3),
            Edit {
                value: "Do".into(),
                caret: 1
            }
        );
        // A character outside the BMP counts two UTF-16 units and is deleted whole.
        assert_eq!(
            delete_back("a😀", 3, 3),
            Edit {
                value: "a".into(),
                caret: 1
            }
        );
        assert_eq!(
            clear(),
            Edit {
                value: String::new(),
                caret: 0
            }
        );
    }
}
