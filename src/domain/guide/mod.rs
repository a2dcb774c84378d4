//! Guided walkthroughs of the help article's five procedures, as data: each step says
//! what to do in the product's own words, which control to use (by role and accessible
//! name, as users and tests find it), and what completes it — a page shown, a dialog
//! opened, the questionnaire answered, a journal entry. A run advances on what the user
//! does (it never acts for them), and meets a wrong turn with a hint.

use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::product::Section;
use crate::domain::catalogue::Catalogue;
use crate::domain::commands::{plan_get, Env, GetPlan};
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::journal::EventKind;
use crate::domain::model::{AppId, CompanyId, CompanyKind, Product, ProductState, UserId};

mod steps;

use steps::{disconnect_steps, transfer_steps};
pub use steps::{Control, Dialog, Hint, Page, Seen, Step, StepText, Trigger};

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
        from: guide.is_transfer().then(|| conn.manager.clone()).flatten(),
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
