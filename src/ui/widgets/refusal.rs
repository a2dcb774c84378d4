//! A dialog's body when the user may not do what it is for: the refusal's sentence (who
//! may) and "Fermer". Nothing changed.

use leptos::prelude::*;

#[component]
pub fn Refusal(
    /// The refusal's sentence.
    #[prop(into)]
    message: String,
    /// Closes the dialog.
    on_close: Callback<()>,
) -> impl IntoView {
    view! {
        <p class="ma-message ma-message--error" role="alert">{message}</p>
        <div class="ma-dialog__actions">
            <button type="button" class="ma-button ma-button--primary" on:click=move |_| on_close.run(())>{crate::ui::state::session::use_lang().ctl_close()}</button>

        </div>
    }
}

/// A dialog's body, or, when `refused` says why the user may not do what it is for at
/// all, that sentence and "Fermer" instead.
#[component]
pub fn RefusedOr(
    refused: Option<String>,
    /// Closes the dialog.
    on_close: Callback<()>,
    /// The body, drawn only when nothing is refused.
    children: Children,
) -> impl IntoView {
    match refused {
        Some(message) => view! { <Refusal message=message on_close=on_close/> }.into_any(),
        None => children().into_any(),
    }
}

/// The shell of every bulk dialog (install for several clients, disconnect or suspend the
/// selection): a wide dialog titled `title` whose body is drawn unless `refused` says why
/// the acting user may not do it at all.
#[component]
pub fn BulkDialog(
    #[prop(into)] title: String,
    refused: Option<String>,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <crate::ui::widgets::modal::Modal title=title on_close=on_close class="ma-dialog--wide">
            <RefusedOr refused=refused on_close=on_close>{children()}</RefusedOr>
        </crate::ui::widgets::modal::Modal>
    }
}
