//! A guide's steps: the control each points at, what must be seen for it to be done,
//! and the article's wording, for each guide of the help article.

use crate::domain::catalogue::product::{GetKind, Section};
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::journal::EventKind;
use crate::domain::model::{AppId, CompanyId, Product};

/// A control a step points at, found as users and tests find it: by role and name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Control {
    /// A section link of Mes apps.
    SectionLink(Section),
    /// The search box of Rechercher des applis.
    SearchBox,
    /// A search result, the link named after the app.
    AppLink,
    /// "Obtenir l'appli".
    GetApp,
    /// The "Installer pour" radio of the company.
    Target,
    /// The dialog's "Connecter" or "Installer".
    Confirm(GetKind),
    /// The app's name in Applis clientes, which shows its row's details.
    RowName,
    /// The ▼ beside Lancer, "Plus d'actions pour APP".
    MoreActions,
    /// The ▼ menu's "Déconnectez-vous".
    DisconnectItem,
    /// The questionnaire's reasons, "Pourquoi déconnectez-vous APP ?".
    Reasons,
    /// The dialog's "Déconnecter".
    DisconnectButton,
    /// The settings view's "Utilisateur associé" line.
    AssociatedUser,
}

impl Control {
    /// The control's ARIA role.
    pub fn role(self) -> &'static str {
        match self {
            Control::SectionLink(_) | Control::AppLink => "link",
            Control::SearchBox => "searchbox",
            Control::GetApp
            | Control::Confirm(_)
            | Control::RowName
            | Control::MoreActions
            | Control::DisconnectButton => "button",
            Control::Target => "radio",
            Control::DisconnectItem => "menuitem",
            Control::Reasons => "group",
            Control::AssociatedUser => "region",
        }
    }

    /// The control's accessible name, for this app and company.
    pub fn name(self, app: &str, company: &str, lang: Lang) -> String {
        match self {
            Control::SectionLink(s) => s.label(lang).to_string(),
            Control::SearchBox => lang.guide_control_search_box().to_string(),
            Control::AppLink | Control::RowName => app.to_string(),
            Control::GetApp => lang.guide_control_get_app().to_string(),
            Control::Target => company.to_string(),
            Control::Confirm(kind) => kind.verb(lang).to_string(),
            Control::MoreActions => lang.guide_control_more_actions(app),
            Control::DisconnectItem => lang.guide_control_disconnect_item().to_string(),
            Control::Reasons => lang.guide_control_reasons(app),
            Control::DisconnectButton => lang.guide_control_disconnect_button().to_string(),
            Control::AssociatedUser => lang.guide_control_associated_user().to_string(),
        }
    }

    /// How a step names it to the user: "le lien « Aperçu »".
    pub fn described(self, app: &str, company: &str, lang: Lang) -> String {
        let name = self.name(app, company, lang);
        match self.role() {
            "link" => lang.guide_described_link(name),
            "searchbox" => lang.guide_described_searchbox(name),
            "button" => lang.guide_described_button(name),
            "radio" => lang.guide_described_radio(name),
            "menuitem" => lang.guide_described_menuitem(name),
            "group" => lang.guide_described_group(name),
            _ => lang.guide_described_other(name),
        }
    }
}

/// A page of the app, as a guide sees where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Section(Product, Section),
    App(Product, AppId),
    Settings(Product, AppId, CompanyId),
    Other,
}

/// A dialog a step opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Get,
    Disconnect,
}

/// What the user did, as the app tells a running guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    Page(Page),
    /// A dialog opened for an app (the get or the disconnection dialog).
    Opened(Dialog, AppId),
    /// That dialog closed.
    Closed(Dialog),
    /// A menu opened: the ▼ of an app's row.
    Menu(AppId),
    /// A row's details shown in Applis clientes.
    Details(AppId, CompanyId),
    /// A company chosen as the get dialog's target ("Installer pour").
    Target(CompanyId),
    /// The questionnaire holds a valid answer.
    Answered,
    /// A journal entry was written.
    Journal(EventKind, AppId, CompanyId),
}

/// What completes a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The section shown.
    Section(Section),
    /// The guide's app's page shown.
    AppPage,
    /// The guide's app's ▼ menu opened.
    Menu,
    /// The guide's app's row details shown (at its company).
    Details,
    /// That dialog opened for the guide's app.
    Opened(Dialog),
    Answered,
    /// A journal entry of that kind for the guide's app and company.
    Journal(EventKind),
    /// The guide's connection's settings shown.
    Settings,
}

/// What a step tells the user to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepText {
    OpenSearch,
    FindApp,
    SelectGet,
    ConfirmConnect,
    ConfirmInstall,
    AdjustSettings,
    OpenOverview,
    OpenFirmApps,
    OpenClientApps,
    SelectRow,
    OpenMenu,
    SelectDisconnect,
    Answer,
    ClickDisconnect,
}

impl StepText {
    /// The step's sentence for the guide's app and company, in `lang`.
    pub fn text(self, app: &str, company: &str, lang: Lang) -> String {
        match self {
            StepText::OpenSearch => lang.guide_step_open_search().into(),
            StepText::FindApp => lang.guide_step_find_app(app),
            StepText::SelectGet => lang.guide_step_select_get().into(),
            StepText::ConfirmConnect => lang.guide_step_confirm_connect(app),
            StepText::ConfirmInstall => lang.guide_step_confirm_install(company),
            StepText::AdjustSettings => lang.guide_step_adjust_settings().into(),
            StepText::OpenOverview => lang.guide_step_open_overview(app),
            StepText::OpenFirmApps => lang.guide_step_open_firm_apps(app),
            StepText::OpenClientApps => lang.guide_step_open_client_apps().into(),
            StepText::SelectRow => lang.guide_step_select_row(args::GuideStepSelectRow {
                app: &app,
                company: &company,
            }),
            StepText::OpenMenu => lang.guide_step_open_menu(app),
            StepText::SelectDisconnect => lang.guide_step_select_disconnect().into(),
            StepText::Answer => lang.guide_step_answer(app),
            StepText::ClickDisconnect => {
                lang.guide_step_click_disconnect(args::GuideStepClickDisconnect {
                    app: &app,
                    company: &company,
                })
            }
        }
    }
}

/// A wrong turn, as the guide points it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// A dialog closed before its steps were done.
    Closed,
    WrongPage,
    WrongApp,
}

impl Hint {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Hint::Closed => lang.guide_hint_closed(),
            Hint::WrongPage => lang.guide_hint_wrong_page(),
            Hint::WrongApp => lang.guide_hint_wrong_app(),
        }
    }
}

/// One step of a guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// What to do, for the guide's connection.
    pub text: StepText,
    pub control: Control,
    /// The control to use first while `control` is not shown yet (the search box, before
    /// the app's result appears).
    pub before: Option<Control>,
    pub done: Trigger,
}

impl Step {
    /// The control the step points at: a step with two actions points at the second
    /// once the first is done. Choosing the guide's `company` as the target ("Installer
    /// pour") is followed by the dialog's button of `kind` ("Installer"); another company
    /// chosen leaves the radio to choose.
    pub fn points_at(
        self,
        chosen: Option<&CompanyId>,
        company: &CompanyId,
        kind: GetKind,
    ) -> Control {
        match self.control {
            Control::Target if chosen == Some(company) => Control::Confirm(kind),
            control => control,
        }
    }
}

pub(super) fn transfer_steps(kind: GetKind) -> Vec<Step> {
    let mut steps = vec![
        Step {
            text: StepText::OpenSearch,
            control: Control::SectionLink(Section::Search),
            before: None,
            done: Trigger::Section(Section::Search),
        },
        Step {
            text: StepText::FindApp,
            control: Control::AppLink,
            before: Some(Control::SearchBox),
            done: Trigger::AppPage,
        },
        Step {
            text: StepText::SelectGet,
            control: Control::GetApp,
            before: None,
            done: Trigger::Opened(Dialog::Get),
        },
    ];
    let confirm = match kind {
        GetKind::Connect => StepText::ConfirmConnect,
        GetKind::Install => StepText::ConfirmInstall,
    };
    steps.push(Step {
        text: confirm,
        control: if kind.chooses_target() {
            Control::Target
        } else {
            Control::Confirm(kind)
        },
        before: None,
        done: Trigger::Journal(EventKind::Transfer),
    });
    steps.push(Step {
        text: StepText::AdjustSettings,
        control: Control::AssociatedUser,
        before: None,
        done: Trigger::Settings,
    });
    steps
}

pub(super) fn disconnect_steps(list: Section) -> Vec<Step> {
    let mut steps = vec![Step {
        text: match list {
            Section::Overview => StepText::OpenOverview,
            Section::FirmApps => StepText::OpenFirmApps,
            _ => StepText::OpenClientApps,
        },
        control: Control::SectionLink(list),
        before: None,
        done: Trigger::Section(list),
    }];
    if list == Section::ClientApps {
        steps.push(Step {
            text: StepText::SelectRow,
            control: Control::RowName,
            before: None,
            done: Trigger::Details,
        });
    }
    steps.extend([
        Step {
            text: StepText::OpenMenu,
            control: Control::MoreActions,
            before: None,
            done: Trigger::Menu,
        },
        Step {
            text: StepText::SelectDisconnect,
            control: Control::DisconnectItem,
            before: None,
            done: Trigger::Opened(Dialog::Disconnect),
        },
        Step {
            text: StepText::Answer,
            control: Control::Reasons,
            before: None,
            done: Trigger::Answered,
        },
        Step {
            text: StepText::ClickDisconnect,
            control: Control::DisconnectButton,
            before: None,
            done: Trigger::Journal(EventKind::Disconnection),
        },
    ]);
    steps
}
