//! The disconnection questionnaire: why the user disconnects. A reason is required;
//! "Autre" requires a text of 1 to 500 characters.

use serde::{Deserialize, Serialize};

use super::text::{char_len, has_bidi_control};

/// The longest text "Autre" accepts, in characters.
pub const OTHER_MAX: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    NoLongerNeeded,
    Replaced,
    TooExpensive,
    MissingFeatures,
    TechnicalProblems,
    DataConcerns,
    Other,
}

impl Reason {
    /// In the order the questionnaire lists them; "Autre" last.
    pub const ALL: [Reason; 7] = [
        Reason::NoLongerNeeded,
        Reason::Replaced,
        Reason::TooExpensive,
        Reason::MissingFeatures,
        Reason::TechnicalProblems,
        Reason::DataConcerns,
        Reason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Reason::NoLongerNeeded => "Je n'en ai plus besoin",
            Reason::Replaced => "Je passe à une appli concurrente",
            Reason::TooExpensive => "Elle coûte trop cher",
            Reason::MissingFeatures => "Il lui manque des fonctions dont j'ai besoin",
            Reason::TechnicalProblems => "Elle ne fonctionne pas correctement",
            Reason::DataConcerns => "Je m'inquiète de l'usage de mes données",
            Reason::Other => "Autre",
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
            Reason::Other => "autre",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.slug() == slug)
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
    pub fn summary(&self) -> String {
        match &self.other {
            Some(text) => format!("{} : {}", self.reason.label(), text),
            None => self.reason.label().to_string(),
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
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuestionnaireError::MissingReason => {
                f.write_str("Indiquez pourquoi vous déconnectez cette appli.")
            }
            QuestionnaireError::MissingOther => {
                f.write_str("Vous avez choisi « Autre » : précisez la raison en quelques mots.")
            }
            QuestionnaireError::OtherTooLong { len } => write!(
                f,
                "La précision tient en {OTHER_MAX} caractères au maximum ({len} saisis)."
            ),
            QuestionnaireError::OtherHasControlChars => {
                f.write_str("La précision contient des caractères non autorisés.")
            }
            QuestionnaireError::OtherHasBidiControls => f.write_str(
                "La précision contient des caractères invisibles qui inversent le sens de lecture.",
            ),
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
        assert_eq!(q.summary(), "Elle coûte trop cher");
    }

    #[test]
    fn at_least_six_reasons_with_autre_last() {
        assert!(Reason::ALL.len() >= 6);
        assert_eq!(Reason::ALL.last().map(|r| r.label()), Some("Autre"));
        for r in Reason::ALL {
            assert_eq!(Reason::from_slug(r.slug()), Some(r));
        }
    }
}
