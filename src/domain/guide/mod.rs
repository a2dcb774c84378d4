//! Guided walkthroughs of the help article's five procedures, as data: each step says
//! what to do in the product's own words, which control to use (by role and accessible
//! name, as users and tests find it), and what completes it — a page shown, a dialog
//! opened, the questionnaire answered, a journal entry. A run advances on what the user
//! does (it never acts for them), and meets a wrong turn with a hint.

use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::product::{GetKind, Section};
use crate::domain::catalogue::Catalogue;
use crate::domain::commands::{plan_get, Env, GetPlan};
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::journal::EventKind;
use crate::domain::model::{AppId, CompanyId, CompanyKind, Product, ProductState, UserId};

/// The article's five procedures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GuideId {
    TransferQuickBooks,
    TransferExpert,
    DisconnectQuickBooks,
    DisconnectFirm,
    DisconnectClient,
}

impl GuideId {
    pub const ALL: [GuideId; 5] = [
        GuideId::TransferQuickBooks,
        GuideId::TransferExpert,
        GuideId::DisconnectQuickBooks,
        GuideId::DisconnectFirm,
        GuideId::DisconnectClient,
    ];

    /// The procedure's title, as the article's headings give it (also in the name of
    /// its Commencer button: set as written).
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            GuideId::TransferQuickBooks => lang.guide_title_transfer_qb(),
            GuideId::TransferExpert => lang.guide_title_transfer_ec(),
            GuideId::DisconnectQuickBooks => lang.guide_title_disconnect_qb(),
            GuideId::DisconnectFirm => lang.guide_title_disconnect_firm(),
            GuideId::DisconnectClient => lang.guide_title_disconnect_client(),
        }
    }

    /// What the procedure is for, in a sentence.
    pub fn summary(self, lang: Lang) -> &'static str {
        match self {
            GuideId::TransferQuickBooks | GuideId::TransferExpert => lang.guide_summary_transfer(),
            GuideId::DisconnectQuickBooks => lang.guide_summary_disconnect_qb(),
            GuideId::DisconnectFirm => lang.guide_summary_disconnect_firm(),
            GuideId::DisconnectClient => lang.guide_summary_disconnect_client(),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            GuideId::TransferQuickBooks => "transferer-quickbooks",
            GuideId::TransferExpert => "transferer-expert-comptable",
            GuideId::DisconnectQuickBooks => "deconnecter-quickbooks",
            GuideId::DisconnectFirm => "deconnecter-cabinet",
            GuideId::DisconnectClient => "deconnecter-client",
        }
    }

    pub fn from_slug(slug: &str) -> Option<GuideId> {
        GuideId::ALL.into_iter().find(|g| g.slug() == slug)
    }

    /// The product the procedure is done in.
    pub fn product(self) -> Product {
        match self {
            GuideId::TransferQuickBooks | GuideId::DisconnectQuickBooks => Product::QuickBooks,
            _ => Product::ExpertComptable,
        }
    }

    /// Whether the procedure takes a connection over (else it disconnects one).
    pub fn is_transfer(self) -> bool {
        matches!(self, GuideId::TransferQuickBooks | GuideId::TransferExpert)
    }

    /// Where the procedure starts looking for the app: the list it disconnects from.
    fn list(self) -> Section {
        match self {
            GuideId::DisconnectQuickBooks => Section::Overview,
            GuideId::DisconnectFirm => Section::FirmApps,
            GuideId::DisconnectClient => Section::ClientApps,
            _ => Section::Search,
        }
    }

    /// The procedure's steps.
    pub fn steps(self) -> Vec<Step> {
        if self.is_transfer() {
            transfer_steps(self.product().get_kind())
        } else {
            disconnect_steps(self.list())
        }
    }
}

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

fn transfer_steps(kind: GetKind) -> Vec<Step> {
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

fn disconnect_steps(list: Section) -> Vec<Step> {
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

/// A guide under way: which step, for which connection, and what to tell the user. It
/// keeps its procedure's steps, taken once when it starts: the step tables are then
/// needed only where a guide is started (the Guides page, kept out of the first load),
/// not by the panel that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub guide: GuideId,
    pub app: AppId,
    pub company: CompanyId,
    steps: Vec<Step>,
    /// The current step (0-based); the number of steps once done.
    pub step: usize,
    /// A hint after a wrong turn, until the next step.
    pub hint: Option<Hint>,
    /// The company chosen as the target in the get dialog now open, if any.
    target: Option<CompanyId>,
}

impl Run {
    pub fn new(guide: GuideId, app: AppId, company: CompanyId) -> Run {
        Run {
            guide,
            app,
            company,
            steps: guide.steps(),
            step: 0,
            hint: None,
            target: None,
        }
    }

    pub fn total(&self) -> usize {
        self.steps.len()
    }

    pub fn finished(&self) -> bool {
        self.step >= self.total()
    }

    /// The current step, unless done.
    pub fn current(&self) -> Option<Step> {
        self.steps.get(self.step).copied()
    }

    /// The control the current step points at now, given the target chosen in the get
    /// dialog (see [`Step::points_at`]).
    pub fn control(&self) -> Option<Control> {
        let step = self.current()?;
        Some(step.points_at(
            self.target.as_ref(),
            &self.company,
            self.guide.product().get_kind(),
        ))
    }

    /// The current step's text for this connection.
    pub fn text(&self, app_name: &str, company_name: &str, lang: Lang) -> Option<String> {
        self.current()
            .map(|s| s.text.text(app_name, company_name, lang))
    }

    /// Takes what the user did into account: the next step when it completes the current
    /// one (or a later one: the user went ahead), a hint after a wrong turn.
    pub fn observe(&mut self, seen: &Seen) {
        if self.finished() {
            return;
        }
        match seen {
            Seen::Target(company) => {
                self.target = Some(company.clone());
                return;
            }
            // A get dialog opens with nothing chosen yet.
            Seen::Opened(Dialog::Get, _) | Seen::Closed(Dialog::Get) => self.target = None,
            _ => {}
        }
        // A copy (a few steps): `wrong_turn` may move the run back a step.
        let steps = self.steps.clone();
        if let Some(i) = (self.step..steps.len()).find(|&i| self.completes(steps[i].done, seen)) {
            self.step = i + 1;
            self.hint = None;
            return;
        }
        let hint = self.wrong_turn(&steps, seen);
        if hint.is_some() {
            self.hint = hint;
        }
    }

    fn completes(&self, trigger: Trigger, seen: &Seen) -> bool {
        let product = self.guide.product();
        match (trigger, seen) {
            (Trigger::Section(s), Seen::Page(Page::Section(p, shown))) => {
                *p == product && *shown == s
            }
            (Trigger::AppPage, Seen::Page(Page::App(p, app))) => *p == product && *app == self.app,
            (Trigger::Settings, Seen::Page(Page::Settings(p, app, company))) => {
                *p == product && *app == self.app && *company == self.company
            }
            (Trigger::Menu, Seen::Menu(app)) => *app == self.app,
            (Trigger::Details, Seen::Details(app, company)) => {
                *app == self.app && *company == self.company
            }
            (Trigger::Opened(d), Seen::Opened(opened, app)) => *opened == d && *app == self.app,
            (Trigger::Answered, Seen::Answered) => true,
            (Trigger::Journal(kind), Seen::Journal(k, app, company)) => {
                *k == kind && *app == self.app && *company == self.company
            }
            _ => false,
        }
    }

    /// A hint when what the user did leads away from the procedure. A dialog closed
    /// before its steps were done takes the run back to the step that opens it.
    fn wrong_turn(&mut self, steps: &[Step], seen: &Seen) -> Option<Hint> {
        let step = steps.get(self.step)?;
        match seen {
            Seen::Closed(d) => {
                let opens = steps.iter().position(|s| s.done == Trigger::Opened(*d))?;
                let inside = opens < self.step && step.done != Trigger::Settings;
                inside.then(|| {
                    self.step = opens;
                    Hint::Closed
                })
            }
            Seen::Page(Page::Section(_, s)) if Some(*s) != self.expected_section(steps) => {
                Some(Hint::WrongPage)
            }
            Seen::Journal(kind, app, _) if *app != self.app || !self.expects(steps, *kind) => {
                Some(Hint::WrongApp)
            }
            _ => None,
        }
    }

    /// The section the current step is done in, where one is.
    fn expected_section(&self, steps: &[Step]) -> Option<Section> {
        steps[..=self.step.min(steps.len() - 1)]
            .iter()
            .rev()
            .find_map(|s| match s.done {
                Trigger::Section(sec) => Some(sec),
                _ => None,
            })
    }

    fn expects(&self, steps: &[Step], kind: EventKind) -> bool {
        steps[self.step..]
            .iter()
            .any(|s| s.done == Trigger::Journal(kind))
    }
}

/// What a guide chose to work on in the current data: who acts, and which connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub actor: UserId,
    pub app: AppId,
    pub company: CompanyId,
    /// Who manages it now, for a transfer.
    pub from: Option<UserId>,
}

/// Chooses, in `state` (the guide's product's), a situation where the procedure makes
/// sense: `actor` when their role fits (else the primary admin), and a connection they
/// may act on — for a transfer, one managed by someone else that they may take over.
/// `None` when the data has no such connection (the demo data has).
pub fn prepare(
    guide: GuideId,
    state: &ProductState,
    env: &Env,
    actor: &UserId,
) -> Option<Prepared> {
    let action = if guide.is_transfer() {
        Action::TakeOver
    } else {
        Action::Disconnect
    };
    let fits = |u: &UserId| {
        state
            .user(u)
            .is_some_and(|u| permissions::role_allows(state.product, u.role, action))
    };
    let actor = if fits(actor) {
        actor.clone()
    } else {
        state.primary_admin()?.id.clone()
    };
    let wanted = match guide {
        GuideId::DisconnectQuickBooks => Some(CompanyKind::Business),
        GuideId::DisconnectFirm => Some(CompanyKind::Firm),
        GuideId::DisconnectClient => Some(CompanyKind::Client),
        _ => None,
    };
    let conn = state.connections.iter().find(|c| {
        let company = state.company(&c.company);
        let in_list = wanted.is_none_or(|k| company.is_some_and(|co| co.kind == k));
        in_list
            && if guide.is_transfer() {
                matches!(
                    plan_get(state, env, &actor, &c.app, &c.company),
                    Ok(GetPlan::TakeOver { .. })
                )
            } else {
                env.catalogue.app(&c.app).is_some()
                    && permissions::check_ids(state, &actor, Action::Disconnect, &c.company).is_ok()
            }
    })?;
    Some(Prepared {
        from: guide.is_transfer().then(|| conn.manager.clone()),
        actor,
        app: conn.app.clone(),
        company: conn.company.clone(),
    })
}

impl Prepared {
    /// What the guide chose, said to the user.
    pub fn said(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        let who = state
            .user(&self.actor)
            .map(|u| {
                lang.guide_said_who(args::GuideSaidWho {
                    name: &u.name,
                    role: &u.role.label(u.gender, lang),
                })
            })
            .unwrap_or_default();
        let app = catalogue.app_name(&self.app);
        let company = state.company_name(&self.company);
        match &self.from {
            Some(from) => lang.guide_said_transfer(args::GuideSaidTransfer {
                app: &app,
                company: &company,
                from: &state.user_name(from),
                who: &who,
            }),
            None => lang.guide_said_disconnect(args::GuideSaidDisconnect {
                app: &app,
                company: &company,
                who: &who,
            }),
        }
    }
}
