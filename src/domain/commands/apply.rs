//! [`apply`]: the one way a product's state changes. Each arm hands the command to its
//! handler; the handlers of one connection's action return the journal's event with
//! their outcome, and [`journaled`] writes it, so that no arm returns early.

use super::connection::{disconnect, get, launch, reconnect, update_settings};
use super::{batch, people, requests, review, suspend, update};
use super::{Command, Env, Outcome};
use crate::domain::data::demo;
use crate::domain::health::clock;
use crate::domain::journal::{record, Event};
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// Applies one command. On `Err`, `state` is exactly as it was.
///
/// Who journals what: an action on one connection writes one entry, here; a batch's
/// commands each go through `apply` again; a request's steps and a person's changes
/// journal themselves (their command names a request or a person, not a connection, and
/// a person's removal writes one entry more per connection they managed); a review's
/// start, end and each decision applied journal themselves too; the reset, Lancer, the
/// demo's clock, acknowledging requests and a review's decision taken write none.
pub fn apply(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    command: &Command,
) -> Result<Outcome, DomainError> {
    // The dates an action writes are the demo's. A batch's commands each go through
    // `apply`, which reads the demo's clock: they take the real time.
    let demo = &Env {
        now: clock::now(state, env.now),
        ..*env
    };
    match command {
        Command::Reset => {
            *state = demo::state(state.product, env.catalogue, env.now);
            Ok(Outcome::Reset)
        }
        Command::Batch(commands) => batch::apply_all(state, env, actor, commands),
        Command::GetWithSettings {
            app,
            company,
            values,
        } => batch::get_with_settings(state, env, actor, (app, company), values),
        Command::AdvanceClock { days } => clock::advance(state, *days).map(|()| {
            let now = clock::now(state, env.now);
            Outcome::ClockAdvanced { days: *days, now }
        }),
        Command::Launch { app, company } => launch(state, demo, actor, (app, company)),
        Command::Request {
            app,
            company,
            message,
        } => requests::create(state, demo, actor, (app, company), message),
        Command::ApproveRequest { id } => requests::approve(state, env, actor, *id),
        Command::DeclineRequest { id, reason } => {
            requests::decline(state, demo, actor, *id, reason)
        }
        Command::WithdrawRequest { id } => requests::withdraw(state, demo, actor, *id),
        Command::AcknowledgeRequests => Ok(requests::acknowledge(state, actor)),
        Command::AddUser(form) => people::add(state, demo, actor, form),
        Command::ChangeUser { id, form, to } => {
            people::change(state, demo, actor, (id, to.as_ref()), form)
        }
        Command::RemoveUser { id, to } => people::remove(state, demo, actor, id, to.as_ref()),
        Command::HandPrimary { to } => people::hand_primary(state, demo, actor, to),
        Command::StartReview => review::start(state, demo, actor),
        Command::DecideReview {
            app,
            company,
            decision,
        } => review::decide(state, demo, actor, (app, company), *decision),
        Command::AbandonReview => review::abandon(state, demo, actor),
        Command::ApplyReview => review::apply_decisions(state, env, actor),
        Command::Suspend { app, company } => {
            let done = suspend::set(state, demo, actor, (app, company), true);
            journaled(state, demo, actor, (app, company), done)
        }
        Command::Reactivate { app, company } => {
            let done = suspend::set(state, demo, actor, (app, company), false);
            journaled(state, demo, actor, (app, company), done)
        }
        Command::Get { app, company } => {
            let done = get(state, demo, actor, app, company);
            journaled(state, demo, actor, (app, company), done)
        }
        Command::UpdateSettings {
            app,
            company,
            values,
        } => {
            let done = update_settings(state, demo, actor, (app, company), values);
            journaled(state, demo, actor, (app, company), done)
        }
        Command::Disconnect {
            app,
            company,
            answers,
        } => {
            let done = disconnect(state, demo, actor, (app, company), answers);
            journaled(state, demo, actor, (app, company), done)
        }
        Command::Reconnect { app, company } => {
            let done = reconnect(state, demo, actor, (app, company));
            journaled(state, demo, actor, (app, company), done)
        }
        Command::PublishUpdate { app } => {
            let (outcome, event, home) = update::publish(state, demo, actor, app)?;
            record(state, demo.now, actor, (app, &home), event);
            Ok(outcome)
        }
        Command::ApproveUpdate { app, company } | Command::RefuseUpdate { app, company } => {
            let approve = matches!(command, Command::ApproveUpdate { .. });
            let done = update::decide(state, demo, actor, (app, company), approve);
            journaled(state, demo, actor, (app, company), done)
        }
    }
}

/// Writes the journal's entry of an action on one connection that succeeded.
fn journaled(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    target: (&AppId, &CompanyId),
    done: Result<(Outcome, Event), DomainError>,
) -> Result<Outcome, DomainError> {
    let (outcome, event) = done?;
    record(state, env.now, actor, target, event);
    Ok(outcome)
}
