//! "Page introuvable": a page of its own for an unknown address, or the section of Mes
//! apps (under its "Mes apps" heading) when only the section is unknown.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::catalogue::product::Section;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::web::paths;

#[component]
pub fn NotFound(
    /// Whether only the section of Mes apps is unknown (the heading is then an h2).
    #[prop(optional)]
    section: bool,
) -> impl IntoView {
    let lang = use_lang();
    let title = if section {
        view! { <h2 id="ma-section-title" tabindex="-1">{lang.ctl_not_found()}</h2> }.into_any()
    } else {
        view! { <h1 id="ma-not-found-title">{lang.ctl_not_found()}</h1> }.into_any()
    };
    view! {
        <section
            class="ma-card ma-not-found"
            aria-labelledby=if section { "ma-section-title" } else { "ma-not-found-title" }
        >
            {title}
            <p>{lang.widgets_not_found_text()}</p>
            <p><A href=paths::href("/")>{lang.ctl_back_home()}</A></p>

        </section>
    }
}

/// Shows `children` when the current product has `section`, else "Page introuvable"
/// (Aperçu asked of Expert-Comptable, say).
#[component]
pub fn ForSection(section: Section, children: ChildrenFn) -> impl IntoView {
    let product = use_product();
    move || {
        if product.get().has_section(section) {
            children().into_any()
        } else {
            view! { <NotFound section=true/> }.into_any()
        }
    }
}
