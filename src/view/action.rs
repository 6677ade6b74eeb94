//! The DOM contract between the rendered pages and their JavaScript: what a control does, as
//! its `data-action` attribute, which the page's script dispatches on. `extension/lib/protocol.js`
//! (`ACTION`) holds the same table; `tests/js/architecture.test.mjs` keeps the two equal.

shared_strings! {
    /// What a control in a rendered page does.
    pub enum Action, fn name;
    /// The card's header and close button: open or close the card.
    Toggle => "toggle",
    /// A draft's channel switcher.
    Channel => "channel",
    /// A draft's tone switcher.
    Tone => "tone",
    /// Copy the draft shown.
    Copy => "copy",
    /// Write to this buyer in another language (saved as the deal's note).
    Language => "language",
    /// Copy the redacted page structure for a bug report.
    Structure => "structure",
    /// Move text that reads like a private note to the private notes field.
    MoveNote => "move-note",
    /// Open the choices for correcting a reason ("not right here").
    Correct => "correct",
    /// Keep one of those choices (with its date when it needs one).
    CorrectAs => "correct-as",
    /// Close the choices without keeping anything.
    CorrectCancel => "correct-cancel",
    /// Undo the rep's correction of a reason.
    Uncorrect => "uncorrect",
    /// The options page: accept a proposal from the rep's corrections.
    AcceptProposal => "accept-proposal",
    /// The options page: ignore a proposal (never made again).
    IgnoreProposal => "ignore-proposal",
    /// Copy a Today row's message.
    TodayCopy => "today-copy",
    /// The options page: save the settings.
    Save => "save",
    /// The options page: restore the default settings.
    Defaults => "defaults",
    /// Save a backup file.
    Export => "export",
    /// Restore a backup file (a file input).
    Import => "import",
    /// Delete everything Stallwatch keeps here (two clicks).
    DeleteAll => "delete-all",
    /// Undo the last restore.
    Undo => "undo",
    /// Turn reminders on (asks for the notifications permission).
    RemindersOn => "reminders-on",
    /// Turn reminders off.
    RemindersOff => "reminders-off",
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
