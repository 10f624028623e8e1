//! 「印刷」's state as plain data: where the printing stands, the texts each state shows, the
//! progress bar's value, and which message a failure gives. The view
//! ([`crate::ui::print::PrintButton`]) only renders these.

use kanri_print::protocol::{Failure, Stage};

/// The button's hint (tied by `aria-describedby`).
pub const HINT: &str = "印刷用PDFファイルを新しいタブで表示します。";
/// The pre-opened tab's title while the PDF is being made.
pub const TAB_TITLE: &str = "印刷用PDFファイルを作成しています";
/// What the pre-opened tab says while the PDF is being made.
pub const TAB_WAITING: &str = "印刷用PDFファイルを作成しています。しばらくお待ちください。";
/// The status region's first line while working.
pub const WORKING: &str = "印刷用PDFファイルを作成しています。";
/// The progress bar's label.
pub const PROGRESS_LABEL: &str = "作成状況";
/// The stage while the printout is fetched (操作履歴照会: the whole search).
pub const FETCHING: &str = "印刷する内容を取得しています。";
/// The stage while the worker fetches the font (first use only).
pub const FONT: &str = "フォントを読み込んでいます。";
/// The link to the finished PDF.
pub const OPEN_LINK: &str = "印刷用PDFファイルを開く";
/// Said with the link when the new tab could not show the PDF.
pub const TAB_NOT_OPENED: &str =
    "新しいタブを開けませんでした。「印刷用PDFファイルを開く」からご覧ください。";
/// The heading of the failure notice.
pub const FAILURE_HEADING: &str = "印刷用PDFファイルを作成できませんでした";
/// The font could not be fetched or read.
pub const FONT_FAILURE: &str = "PDFファイルに使う文字（フォント）を読み込めませんでした。通信状態をご確認のうえ、もう一度「印刷」を押してください。";
/// The worker failed (did not start, crashed, answered nonsense, or wrote no PDF).
pub const WORKER_FAILURE: &str =
    "PDFファイルの作成中にエラーが発生しました。もう一度「印刷」を押してください。";

/// How far the making of the PDF has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Fetching what to print (the history search).
    Fetching,
    /// Starting the worker / waiting for its first word.
    Starting,
    /// The worker fetches the font.
    Font,
    /// `done` of `total` pages written.
    Pages { done: u32, total: u32 },
}

impl Step {
    /// The step a worker's progress report means.
    pub fn of_stage(stage: Stage) -> Step {
        match stage {
            Stage::Font => Step::Font,
            Stage::Pages { done, total } => Step::Pages { done, total },
        }
    }

    /// The text beside the progress bar (none while the worker starts).
    pub fn text(&self) -> Option<String> {
        match self {
            Step::Fetching => Some(FETCHING.to_owned()),
            Step::Starting => None,
            Step::Font => Some(FONT.to_owned()),
            Step::Pages { done, total } => Some(pages_text(*done, *total)),
        }
    }

    /// The progress bar's `(value, max)`; `None` for an indeterminate bar.
    pub fn progress(&self) -> Option<(u32, u32)> {
        match self {
            Step::Pages { done, total } if *total > 0 => Some(((*done).min(*total), *total)),
            _ => None,
        }
    }
}

/// 「{total}ページ中{done}ページを作成しました。」.
pub fn pages_text(done: u32, total: u32) -> String {
    format!("{total}ページ中{}ページを作成しました。", done.min(total))
}

/// 「印刷用PDFファイル（{n}ページ）を作成しました。」.
pub fn done_text(pages: u32) -> String {
    format!("印刷用PDFファイル（{pages}ページ）を作成しました。")
}

/// Why no PDF was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintFailure {
    /// Fetching what to print failed: the API error's own message.
    Api(String),
    /// The font could not be fetched or read.
    Font,
    /// The worker failed.
    Worker,
}

impl PrintFailure {
    /// What a worker's `Failed` reply means for the person printing.
    pub fn of_worker(failure: &Failure) -> PrintFailure {
        match failure {
            Failure::FontFetch(_) | Failure::FontInvalid => PrintFailure::Font,
            Failure::BadRequest(_) | Failure::Render(_) => PrintFailure::Worker,
        }
    }

    /// The notice's text (under [`FAILURE_HEADING`]).
    pub fn message(&self) -> String {
        match self {
            PrintFailure::Api(message) => message.clone(),
            PrintFailure::Font => FONT_FAILURE.to_owned(),
            PrintFailure::Worker => WORKER_FAILURE.to_owned(),
        }
    }
}

/// A finished PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// The PDF's `blob:` URL.
    pub url: String,
    pub pages: u32,
    /// The pre-opened tab now shows the PDF (false: it was blocked or closed meanwhile).
    pub shown_in_tab: bool,
}

/// Where 「印刷」 stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PrintStatus {
    /// Nothing printed yet.
    #[default]
    Idle,
    Working(Step),
    Done(Finished),
    Failed(PrintFailure),
}

impl PrintStatus {
    /// The first step of a click: fetching when the printout takes a fetch.
    pub fn start(fetches: bool) -> PrintStatus {
        PrintStatus::Working(if fetches {
            Step::Fetching
        } else {
            Step::Starting
        })
    }

    /// Whether the button is disabled.
    pub fn is_working(&self) -> bool {
        matches!(self, PrintStatus::Working(_))
    }

    /// The status region's lines of text (the progress bar with the step's text, and the
    /// link of a finished PDF, are rendered after them).
    pub fn lines(&self) -> Vec<String> {
        match self {
            PrintStatus::Idle | PrintStatus::Failed(_) => Vec::new(),
            PrintStatus::Working(_) => vec![WORKING.to_owned()],
            PrintStatus::Done(f) => std::iter::once(done_text(f.pages))
                .chain((!f.shown_in_tab).then(|| TAB_NOT_OPENED.to_owned()))
                .collect(),
        }
    }

    /// The step while working.
    pub fn step(&self) -> Option<Step> {
        match self {
            PrintStatus::Working(step) => Some(*step),
            _ => None,
        }
    }

    /// The finished PDF.
    pub fn finished(&self) -> Option<&Finished> {
        match self {
            PrintStatus::Done(f) => Some(f),
            _ => None,
        }
    }

    /// The failure.
    pub fn failure(&self) -> Option<&PrintFailure> {
        match self {
            PrintStatus::Failed(f) => Some(f),
            _ => None,
        }
    }

    /// The status after a worker's progress report: only while working, and the page
    /// count never goes back (reports may arrive out of order after a restart).
    pub fn progressed(&self, stage: Stage) -> Option<PrintStatus> {
        let next = Step::of_stage(stage);
        match (self, next) {
            (
                PrintStatus::Working(Step::Pages { done, total }),
                Step::Pages { done: d, total: t },
            ) if t == *total && d < *done => None,
            (PrintStatus::Working(_), next) => Some(PrintStatus::Working(next)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_starts_with_fetching_only_when_the_printout_takes_a_fetch() {
        assert_eq!(
            PrintStatus::start(true),
            PrintStatus::Working(Step::Fetching)
        );
        assert_eq!(
            PrintStatus::start(false),
            PrintStatus::Working(Step::Starting)
        );
        assert!(PrintStatus::start(true).is_working());
        assert!(!PrintStatus::Idle.is_working());
    }

    #[test]
    fn working_lines_are_the_contract_texts() {
        assert_eq!(
            PrintStatus::Working(Step::Fetching).lines(),
            vec!["印刷用PDFファイルを作成しています。"]
        );
        assert_eq!(
            Step::Fetching.text().as_deref(),
            Some("印刷する内容を取得しています。")
        );
        assert_eq!(Step::Starting.text(), None);
        assert_eq!(
            Step::Font.text().as_deref(),
            Some("フォントを読み込んでいます。")
        );
        assert_eq!(
            Step::Pages { done: 3, total: 60 }.text().as_deref(),
            Some("60ページ中3ページを作成しました。")
        );
        assert!(PrintStatus::Idle.lines().is_empty());
        assert!(PrintStatus::Failed(PrintFailure::Worker).lines().is_empty());
    }

    #[test]
    fn progress_has_a_value_only_for_pages() {
        assert_eq!(Step::Fetching.progress(), None);
        assert_eq!(Step::Starting.progress(), None);
        assert_eq!(Step::Font.progress(), None);
        assert_eq!(Step::Pages { done: 3, total: 60 }.progress(), Some((3, 60)));
        assert_eq!(Step::Pages { done: 9, total: 4 }.progress(), Some((4, 4)));
        assert_eq!(Step::Pages { done: 0, total: 0 }.progress(), None);
        assert_eq!(pages_text(9, 4), "4ページ中4ページを作成しました。");
    }

    #[test]
    fn worker_stages_map_to_steps() {
        assert_eq!(Step::of_stage(Stage::Font), Step::Font);
        assert_eq!(
            Step::of_stage(Stage::Pages { done: 1, total: 2 }),
            Step::Pages { done: 1, total: 2 }
        );
    }

    #[test]
    fn progress_applies_only_while_working_and_never_goes_back() {
        let working = PrintStatus::Working(Step::Pages { done: 5, total: 10 });
        assert_eq!(
            working.progressed(Stage::Pages { done: 6, total: 10 }),
            Some(PrintStatus::Working(Step::Pages { done: 6, total: 10 }))
        );
        assert_eq!(
            working.progressed(Stage::Pages { done: 4, total: 10 }),
            None
        );
        assert_eq!(
            PrintStatus::Working(Step::Starting).progressed(Stage::Font),
            Some(PrintStatus::Working(Step::Font))
        );
        assert_eq!(PrintStatus::Idle.progressed(Stage::Font), None);
        assert_eq!(
            PrintStatus::Failed(PrintFailure::Worker).progressed(Stage::Font),
            None
        );
    }

    #[test]
    fn done_says_the_page_count_and_whether_the_tab_shows_it() {
        let shown = PrintStatus::Done(Finished {
            url: "blob:x".into(),
            pages: 60,
            shown_in_tab: true,
        });
        assert_eq!(
            shown.lines(),
            vec!["印刷用PDFファイル（60ページ）を作成しました。"]
        );
        assert_eq!(shown.finished().map(|f| f.url.as_str()), Some("blob:x"));
        let blocked = PrintStatus::Done(Finished {
            url: "blob:x".into(),
            pages: 1,
            shown_in_tab: false,
        });
        assert_eq!(
            blocked.lines(),
            vec![
                "印刷用PDFファイル（1ページ）を作成しました。",
                "新しいタブを開けませんでした。「印刷用PDFファイルを開く」からご覧ください。"
            ]
        );
        assert!(!blocked.is_working());
    }

    #[test]
    fn failures_give_the_contract_messages() {
        for f in [Failure::FontFetch("HTTP 404".into()), Failure::FontInvalid] {
            assert_eq!(PrintFailure::of_worker(&f), PrintFailure::Font);
        }
        for f in [Failure::BadRequest("x".into()), Failure::Render("y".into())] {
            assert_eq!(PrintFailure::of_worker(&f), PrintFailure::Worker);
        }
        assert_eq!(
            PrintFailure::Font.message(),
            "PDFファイルに使う文字（フォント）を読み込めませんでした。通信状態をご確認のうえ、もう一度「印刷」を押してください。"
        );
        assert_eq!(
            PrintFailure::Worker.message(),
            "PDFファイルの作成中にエラーが発生しました。もう一度「印刷」を押してください。"
        );
        assert_eq!(
            PrintFailure::Api("サーバーと通信できませんでした。".into()).message(),
            "サーバーと通信できませんでした。"
        );
        let failed = PrintStatus::Failed(PrintFailure::Font);
        assert_eq!(failed.failure(), Some(&PrintFailure::Font));
        assert_eq!(failed.step(), None);
    }
}
