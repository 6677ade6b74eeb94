//! The DOM contract between the rendered pages and their JavaScript: what a control does, as
//! its `data-action` attribute, which the page's script dispatches on. `extension/lib/protocol.js`
//! (`ACTION`) holds the same table; `tests/js/architecture.test.mjs` keeps the two equal.

/// What a control in a rendered page does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The card's header and close button: open or close the card.
    Toggle,
    /// A draft's channel switcher.
    Channel,
    /// A draft's tone switcher.
    Tone,
    /// Copy the draft shown.
    Copy,
    /// Write to this buyer in another language (saved as the deal's note).
    Language,
    /// Copy the redacted page structure for a bug report.
    Structure,
    /// Move text that reads like a private note to the private notes field.
    MoveNote,
    /// Copy a Today row's message.
    TodayCopy,
    /// The options page: save the settings.
    Save,
    /// The options page: restore the default settings.
    Defaults,
    /// Save a backup file.
    Export,
    /// Restore a backup file (a file input).
    Import,
    /// Delete everything Stallwatch keeps here (two clicks).
    DeleteAll,
    /// Undo the last restore.
    Undo,
    /// Turn reminders on (asks for the notifications permission).
    RemindersOn,
    /// Turn reminders off.
    RemindersOff,
}

impl Action {
    pub const ALL: [Action; 16] = [
        Action::Toggle,
        Action::Channel,
        Action::Tone,
        Action::Copy,
        Action::Language,
        Action::Structure,
        Action::MoveNote,
        Action::TodayCopy,
        Action::Save,
        Action::Defaults,
        Action::Export,
        Action::Import,
        Action::DeleteAll,
        Action::Undo,
        Action::RemindersOn,
        Action::RemindersOff,
    ];

    /// The `data-action` value.
    pub const fn name(self) -> &'static str {
        match self {
            Action::Toggle => "toggle",
            Action::Channel => "channel",
            Action::Tone => "tone",
            Action::Copy => "copy",
            Action::Language => "language",
            Action::Structure => "structure",
            Action::MoveNote => "move-note",
            Action::TodayCopy => "today-copy",
            Action::Save => "save",
            Action::Defaults => "defaults",
            Action::Export => "export",
            Action::Import => "import",
            Action::DeleteAll => "delete-all",
            Action::Undo => "undo",
            Action::RemindersOn => "reminders-on",
            Action::RemindersOff => "reminders-off",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_its_own_name() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
