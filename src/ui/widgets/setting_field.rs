//! One setting's control (a checkbox, a choice or a text field), with its help and its
//! error next to it; a text field also counts its characters. Used by a connection's
//! settings and by a bulk install's settings, filled once.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::forms::settings::{
    SettingDef, SettingKind, SettingOption, SettingValue, TextFormat,
};
use crate::ui::widgets::char_counter::CharCounter;

type Draft = RwSignal<BTreeMap<String, SettingValue>>;

/// The id of a setting's control.
pub fn field_id(key: &str) -> String {
    field_id_in("ma-reglage", key)
}

/// The id of a setting's control among fields whose ids start with `prefix`.
pub fn field_id_in(prefix: &str, key: &str) -> String {
    format!("{prefix}-{key}")
}

/// What every kind of control needs: its ids, how it is described, its value, how to
/// change it, and whether it may be changed.
#[derive(Clone)]
struct Control {
    id: String,
    label: String,
    described: Signal<String>,
    invalid: Signal<bool>,
    value: Signal<Option<SettingValue>>,
    set: Callback<SettingValue>,
    disabled: Signal<bool>,
}

#[component]
pub fn Field(
    def: SettingDef,
    draft: Draft,
    errors: RwSignal<BTreeMap<String, String>>,
    disabled: Signal<bool>,
    /// The ids' prefix, when another form on the page has the same fields.
    #[prop(optional)]
    prefix: Option<&'static str>,
) -> impl IntoView {
    let id = field_id_in(prefix.unwrap_or("ma-reglage"), &def.key);
    let help_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let key = def.key.clone();
    let error = {
        let key = key.clone();
        Memo::new(move |_| errors.with(|e| e.get(&key).cloned()))
    };
    let described = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        Signal::derive(move || {
            if error.with(Option::is_some) {
                format!("{error_id} {help_id}")
            } else {
                help_id.clone()
            }
        })
    };
    let set = {
        let key = key.clone();
        Callback::new(move |value: SettingValue| {
            draft.update(|d| {
                d.insert(key.clone(), value);
            });
            errors.update(|e| {
                e.remove(&key);
            });
        })
    };
    let control = Control {
        id: id.clone(),
        label: def.label.clone(),
        described,
        invalid: Signal::derive(move || error.with(Option::is_some)),
        value: Signal::derive(move || draft.with(|d| d.get(&key).cloned())),
        set,
        disabled,
    };
    let input = match &def.kind {
        SettingKind::Toggle { .. } => view! { <Toggle control=control/> }.into_any(),
        SettingKind::Choice { options, .. } => {
            view! { <Choice control=control options=options.clone()/> }.into_any()
        }
        SettingKind::Text {
            format, max_len, ..
        } => view! { <Text control=control format=*format max=*max_len/> }.into_any(),
    };
    view! {
        <div class="ma-field" class:ma-field--invalid=move || error.with(Option::is_some)>
            {input}
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="ma-field__error">{e}</p> })}
            <p id=help_id class="ma-field__hint" lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{def.help_with_example(crate::ui::state::session::use_lang())}</p>
        </div>
    }
}

#[component]
fn Toggle(control: Control) -> impl IntoView {
    let Control {
        id,
        label,
        described,
        value,
        set,
        disabled,
        ..
    } = control;
    view! {
        <div class="ma-checkbox">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=described
                disabled=disabled
                prop:checked=move || matches!(value.get(), Some(SettingValue::Bool(true)))
                on:change=move |ev| set.run(SettingValue::Bool(event_target_checked(&ev)))
            />
            <label for=id lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{label}</label>
        </div>
    }
}

#[component]
fn Choice(control: Control, options: Vec<SettingOption>) -> impl IntoView {
    let Control {
        id,
        label,
        described,
        invalid,
        value,
        set,
        disabled,
    } = control;
    let options = options
        .into_iter()
        .map(|o| {
            let option = o.value.clone();
            let selected =
                move || matches!(value.get(), Some(SettingValue::Text(v)) if v == option);
            view! { <option value=o.value selected=selected>{o.label}</option> }
        })
        .collect_view();
    view! {
        <label for=id.clone() lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{label}</label>
        <select
            id=id
            lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())
            aria-describedby=described
            aria-invalid=move || invalid.get().then_some("true")
            disabled=disabled
            on:change=move |ev| set.run(SettingValue::Text(event_target_value(&ev)))
        >
            {options}
        </select>
    }
}

#[component]
fn Text(control: Control, format: TextFormat, max: usize) -> impl IntoView {
    let Control {
        id,
        label,
        described,
        invalid,
        value,
        set,
        disabled,
    } = control;
    let input_type = if format == TextFormat::Email {
        "email"
    } else {
        "text"
    };
    let mode = match format {
        TextFormat::Digits => "numeric",
        TextFormat::Email => "email",
        _ => "text",
    };
    let text = Signal::derive(move || match value.get() {
        Some(SettingValue::Text(t)) => t,
        _ => String::new(),
    });
    view! {
        <label for=id.clone() lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{label}</label>
        <input
            type=input_type
            id=id.clone()
            inputmode=mode
            maxlength=max.to_string()
            autocomplete="off"
            aria-describedby=described
            aria-invalid=move || invalid.get().then_some("true")
            disabled=disabled
            prop:value=text
            on:input=move |ev| set.run(SettingValue::Text(event_target_value(&ev)))
        />
        <CharCounter id=format!("{id}-compteur") text=text max=max class="ma-field__counter"/>
    }
}
