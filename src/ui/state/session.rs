//! The session: who acts in each product (there is no sign-in: the Utilisateur control
//! picks), and the product shown last. Both are remembered in the preferences.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::access::queries::acting_user;
use crate::domain::i18n::Lang;
use crate::domain::model::{Product, ProductState, UserId};
use crate::storage::browser::AnyKv;
use crate::storage::prefs::{self, Prefs};

#[derive(Clone, Copy)]
pub struct Session {
    acting: RwSignal<BTreeMap<Product, UserId>>,
    last_product: RwSignal<Product>,
    lang: RwSignal<Lang>,
    kv: StoredValue<AnyKv, LocalStorage>,
}

impl Session {
    /// The saved choices, each kept while its user still exists in `states` (else the
    /// product's primary admin acts).
    /// `lang`, when given (the address's `?lang=`), wins over the saved language.
    pub fn open(kv: AnyKv, states: &[&ProductState], lang: Option<Lang>) -> Session {
        let saved = prefs::load(&kv);
        let saved_lang = saved.lang.as_deref().and_then(Lang::from_code);
        let acting = states
            .iter()
            .filter_map(|s| Some((s.product, acting_user(s, saved.users.get(&s.product))?)))
            .collect();
        let session = Session {
            acting: RwSignal::new(acting),
            last_product: RwSignal::new(saved.product.unwrap_or(Product::ALL[0])),
            lang: RwSignal::new(lang.or(saved_lang).unwrap_or_default()),
            kv: StoredValue::new_local(kv),
        };
        if lang.is_some_and(|l| Some(l) != saved_lang) {
            session.save();
        }
        session
    }

    /// The interface's language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The same, without tracking it: what a view uses while it is shown (the app is
    /// shown anew in another language).
    pub fn lang_untracked(self) -> Lang {
        self.lang.try_get_untracked().unwrap_or_default()
    }

    pub fn set_lang(self, lang: Lang) {
        if self.lang.get_untracked() != lang {
            self.lang.set(lang);
            self.save();
        }
    }

    /// The acting user's id in `product` (reactive).
    pub fn actor(self, product: Product) -> UserId {
        self.acting
            .with(|a| a.get(&product).cloned())
            .unwrap_or_else(|| UserId::new(""))
    }

    /// The same, without tracking it.
    pub fn actor_untracked(self, product: Product) -> UserId {
        untrack(|| self.actor(product))
    }

    pub fn set_actor(self, product: Product, user: UserId) {
        if self
            .acting
            .with_untracked(|a| a.get(&product) == Some(&user))
        {
            return;
        }
        self.acting.update(|a| {
            a.insert(product, user);
        });
        self.save();
    }

    /// After `state` was replaced (an import, a reset, another tab), its acting user may no
    /// longer exist: the primary admin then acts.
    pub fn keep_valid(self, state: &ProductState) {
        let current = self
            .acting
            .with_untracked(|a| a.get(&state.product).cloned());
        if let Some(user) = acting_user(state, current.as_ref()) {
            self.set_actor(state.product, user);
        }
    }

    /// The product shown last (reactive): pages outside a product (home) show it.
    pub fn last_product(self) -> Product {
        self.last_product.get()
    }

    pub fn set_last_product(self, product: Product) {
        if self.last_product.get_untracked() != product {
            self.last_product.set(product);
            self.save();
        }
    }

    /// A failure only means the choices are not remembered.
    fn save(self) {
        let prefs = Prefs {
            product: Some(self.last_product.get_untracked()),
            users: self.acting.get_untracked(),
            lang: Some(self.lang.get_untracked().code().to_string()),
        };
        self.kv.with_value(|kv| prefs::save(kv, &prefs));
    }
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The product the current page is about: the one its URL names, or the one shown last.
#[derive(Clone, Copy)]
pub struct CurrentProduct(pub Memo<Product>);

impl CurrentProduct {
    /// Follows the router's location; to be provided once, inside the router.
    pub fn follow_location(session: Session) -> CurrentProduct {
        let location = use_location();
        CurrentProduct(Memo::new(move |_| {
            location
                .pathname
                .with(|path| {
                    path.split('/')
                        .filter(|s| !s.is_empty())
                        .find_map(Product::from_slug)
                })
                .unwrap_or_else(|| session.last_product())
        }))
    }
}

/// The interface's language, for a view being made.
pub fn use_lang() -> Lang {
    use_context::<Session>().map_or(Lang::default(), Session::lang_untracked)
}

/// The current page's product (reactive).
pub fn use_product() -> Memo<Product> {
    expect_context::<CurrentProduct>().0
}
