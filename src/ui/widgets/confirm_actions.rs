//! A confirmation's buttons: "Annuler", focused first (the choice that loses nothing), and
//! the action that replaces or removes data.

use leptos::prelude::*;

#[component]
pub fn ConfirmActions(
    /// Closes the confirmation; nothing changes.
    on_cancel: Callback<()>,
    /// The action's label ("Remplacer les données").
    #[prop(into)]
    confirm: Signal<String>,
    /// Carries out the action.
    on_confirm: Callback<()>,
    /// Whether the action can be carried out yet.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="ma-dialog__actions">
            <button type="button" class="ma-button" data-autofocus="" on:click=move |_| on_cancel.run(())>{crate::ui::state::session::use_lang().ctl_cancel()}</button>

            <button
                type="button"
                class="ma-button ma-button--danger"
                disabled=move || disabled.get()
                on:click=move |_| on_confirm.run(())
            >
                {move || confirm.get()}
            </button>
        </div>
    }
}
