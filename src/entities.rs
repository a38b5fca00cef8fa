//! Named entities: mentions of people, organisations, locations and other
//! names, grouped into one [`Entity`] per real-world referent.
//!
//! Requires: tokens and sentences. Assigns: [`Doc::entities`](crate::doc::Doc::entities).
//!
//! The trained tagger arrives with its own issue; until then the recogniser
//! finds nothing rather than guessing.

use crate::doc::{Doc, Entity};
use crate::error::Result;

/// Finds and groups named entities. Build once and share.
#[derive(Clone, Debug, Default)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// The recogniser with its built-in model.
    pub fn new() -> Result<EntityRecognizer> {
        Ok(EntityRecognizer {})
    }

    /// Entities of `doc`, in order of first mention.
    pub fn run(&self, doc: &Doc) -> Vec<Entity> {
        debug_assert!(doc.body.is_empty() || !doc.tokens.is_empty() || doc.body.trim().is_empty());
        Vec::new()
    }
}
