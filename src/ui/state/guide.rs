//! The guide under way, if any: what the guide panel shows, fed by what the user does —
//! pages shown, dialogs opened and closed, menus, answers, journal entries. Views only
//! report what happened; the domain's `guide::Run` decides what it means.

use leptos::prelude::*;

use crate::domain::guide::{Run, Seen};

#[derive(Clone, Copy)]
pub struct GuideRun {
    run: RwSignal<Option<Run>>,
    /// What the guide chose when it started, said in the panel.
    chosen: RwSignal<String>,
    /// The journal entry of the guide's app last seen: what the procedure did.
    entry: RwSignal<Option<String>>,
}

impl GuideRun {
    pub fn new() -> GuideRun {
        GuideRun {
            run: RwSignal::new(None),
            chosen: RwSignal::new(String::new()),
            entry: RwSignal::new(None),
        }
    }

    /// The guide under way (reactive).
    pub fn run(self) -> Option<Run> {
        self.run.get()
    }

    /// The guide under way, without tracking it; `None` once the app is gone.
    pub fn try_run_untracked(self) -> Option<Option<Run>> {
        self.run.try_get_untracked()
    }

    pub fn chosen(self) -> String {
        self.chosen.get()
    }

    /// What the procedure did, once its journal entry was seen (reactive).
    pub fn entry(self) -> Option<String> {
        self.entry.get()
    }

    pub fn start(self, run: Run, chosen: String) {
        self.entry.set(None);
        self.chosen.set(chosen);
        self.run.set(Some(run));
    }

    /// "Quitter le guide".
    pub fn quit(self) {
        self.run.set(None);
        self.entry.set(None);
    }

    /// Tells the guide what the user did; `entry` describes the journal entry of a
    /// `Seen::Journal`, kept when it is about the guide's app.
    pub fn observe(self, seen: Seen, entry: Option<String>) {
        let Some(Some(app)) = self
            .run
            .try_with_untracked(|r| r.as_ref().map(|r| r.app.clone()))
        else {
            return;
        };
        if let (Seen::Journal(_, a, _), Some(text)) = (&seen, entry) {
            if *a == app {
                self.entry.set(Some(text));
            }
        }
        self.run.update(|r| {
            if let Some(run) = r {
                run.observe(&seen);
            }
        });
    }
}

impl Default for GuideRun {
    fn default() -> Self {
        GuideRun::new()
    }
}

/// Reports what the user did to a guide under way: taken from context where a view is
/// made (event handlers run outside it), and silent when there is no guide context, as
/// in a component's own test.
#[derive(Clone, Copy)]
pub struct Reporter(Option<GuideRun>);

impl Reporter {
    pub fn tell(self, seen: Seen) {
        if let Some(guide) = self.0 {
            guide.observe(seen, None);
        }
    }
}

pub fn use_reporter() -> Reporter {
    Reporter(use_context::<GuideRun>())
}

pub fn use_guide() -> GuideRun {
    expect_context::<GuideRun>()
}
