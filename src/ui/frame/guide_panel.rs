//! The guide panel, a complementary landmark named "Guide" shown while a guide is under
//! way: "Étape N sur M", what to do, which control to use (outlined on the page and
//! described for screen readers), a hint after a wrong turn, "Terminé" with what the
//! procedure did, and "Quitter le guide" at any time. It listens to the journal for the
//! guide's entries; pages, dialogs and menus report themselves.

use leptos::prelude::*;

use crate::domain::guide::{Control, Run, Seen};
use crate::domain::i18n::Lang;

use crate::domain::i18n::args;
use crate::domain::model::ProductState;
use crate::ui::state::guide::{use_guide, GuideRun};
use crate::ui::state::products::{use_products, Products};
use crate::ui::state::session::use_lang;
use crate::ui::web::dom;

/// The id of the step's text, which the outlined control is described by.
const STEP_ID: &str = "ma-guide-etape";
/// The outline's class.
const TARGET: &str = "ma-guide-target";

#[component]
pub fn GuidePanel() -> impl IntoView {
    let guide = use_guide();
    watch_journal();
    outline_target();
    move || {
        let run = guide.run()?;
        Some(view! { <Panel run=run/> })
    }
}

#[component]
fn Panel(run: Run) -> impl IntoView {
    let guide = use_guide();
    let products = use_products();
    let lang = use_lang();
    let product = run.guide.product();
    let (app, company) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            (
                cat.app_name(&run.app).to_string(),
                s.company_name(&run.company).to_string(),
            )
        })
    });
    let body = match run.current() {
        Some(step) => {
            let text = run.text(&app, &company, lang).unwrap_or_default();
            // What the step points at now: its second action once the first is done.
            let target = run.control().unwrap_or(step.control);
            let control = match step.before {
                Some(before) => lang.frame_guide_then(args::FrameGuideThen {
                    before: &before.described(&app, &company, lang),
                    control: &target.described(&app, &company, lang),
                }),
                None => target.described(&app, &company, lang),
            };
            view! {
                <p class="ma-guide__count">{lang.frame_guide_step_count(args::FrameGuideStepCount { n: &(run.step + 1), total: &run.total() })}</p>
                <p id=STEP_ID class="ma-guide__step" aria-live="polite">{text}</p>
                <p class="ma-guide__control">{lang.frame_guide_use_control(control)}</p>
                {run.hint.map(|h| h.text(lang)).map(|h| view! { <p class="ma-message ma-message--warning" role="alert">{h}</p> })}
            }
            .into_any()
        }
        None => view! {
            <h3 class="ma-guide__done" aria-live="polite">{lang.ctl_guide_done()}</h3>
            <p>{move || guide.entry().map(|e| lang.frame_guide_recorded(e)).unwrap_or_default()}</p>
        }
        .into_any(),
    };
    view! {
        <aside class="ma-guide" aria-label=lang.ctl_guide()>
            <p class="ma-guide__title"><strong>{run.guide.title(lang)}</strong></p>
            <p class="ma-field__hint">{move || guide.chosen()}</p>
            {body}
            <button type="button" class="ma-button" on:click=move |_| guide.quit()>{lang.ctl_quit_guide()}</button>
        </aside>
    }
}

/// New journal entries of the guide's product are reported to it, with a sentence that
/// says what each did.
fn watch_journal() {
    let guide = use_guide();
    let products = use_products();
    let lang = use_lang();
    Effect::new(
        move |seen: Option<(u64, Option<crate::domain::model::Product>)>| {
            let run = guide.run();
            let product = run.as_ref().map(|r| r.guide.product());
            let last = product
                .map(|p| {
                    // Entries read later would all look new.
                    products.need_journal(p);
                    products
                        .state(p)
                        .with(|s| s.journal.last().map_or(0, |e| e.seq))
                })
                .unwrap_or(0);
            // Only what comes after the guide started, in its product.
            if let (Some((before, Some(p0))), Some(p)) = (seen, product) {
                if p0 == p && last > before {
                    products
                        .state(p)
                        .with_untracked(|s| report_entries(s, before, guide, products, lang));
                }
            }
            (last, product)
        },
    );
}

fn report_entries(s: &ProductState, after: u64, guide: GuideRun, products: Products, lang: Lang) {
    for e in s.journal.iter().filter(|e| e.seq > after) {
        // The guides follow apps: an entry about people is none of theirs.
        let Some(app) = &e.app else { continue };
        let text = products.catalogue.with_value(|cat| {
            lang.frame_guide_entry(args::FrameGuideEntry {
                app: &cat.app_name(app),
                company: &s.company_name(&e.company),
                kind: &e.event.kind().label(lang),
                user: &s.user_name(&e.actor),
            })
        });
        guide.observe(
            Seen::Journal(e.event.kind(), app.clone(), e.company.clone()),
            Some(text),
        );
    }
}

/// Outlines the current step's control and describes it by the step's text; follows the
/// page as it changes (a dialog opening, a menu).
fn outline_target() {
    let guide = use_guide();
    let products = use_products();
    // Read now: `refresh` runs from timers, outside the component.
    let lang = crate::ui::state::session::use_lang();
    let current = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let refresh = move || {
        let target = guide.try_run_untracked().flatten().and_then(|run| {
            let step = run.current()?;
            let (app, company) = products.catalogue.with_value(|cat| {
                products.state(run.guide.product()).with_untracked(|s| {
                    (
                        cat.app_name(&run.app).to_string(),
                        s.company_name(&run.company).to_string(),
                    )
                })
            });
            let find = |c: Control| dom::find_control(c.role(), &c.name(&app, &company, lang));
            find(run.control()?).or_else(|| step.before.and_then(find))
        });
        if current.try_with_value(|c| *c == target).unwrap_or(true) {
            return;
        }
        clear_outline();
        if let Some(e) = &target {
            mark(e);
        }
        current.set_value(target);
    };
    // At once when the step changes (once the page shows it), then as the page changes.
    Effect::new(move || {
        guide.run();
        request_animation_frame(refresh);
    });
    let handle = set_interval_with_handle(refresh, std::time::Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
        clear_outline();
    });
}

fn mark(e: &web_sys::HtmlElement) {
    let _ = e.class_list().add_1(TARGET);
    let described = e.get_attribute("aria-describedby").unwrap_or_default();
    if !described.split_whitespace().any(|d| d == STEP_ID) {
        let _ = e.set_attribute("aria-describedby", format!("{described} {STEP_ID}").trim());
    }
}

/// Removes the outline and the description from wherever they are.
fn clear_outline() {
    let Ok(list) = document().query_selector_all(&format!(".{TARGET}")) else {
        return;
    };
    for i in 0..list.length() {
        let Some(e) = list
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let _ = e.class_list().remove_1(TARGET);
        if let Some(d) = e.get_attribute("aria-describedby") {
            let rest: Vec<&str> = d.split_whitespace().filter(|x| *x != STEP_ID).collect();
            if rest.is_empty() {
                let _ = e.remove_attribute("aria-describedby");
            } else {
                let _ = e.set_attribute("aria-describedby", &rest.join(" "));
            }
        }
    }
}
