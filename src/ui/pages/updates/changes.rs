//! The region "Ce qui change": what the app reads now and what it would read after,
//! the new items marked in words, and the settings the new version adds with their
//! default.

use leptos::prelude::*;

use crate::domain::catalogue::AppDef;
use crate::domain::i18n::args;
use crate::ui::state::session::use_lang;
use crate::ui::web::{dom, format};

/// The region, named "Ce qui change" and then the update's heading (`of`), so that each
/// update's region has a name of its own.
#[component]
pub fn WhatChanges(def: AppDef, from: u32, to: u32, of: String) -> impl IntoView {
    let lang = use_lang();
    let data = format::data_lang(lang);
    let id = dom::unique_id("ma-changes");
    let now = def.reads_at(from);
    let after: Vec<(String, bool)> = def
        .reads_from(from, to)
        .into_iter()
        .map(|r| (r.data.to_string(), r.new))
        .collect();
    let settings: Vec<String> = def
        .settings_added(from, to)
        .into_iter()
        .map(|s| {
            let default = s.default_value().display(Some(s), lang);
            lang.updates_new_setting(args::UpdatesNewSetting {
                label: &s.label,
                default: &default,
            })
        })
        .collect();
    view! {
        <section class="ma-card ma-update__changes" aria-labelledby=format!("{id} {of}")>
            <h4 id=id.clone()>{lang.updates_control_changes()}</h4>
            <div class="ma-update__columns">
                <div>
                    <p class="ma-update__list-title">{lang.updates_reads_at(from)}</p>
                    <ul lang=data>{now.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <p class="ma-update__list-title">{lang.updates_reads_at(to)}</p>
                    <ul>
                        {after.into_iter().map(|(d, new)| view! {
                            <li class:ma-update__new=new>
                                <span lang=data>{d}</span>
                                {new.then(|| view! { " " <strong>{lang.updates_new_marker()}</strong> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
            <p class="ma-update__list-title">{lang.updates_new_settings()}</p>
            {if settings.is_empty() {
                view! { <p>{lang.updates_no_new_setting()}</p> }.into_any()
            } else {
                view! { <ul>{settings.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}
