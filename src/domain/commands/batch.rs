//! Several commands at once — a handover (taking over every connection a colleague
//! manages), a bulk install, a bulk disconnection — with the rules of one command each:
//! each is checked and journaled as if alone, in order, a refusal never blocks the others,
//! and the caller saves the whole once. A batch where every command is refused changes
//! nothing and is refused, with each command's reason.

use std::collections::BTreeMap;

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::{apply, plan_get, Command, Env, GetPlan, Outcome};
use crate::domain::forms::settings::{self, SettingValue};
use crate::domain::i18n::Lang;
use crate::domain::model::error::{DomainError, Refused};
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// The most commands one batch takes: a firm's every client, with room to spare.
pub const MAX_BATCH: usize = 2_000;

/// What one command of a batch did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchItem {
    pub app: AppId,
    pub company: CompanyId,
    pub result: Result<Outcome, DomainError>,
}

impl From<Refused> for BatchItem {
    fn from(r: Refused) -> Self {
        BatchItem {
            app: r.app,
            company: r.company,
            result: Err(r.error),
        }
    }
}

impl BatchItem {
    pub fn succeeded(&self) -> bool {
        self.result.is_ok()
    }
}

/// Applies each command in turn (see the module's contract).
pub(crate) fn apply_all(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    commands: &[Command],
) -> Result<Outcome, DomainError> {
    if commands.is_empty() || commands.len() > MAX_BATCH {
        return Err(DomainError::BatchSize {
            len: commands.len(),
            max: MAX_BATCH,
        });
    }
    // A reset or a batch inside a batch would not be one target's action.
    let mut targets = Vec::with_capacity(commands.len());
    for command in commands {
        let (app, company) = command.target().ok_or(DomainError::NotInBatch)?;
        targets.push((app.clone(), company.clone()));
    }
    let items: Vec<BatchItem> = commands
        .iter()
        .zip(targets)
        .map(|(command, (app, company))| BatchItem {
            app,
            company,
            result: apply(state, env, actor, command),
        })
        .collect();
    if items.iter().any(BatchItem::succeeded) {
        return Ok(Outcome::Batch(items));
    }
    let refused = items
        .into_iter()
        .filter_map(|i| {
            let (app, company) = (i.app, i.company);
            i.result.err().map(|error| Refused {
                app,
                company,
                error,
            })
        })
        .collect();
    Err(DomainError::NoneDone(refused))
}

/// A new connection with these settings: refused where the app is already there (taking
/// it over is another action), and with invalid settings; otherwise journaled as the
/// connection, then (when they differ from the defaults) the settings change.
pub(crate) fn get_with_settings(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    values: &BTreeMap<String, SettingValue>,
) -> Result<Outcome, DomainError> {
    match plan_get(state, env, actor, app, company) {
        Ok(GetPlan::New { .. }) => {}
        Ok(GetPlan::TakeOver { .. }) | Err(DomainError::AlreadyManaged { .. }) => {
            return Err(DomainError::AlreadyThere {
                app: env.catalogue.app_name(app).to_string(),
                company: state.company_name(company).to_string(),
                kind: state.product.get_kind(),
            })
        }
        Err(e) => return Err(e),
    }
    // A new connection is at the version published.
    let version = state.version_for_new(app);
    let defs = env
        .catalogue
        .app(app)
        .map(|d| d.settings_at(version))
        .unwrap_or_default();
    settings::validate_input(&defs, values).map_err(DomainError::InvalidSettings)?;
    permissions::check_ids(state, actor, Action::ChangeSettings, company)?;
    let get = Command::Get {
        app: app.clone(),
        company: company.clone(),
    };
    let outcome = apply(state, env, actor, &get)?;
    let update = Command::UpdateSettings {
        app: app.clone(),
        company: company.clone(),
        values: values.clone(),
    };
    match apply(state, env, actor, &update) {
        Ok(_) | Err(DomainError::NoChange) => Ok(outcome),
        // Not reachable after the checks above; undone all the same, so that a refusal
        // changes nothing.
        Err(e) => {
            state
                .connections
                .retain(|c| !(&c.app == app && &c.company == company));
            state.journal.pop();
            Err(e)
        }
    }
}

/// "2 actions faites sur 3 ; 1 refusée."
pub fn summary(items: &[BatchItem], lang: Lang) -> String {
    let done = items.iter().filter(|i| i.succeeded()).count();
    let refused = items.len() - done;
    let total = items.len();
    let mut text = lang.batch_done(done, total);
    if refused > 0 {
        text.push_str(&lang.batch_refused(refused));
    }
    text.push_str(lang.batch_end());
    text
}
