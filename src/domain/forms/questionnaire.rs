//! The disconnection questionnaire: why the user disconnects. A reason is required;
//! "Autre" requires a text of 1 to 500 characters.

use serde::{Deserialize, Serialize};

use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::text::{char_len, has_bidi_control};

/// The longest text "Autre" accepts, in characters.
pub const OTHER_MAX: usize = 500;

/// Saved journals and receipts hold each reason by its name in kebab-case
/// (`"manager-left"`): add reasons, never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    NoLongerNeeded,
    Replaced,
    TooExpensive,
    MissingFeatures,
    TechnicalProblems,
    DataConcerns,
    /// Disconnected to troubleshoot, to be reconnected at once: reconnecting does that
    /// without losing anything (see `way_out`).
    Troubleshooting,
    /// The person who connected it has left: taking it over keeps it working.
    ManagerLeft,
    Other,
    /// Disconnected by an access review ("Revue des accès : plus nécessaire"): a
    /// review's own reason, never offered by the questionnaire.
    AccessReview,
}

impl Reason {
    /// In the order the questionnaire lists them; "Autre" last.
    pub const ALL: [Reason; 9] = [
        Reason::NoLongerNeeded,
        Reason::Replaced,
        Reason::TooExpensive,
        Reason::MissingFeatures,
        Reason::TechnicalProblems,
        Reason::DataConcerns,
        Reason::Troubleshooting,
        Reason::ManagerLeft,
        Reason::Other,
    ];

    /// The reason's option in the questionnaire (a control's name: set as written).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoLongerNeeded => lang.reason_no_longer_needed(),
            Reason::Replaced => lang.reason_replaced(),
            Reason::TooExpensive => lang.reason_too_expensive(),
            Reason::MissingFeatures => lang.reason_missing_features(),
            Reason::TechnicalProblems => lang.reason_technical_problems(),
            Reason::DataConcerns => lang.reason_data_concerns(),
            Reason::Troubleshooting => lang.reason_troubleshooting(),
            Reason::ManagerLeft => lang.reason_manager_left(),
            Reason::Other => lang.reason_other(),
            Reason::AccessReview => lang.reviews_reason(),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Reason::NoLongerNeeded => "plus-besoin",
            Reason::Replaced => "remplacee",
            Reason::TooExpensive => "trop-chere",
            Reason::MissingFeatures => "fonctions-manquantes",
            Reason::TechnicalProblems => "problemes-techniques",
            Reason::DataConcerns => "donnees",
            Reason::Troubleshooting => "depannage",
            Reason::ManagerLeft => "personne-partie",
            Reason::Other => "autre",
            Reason::AccessReview => "revue-des-acces",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Reason> {
        Reason::ALL
            .into_iter()
            .chain([Reason::AccessReview])
            .find(|r| r.slug() == slug)
    }
}

/// The answers as the user gave them, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub reason: Option<Reason>,
    /// The text for "Autre"; ignored for the other reasons.
    #[serde(default)]
    pub other: String,
}

/// Validated answers, as the journal keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub reason: Reason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl Questionnaire {
    /// "Autre : trop lente le matin", or the reason's label.
    pub fn summary(&self, lang: Lang) -> String {
        match &self.other {
            Some(text) => lang.questionnaire_summary(args::QuestionnaireSummary {
                reason: &self.reason.label(lang),
                text: &text,
            }),
            None => self.reason.label(lang).to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionnaireError {
    MissingReason,
    MissingOther,
    OtherTooLong {
        len: usize,
    },
    OtherHasControlChars,
    /// A direction control (see `text::has_bidi_control`): refused in what is typed now,
    /// still read in what was saved before the rule.
    OtherHasBidiControls,
}

impl std::fmt::Display for QuestionnaireError {
    /// The French sentence, for logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl QuestionnaireError {
    /// The sentence the user reads, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            QuestionnaireError::MissingReason => lang.questionnaire_missing_reason().into(),
            QuestionnaireError::MissingOther => lang.questionnaire_missing_other().into(),
            QuestionnaireError::OtherTooLong { len } => {
                lang.questionnaire_other_too_long(args::QuestionnaireOtherTooLong {
                    len: &len,
                    max: &OTHER_MAX,
                })
            }
            QuestionnaireError::OtherHasControlChars => lang.questionnaire_control_chars().into(),
            QuestionnaireError::OtherHasBidiControls => lang.questionnaire_bidi_controls().into(),
        }
    }
}

impl Answers {
    /// Validates the answers; the "Autre" text is trimmed first.
    pub fn validate(&self) -> Result<Questionnaire, QuestionnaireError> {
        let reason = self.reason.ok_or(QuestionnaireError::MissingReason)?;
        if reason != Reason::Other {
            return Ok(Questionnaire {
                reason,
                other: None,
            });
        }
        let text = self.other.trim();
        let len = char_len(text);
        if len == 0 {
            return Err(QuestionnaireError::MissingOther);
        }
        if len > OTHER_MAX {
            return Err(QuestionnaireError::OtherTooLong { len });
        }
        // Line breaks are fine in a comment; other control characters are not.
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(QuestionnaireError::OtherHasControlChars);
        }
        if has_bidi_control(text) {
            return Err(QuestionnaireError::OtherHasBidiControls);
        }
        Ok(Questionnaire {
            reason,
            other: Some(text.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(reason: Option<Reason>, other: &str) -> Answers {
        Answers {
            reason,
            other: other.into(),
        }
    }

    #[test]
    fn a_reason_is_required() {
        assert_eq!(
            answers(None, "").validate(),
            Err(QuestionnaireError::MissingReason)
        );
    }

    #[test]
    fn other_needs_between_1_and_500_characters() {
        assert_eq!(
            answers(Some(Reason::Other), "   ").validate(),
            Err(QuestionnaireError::MissingOther)
        );
        let ok = "é".repeat(500);
        assert_eq!(
            answers(Some(Reason::Other), &ok).validate().unwrap().other,
            Some(ok)
        );
        assert_eq!(
            answers(Some(Reason::Other), &"é".repeat(501)).validate(),
            Err(QuestionnaireError::OtherTooLong { len: 501 })
        );
    }

    #[test]
    fn text_is_ignored_for_other_reasons() {
        let q = answers(Some(Reason::TooExpensive), "x").validate().unwrap();
        assert_eq!(q.other, None);
        assert_eq!(q.summary(Lang::Fr), "Elle coûte trop cher");
        assert_eq!(q.summary(Lang::En), "It costs too much");
    }

    #[test]
    fn at_least_six_reasons_with_autre_last() {
        assert!(Reason::ALL.len() >= 6);
        assert_eq!(Reason::ALL.last().map(|r| r.label(Lang::Fr)), Some("Autre"));
        for r in Reason::ALL {
            assert_eq!(Reason::from_slug(r.slug()), Some(r));
        }
    }
}
