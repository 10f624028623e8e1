//! The screens: ID, title and the help text behind each 「ヘルプ」 link.
//!
//! IDs from the manuals are kept (BLGI001, BSSK001, BRSK001 …); ours follow their pattern.

/// One screen of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub id: &'static str,
    pub title: &'static str,
    pub help: &'static str,
}

const fn screen(id: &'static str, title: &'static str, help: &'static str) -> Screen {
    Screen { id, title, help }
}

pub const LOGIN: Screen = screen(
    "BLGI001",
    "ログイン",
    "電子証明書でログインされる方は、ログインIDの入力は不要です。ログインパスワードを入力の上、「ログイン」ボタンを押してください。ID・パスワード方式の方は、ログインIDとログインパスワードを入力してください。ログインパスワードを規定回数以上誤るとログインIDがロックされます。",
);
pub const LOGGED_OUT: Screen = screen(
    "BLGI002",
    "ログアウト",
    "ログアウトが完了しました。電子証明書をご利用の場合は、安全のためすべてのブラウザを閉じてください。",
);
pub const TIMED_OUT: Screen = screen(
    "BLGI003",
    "セッションタイムアウト",
    "一定時間操作が行われなかったため、安全のためログアウトしました。再度ログインしてください。入力途中の内容は、同じ画面（タブ）で同じ利用者が再度ログインすると復元されます。パスワードは保持していないため、再度入力してください。",
);
pub const HOME: Screen = screen(
    "BTOP001",
    "トップページ",
    "ログイン後に表示される画面です。前回のログイン日時をご確認いただけます。身に覚えのないログインがある場合は、お取引店にご連絡ください。",
);
pub const BUSINESS_SELECT: Screen = screen(
    "BSSK001",
    "業務選択",
    "管理メニューで利用する業務を選択してください。表示される業務は、ご利用の権限によって異なります。",
);
pub const USER_TASKS: Screen = screen(
    "BRSK001",
    "作業内容選択",
    "利用者管理で行う作業を選択してください。一般ユーザは自身のパスワード変更を行うことができます。",
);
pub const PASSWORD_CHANGE: Screen = screen(
    "BRSK002",
    "パスワード変更",
    "変更するパスワードの「変更する」を選択し、現在のパスワードと新しいパスワード（確認のため2回）を入力して「変更」ボタンを押してください。パスワードは半角英数字6〜12文字で、英字と数字をそれぞれ1文字以上含めてください。英字の大文字と小文字は区別されます。",
);
pub const PASSWORD_CHANGED: Screen = screen(
    "BRSK003",
    "パスワード変更結果",
    "パスワードの変更が完了しました。次回のログインから新しいパスワードをご利用ください。",
);
pub const NOT_PERMITTED: Screen = screen(
    "BERR002",
    "ご利用いただけません",
    "この画面を利用する権限がありません。管理者権限が必要な画面です。マスターユーザまたは管理者ユーザにお問い合わせください。",
);
pub const USER_LIST: Screen = screen(
    "BRSK005",
    "利用者一覧",
    "利用者を新たに登録する場合は「新規登録」ボタンを押してください。利用者情報を照会・変更・削除する場合は、一覧から対象の利用者を選択し、「照会」「変更」「削除」ボタンを押してください。並び順を変える場合は、並び順と昇順・降順を選択して「再表示」ボタンを押してください。",
);
pub const USER_NEW_BASICS: Screen = screen(
    "BRSK006",
    "利用者登録[基本情報]",
    "利用者基本情報（ログインID、ログインパスワード、確認用パスワード、利用者名、メールアドレス、管理者権限）を入力し、「次へ」ボタンを押してください。ログインIDとパスワードは半角英数字6〜12文字で、英字と数字をそれぞれ1文字以上含めてください。",
);
pub const USER_NEW_RIGHTS: Screen = screen(
    "BRSK007",
    "利用者登録[権限]",
    "サービス利用権限を設定し、「次へ」ボタンを押してください。「全選択」「全解除」で、すべての権限またはグループごとの権限をまとめて設定できます。ご契約のないサービスの権限は表示されません。",
);
pub const USER_NEW_ACCOUNTS: Screen = screen(
    "BRSK008",
    "利用者登録[口座]",
    "利用可能口座を1つ以上選択し、利用者一回当たり限度額を業務ごとに入力して「次へ」ボタンを押してください。限度額は企業の限度額以下の金額を半角数字で入力してください。",
);
pub const USER_NEW_CONFIRM: Screen = screen(
    "BRSK009",
    "利用者登録確認",
    "登録内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。内容を修正する場合は、各項目の「変更」を押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードを入力してください。",
);
pub const USER_NEW_DONE: Screen = screen(
    "BRSK010",
    "利用者登録結果",
    "利用者登録が完了しました。登録結果をご確認ください。",
);
pub const USER_VIEW: Screen = screen(
    "BRSK011",
    "利用者照会",
    "選択した利用者の登録内容を表示します。",
);
pub const USER_EDIT_BASICS: Screen = screen(
    "BRSK012",
    "利用者変更[基本情報]",
    "利用者基本情報を変更し、「次へ」ボタンを押してください。パスワードを変更する場合は「変更する」をチェックしてください。",
);
pub const USER_EDIT_RIGHTS: Screen = screen(
    "BRSK013",
    "利用者変更[権限]",
    "サービス利用権限を設定し、「次へ」ボタンを押してください。",
);
pub const USER_EDIT_ACCOUNTS: Screen = screen(
    "BRSK014",
    "利用者変更[口座]",
    "利用可能口座・限度額を変更し、「次へ」ボタンを押してください。",
);
pub const USER_EDIT_CONFIRM: Screen = screen(
    "BRSK015",
    "利用者変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。変更した項目には「変更」の印が付いています。",
);
pub const USER_EDIT_DONE: Screen = screen(
    "BRSK021",
    "利用者変更結果",
    "利用者情報の変更が完了しました。変更した項目には「変更」の印が付いています。",
);
pub const USER_DELETE_CONFIRM: Screen = screen(
    "BRSK022",
    "利用者削除確認",
    "削除内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。削除した利用者の電子証明書は失効します。",
);
pub const USER_DELETE_DONE: Screen = screen(
    "BRSK023",
    "利用者削除結果",
    "利用者の削除が完了しました。削除結果をご確認ください。",
);
pub const CERTIFICATE_RENEWAL: Screen = screen(
    "BLGI005",
    "証明書更新選択",
    "電子証明書の有効期限が近づいています。証明書発行アプリをダウンロードしていない場合は「証明書発行アプリのダウンロード」、インストール済みの場合は「証明書発行アプリの起動」を押し、アプリより電子証明書を更新してください。更新せずに操作を続ける場合は「確認」を押してください。",
);
pub const CERTIFICATE_REFUSED: Screen = screen(
    "BLGI006",
    "電子証明書を確認できません",
    "ご利用の電子証明書ではログインできません。画面の案内に従って、電子証明書の再取得または管理者への再発行の依頼を行ってください。",
);
pub const CERT_REVOKE_LIST: Screen = screen(
    "BRSK018",
    "証明書失効 利用者一覧",
    "電子証明書を失効する利用者を選択し、「失効」ボタンを押してください。失効できる電子証明書がない利用者は選択できません。",
);
pub const CERT_REVOKE_CONFIRM: Screen = screen(
    "BRSK019",
    "証明書失効確認",
    "失効内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。英数字は大文字と小文字で区別しますのでご注意ください。",
);
pub const CERT_REVOKE_DONE: Screen = screen(
    "BRSK020",
    "証明書失効結果",
    "証明書の失効結果をご確認ください。ご自身の電子証明書を失効した場合は、すべてのブラウザを閉じてください。",
);
pub const NOT_FOUND: Screen = screen(
    "BERR001",
    "ページが見つかりません",
    "お探しのページは見つかりませんでした。URLをご確認いただくか、メニューからお進みください。",
);
pub const HELP: Screen = screen("BHLP001", "ヘルプ", "各画面の操作方法をご案内します。");

/// 手数料 (manual 001 "手数料情報の変更"): 変更 / 確認 / 結果 / 照会 of each table.
pub const FEES_PAYEE_TRANSFER_EDIT: Screen = screen(
    "BKGK011",
    "先方負担手数料[振込振替]変更",
    "「適用最低支払金額」「支払金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、支払金額範囲と適用最低支払金額は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYEE_TRANSFER_CONFIRM: Screen = screen(
    "BKGK012",
    "先方負担手数料[振込振替]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYEE_TRANSFER_DONE: Screen = screen(
    "BKGK013",
    "先方負担手数料[振込振替]変更結果",
    "先方負担手数料[振込振替]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYEE_TRANSFER_VIEW: Screen = screen(
    "BKGK014",
    "先方負担手数料[振込振替]照会",
    "振込振替業務で使用する先方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const FEES_PAYEE_BULK_EDIT: Screen = screen(
    "BKGK021",
    "先方負担手数料[総合振込]変更",
    "「適用最低支払金額」「支払金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。手数料計算方法を「据置型」「以上手数料加算型」「未満手数料加算型」のいずれかから選択してください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、支払金額範囲と適用最低支払金額は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYEE_BULK_CONFIRM: Screen = screen(
    "BKGK022",
    "先方負担手数料[総合振込]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYEE_BULK_DONE: Screen = screen(
    "BKGK023",
    "先方負担手数料[総合振込]変更結果",
    "先方負担手数料[総合振込]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYEE_BULK_VIEW: Screen = screen(
    "BKGK024",
    "先方負担手数料[総合振込]照会",
    "総合振込業務で使用する先方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const FEES_PAYER_BULK_EDIT: Screen = screen(
    "BKGK031",
    "当方負担手数料[総合振込]変更",
    "「振込金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、振込金額範囲は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYER_BULK_CONFIRM: Screen = screen(
    "BKGK032",
    "当方負担手数料[総合振込]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYER_BULK_DONE: Screen = screen(
    "BKGK033",
    "当方負担手数料[総合振込]変更結果",
    "当方負担手数料[総合振込]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYER_BULK_VIEW: Screen = screen(
    "BKGK034",
    "当方負担手数料[総合振込]照会",
    "総合振込業務で使用する当方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);

pub const COMPANY_TASKS: Screen = screen(
    "BKGK004",
    "作業内容選択",
    "企業管理で行う作業を選択してください。企業情報の照会・変更、手数料情報の照会・変更ができます。",
);
pub const COMPANY_VIEW: Screen = screen(
    "BKGK005",
    "企業情報照会",
    "登録されている企業情報、承認機能の利用有無、口座一日当たりの限度額、企業一日当たりの限度額を表示しています。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const COMPANY_EDIT: Screen = screen(
    "BKGK001",
    "企業情報変更",
    "「企業情報」「承認機能の利用有無」「口座一日当たりの限度額」「企業一日当たりの限度額」を入力し、「変更」ボタンを押してください。口座一日当たりの限度額は半角数字15桁以内、企業一日当たりの限度額は半角数字12桁以内で入力してください。ダブル承認を選択するには、その業務の承認権限を持つ利用者が2名以上必要です。",
);
pub const COMPANY_CONFIRM: Screen = screen(
    "BKGK002",
    "企業情報変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const COMPANY_DONE: Screen = screen(
    "BKGK003",
    "企業情報変更結果",
    "企業情報の変更が完了しました。変更結果をご確認ください。",
);
pub const HISTORY: Screen = screen(
    "BSRR001",
    "操作履歴照会",
    "ご自身またはほかの利用者が行った操作の履歴を照会できます。「操作履歴情報の検索」で期間（開始日・終了日）、利用者、業務、結果を指定し、「検索」ボタンを押してください。操作履歴は過去6か月分を照会でき、1回の検索で新しいものから3,000件まで、1ページに50件ずつ表示します。ほかの利用者の操作履歴は、全操作履歴照会の権限をお持ちの方のみ照会できます。一覧の「操作日時」ボタンを押すと、新しい順・古い順を切り替えられます。なお、マニュアルにはこの画面の画面IDの記載がないため、画面ID「BSRR001」は本システムで付番したものです。",
);

/// 利用者停止・解除 [BRSK016, BRSK017, BRSK024] and the additional authentications'
/// tasks [BRSK031–BRSK056]: list / 確認 / 結果 of each [`kanri_contract::user_status::StatusTask`].
pub const STATUS_SERVICE_LIST: Screen = screen(
    "BRSK016",
    "利用者停止・解除",
    "サービスを停止する利用者、または停止を解除する利用者を選択し、「停止」または「解除」ボタンを押してください。停止した利用者はログインできなくなり、ログイン中の場合は次の操作からご利用いただけなくなります。停止を解除すると、ログインパスワード・確認用パスワードのロックも解除されます。ご自身のサービスは停止できません。マスターユーザの状態は、マスターユーザのみ変更できます。選択できない利用者には、その理由が表示されています。",
);
pub const STATUS_SERVICE_CONFIRM: Screen = screen(
    "BRSK017",
    "利用者停止・解除確認",
    "対象の利用者と処理後のサービス状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。英字の大文字と小文字は区別されます。",
);
pub const STATUS_SERVICE_DONE: Screen = screen(
    "BRSK024",
    "利用者停止・解除結果",
    "利用者の停止または停止解除が完了しました。処理後のサービス状態をご確認ください。停止した利用者はログインできなくなります。",
);
pub const STATUS_OTP_UNLOCK_LIST: Screen = screen(
    "BRSK031",
    "ワンタイムパスワードの利用停止解除",
    "ワンタイムパスワードの利用停止状態を解除する利用者を選択し、「利用停止解除」ボタンを押してください。ワンタイムパスワード状態が「利用停止中」の利用者を選択できます。利用停止を解除した利用者は、再びワンタイムパスワードを利用できるようになります。",
);
pub const STATUS_OTP_UNLOCK_CONFIRM: Screen = screen(
    "BRSK032",
    "ワンタイムパスワードの利用停止解除確認",
    "対象の利用者と解除後のワンタイムパスワード状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_OTP_UNLOCK_DONE: Screen = screen(
    "BRSK033",
    "ワンタイムパスワードの利用停止解除結果",
    "ワンタイムパスワードの利用停止解除が完了しました。処理後のワンタイムパスワード状態をご確認ください。",
);
pub const STATUS_OTP_REVOKE_LIST: Screen = screen(
    "BRSK034",
    "ワンタイムパスワードのトークン失効",
    "ワンタイムパスワード用トークンを失効する利用者を選択し、「トークン失効」ボタンを押してください。トークンが登録されている利用者を選択できます。トークン失効を行うと、選択された利用者はワンタイムパスワードが利用できなくなります。トークンの利用開始登録は、次回ログイン時に実施可能です。",
);
pub const STATUS_OTP_REVOKE_CONFIRM: Screen = screen(
    "BRSK035",
    "ワンタイムパスワードのトークン失効確認",
    "対象の利用者と失効後のワンタイムパスワード状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_OTP_REVOKE_DONE: Screen = screen(
    "BRSK036",
    "ワンタイムパスワードのトークン失効結果",
    "ワンタイムパスワードのトークン失効が完了しました。トークンの利用開始登録は、次回ログイン時に実施可能です。",
);
pub const STATUS_TRANSACTION_UNLOCK_LIST: Screen = screen(
    "BRSK041",
    "トランザクション認証の利用停止解除",
    "トランザクション認証の利用停止状態を解除する利用者を選択し、「利用停止解除」ボタンを押してください。トランザクション認証状態が「利用停止中」の利用者を選択できます。利用停止を解除した利用者は、再びトランザクション認証を利用できるようになります。",
);
pub const STATUS_TRANSACTION_UNLOCK_CONFIRM: Screen = screen(
    "BRSK042",
    "トランザクション認証の利用停止解除確認",
    "対象の利用者と解除後のトランザクション認証状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_TRANSACTION_UNLOCK_DONE: Screen = screen(
    "BRSK043",
    "トランザクション認証の利用停止解除結果",
    "トランザクション認証の利用停止解除が完了しました。処理後のトランザクション認証状態をご確認ください。",
);
pub const STATUS_TRANSACTION_REVOKE_LIST: Screen = screen(
    "BRSK044",
    "トランザクション認証のトークン失効",
    "トランザクション認証用トークンを失効する利用者を選択し、「トークン失効」ボタンを押してください。トークンが登録されている利用者を選択できます。トークン失効を行うと、選択された利用者はトランザクション認証が利用できなくなります。トークンの利用開始登録は、次回ログイン時に実施可能です。",
);
pub const STATUS_TRANSACTION_REVOKE_CONFIRM: Screen = screen(
    "BRSK045",
    "トランザクション認証のトークン失効確認",
    "対象の利用者と失効後のトランザクション認証状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_TRANSACTION_REVOKE_DONE: Screen = screen(
    "BRSK046",
    "トランザクション認証のトークン失効結果",
    "トランザクション認証のトークン失効が完了しました。トークンの利用開始登録は、次回ログイン時に実施可能です。",
);
pub const STATUS_RISK_UNLOCK_LIST: Screen = screen(
    "BRSK051",
    "追加認証（リスクベース認証）の利用停止解除",
    "追加認証（リスクベース認証）の利用停止状態を解除する利用者を選択し、「利用停止解除」ボタンを押してください。追加認証状態が「利用停止中」の利用者を選択できます。利用停止を解除した利用者は、再び追加認証（リスクベース認証）を利用できるようになります。",
);
pub const STATUS_RISK_UNLOCK_CONFIRM: Screen = screen(
    "BRSK052",
    "追加認証（リスクベース認証）の利用停止解除確認",
    "対象の利用者と解除後の追加認証状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_RISK_UNLOCK_DONE: Screen = screen(
    "BRSK053",
    "追加認証（リスクベース認証）の利用停止解除結果",
    "追加認証（リスクベース認証）の利用停止解除が完了しました。処理後の追加認証状態をご確認ください。",
);
pub const STATUS_RISK_RESET_LIST: Screen = screen(
    "BRSK054",
    "追加認証（リスクベース認証）の回答リセット",
    "追加認証（リスクベース認証）で利用する回答をリセットする利用者を選択し、「回答リセット」ボタンを押してください。回答が登録されている利用者を選択できます。回答をリセットすると、選択された利用者は次回ログイン時に追加認証（リスクベース認証）の質問と回答を再登録します。",
);
pub const STATUS_RISK_RESET_CONFIRM: Screen = screen(
    "BRSK055",
    "追加認証（リスクベース認証）の回答リセット確認",
    "対象の利用者とリセット後の追加認証状態をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
);
pub const STATUS_RISK_RESET_DONE: Screen = screen(
    "BRSK056",
    "追加認証（リスクベース認証）の回答リセット結果",
    "追加認証（リスクベース認証）の回答リセットが完了しました。対象の利用者は、次回ログイン時に質問と回答を再登録します。",
);

/// Every screen, for the help page.
pub const ALL: &[Screen] = &[
    LOGIN,
    LOGGED_OUT,
    TIMED_OUT,
    HOME,
    BUSINESS_SELECT,
    USER_TASKS,
    PASSWORD_CHANGE,
    PASSWORD_CHANGED,
    USER_LIST,
    USER_NEW_BASICS,
    USER_NEW_RIGHTS,
    USER_NEW_ACCOUNTS,
    USER_NEW_CONFIRM,
    USER_NEW_DONE,
    USER_VIEW,
    USER_EDIT_BASICS,
    USER_EDIT_RIGHTS,
    USER_EDIT_ACCOUNTS,
    USER_EDIT_CONFIRM,
    USER_EDIT_DONE,
    USER_DELETE_CONFIRM,
    USER_DELETE_DONE,
    CERTIFICATE_RENEWAL,
    CERTIFICATE_REFUSED,
    CERT_REVOKE_LIST,
    CERT_REVOKE_CONFIRM,
    CERT_REVOKE_DONE,
    STATUS_SERVICE_LIST,
    STATUS_SERVICE_CONFIRM,
    STATUS_SERVICE_DONE,
    STATUS_OTP_UNLOCK_LIST,
    STATUS_OTP_UNLOCK_CONFIRM,
    STATUS_OTP_UNLOCK_DONE,
    STATUS_OTP_REVOKE_LIST,
    STATUS_OTP_REVOKE_CONFIRM,
    STATUS_OTP_REVOKE_DONE,
    STATUS_TRANSACTION_UNLOCK_LIST,
    STATUS_TRANSACTION_UNLOCK_CONFIRM,
    STATUS_TRANSACTION_UNLOCK_DONE,
    STATUS_TRANSACTION_REVOKE_LIST,
    STATUS_TRANSACTION_REVOKE_CONFIRM,
    STATUS_TRANSACTION_REVOKE_DONE,
    STATUS_RISK_UNLOCK_LIST,
    STATUS_RISK_UNLOCK_CONFIRM,
    STATUS_RISK_UNLOCK_DONE,
    STATUS_RISK_RESET_LIST,
    STATUS_RISK_RESET_CONFIRM,
    STATUS_RISK_RESET_DONE,
    COMPANY_TASKS,
    COMPANY_VIEW,
    COMPANY_EDIT,
    COMPANY_CONFIRM,
    COMPANY_DONE,
    HISTORY,
    NOT_FOUND,
    NOT_PERMITTED,
    FEES_PAYEE_TRANSFER_EDIT,
    FEES_PAYEE_TRANSFER_CONFIRM,
    FEES_PAYEE_TRANSFER_DONE,
    FEES_PAYEE_TRANSFER_VIEW,
    FEES_PAYEE_BULK_EDIT,
    FEES_PAYEE_BULK_CONFIRM,
    FEES_PAYEE_BULK_DONE,
    FEES_PAYEE_BULK_VIEW,
    FEES_PAYER_BULK_EDIT,
    FEES_PAYER_BULK_CONFIRM,
    FEES_PAYER_BULK_DONE,
    FEES_PAYER_BULK_VIEW,
    HELP,
];

/// The screen with this ID.
pub fn by_id(id: &str) -> Option<Screen> {
    ALL.iter().copied().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_follow_the_pattern() {
        let mut ids: Vec<_> = ALL.iter().map(|s| s.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for s in ALL {
            assert!(
                s.id.len() == 7
                    && s.id[..4].chars().all(|c| c.is_ascii_uppercase())
                    && s.id[4..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                s.id
            );
        }
        assert_eq!(by_id("BSSK001"), Some(BUSINESS_SELECT));
        assert_eq!(by_id("XXXX999"), None);
    }
}
