//! The status line: what the last action did, read by the page's polite live region,
//! with a link to follow up when there is one ("Voir le reçu" after a disconnection).

use leptos::prelude::*;

/// A link the status line offers after its text: its label and the app's path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusLink {
    pub label: &'static str,
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Message {
    text: String,
    link: Option<StatusLink>,
}

/// The status line's message ("" when there is nothing to say).
#[derive(Clone, Copy)]
pub struct Status(RwSignal<Message>);

impl Status {
    pub fn new() -> Status {
        Status(RwSignal::new(Message::default()))
    }

    /// Says `text` in the status line.
    pub fn say(self, text: impl Into<String>) {
        self.0.set(Message {
            text: text.into(),
            link: None,
        });
    }

    /// Says `text`, followed by a link.
    pub fn say_with_link(self, text: impl Into<String>, link: StatusLink) {
        self.0.set(Message {
            text: text.into(),
            link: Some(link),
        });
    }

    /// The text (reactive).
    pub fn text(self) -> String {
        self.0.with(|m| m.text.clone())
    }

    /// The link after the text, if any (reactive).
    pub fn link(self) -> Option<StatusLink> {
        self.0.with(|m| m.link.clone())
    }

    /// The text, without tracking it.
    pub fn text_untracked(self) -> String {
        self.0.with_untracked(|m| m.text.clone())
    }

    /// Clears the line if it still says `text` (a newer message stays).
    pub fn clear_if(self, text: &str) {
        if self.0.with_untracked(|m| m.text == text) {
            self.0.set(Message::default());
        }
    }

    /// Clears the line.
    pub fn clear(self) {
        self.0.set(Message::default());
    }
}

impl Default for Status {
    fn default() -> Self {
        Status::new()
    }
}

/// The status line from context.
pub fn use_status() -> Status {
    expect_context::<Status>()
}
