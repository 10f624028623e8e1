//! What a field's `aria-describedby` names: its hint, its error while there is one, and
//! its note, in that order (the order a screen reader reads them after the label).

/// The ids of `parts` that are shown, space-separated; `None` when none is.
pub fn described_by<'a>(parts: impl IntoIterator<Item = (bool, &'a str)>) -> Option<String> {
    let ids: Vec<&str> = parts
        .into_iter()
        .filter_map(|(shown, id)| shown.then_some(id))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_only_what_is_shown_in_order() {
        assert_eq!(
            described_by([(true, "f-hint"), (true, "f-error"), (false, "f-note")]),
            Some("f-hint f-error".to_owned())
        );
        assert_eq!(described_by([(false, "f-hint"), (false, "f-error")]), None);
        assert_eq!(
            described_by([(false, "f-hint"), (true, "f-error")]),
            Some("f-error".to_owned())
        );
    }
}
