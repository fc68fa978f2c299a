//! The words of kansrijk's TUI, CLI and reports in one place (the handbook's content texts
//! live in `assets/`). Every layer may use it; it uses nothing of the app.

pub const APP: &str = "kansrijk";
pub const READ_ONLY: &str = "Alleen-lezen";
pub const NOT_SAVED: &str = "Niet opgeslagen";
pub const SAVED: &str = "bewaard";
pub const SAVING: &str = "bewaren…";
pub const UNREADABLE: &str = "onleesbaar";
pub const UNREADABLE_CANNOT_OPEN: &str = "Dit bestand is onleesbaar en blijft onaangeroerd:";
pub const FORM_TITLE: &str = "Nieuwe sessie";
pub const FORM_LABELS: [&str; 4] = ["Bestuurder", "Organisatie", "Samenwerking", "Modus"];
pub const FORM_HINTS: [&str; 3] = [
    "uw naam (verplicht)",
    "uw organisatie (mag leeg)",
    "de samenwerking waar deze sessie over gaat (verplicht)",
];
/// The hint of the form's mode field, from the keys that switch it: "spatie of ←/→ wisselt".
pub fn form_mode_hint(keys: &[String]) -> String {
    match keys.split_first() {
        Some((first, [])) => format!("{first} wisselt"),
        Some((first, rest)) => format!("{first} of {} wisselt", rest.join("/")),
        None => String::new(),
    }
}
pub const FORM_NEED_BESTUURDER: &str = "Vul de naam van de bestuurder in.";
pub const FORM_NEED_SAMENWERKING: &str = "Vul de naam van de samenwerking in.";
pub const START_TITLE: &str = "Sessies";
pub fn start_empty(new: &str) -> String {
    format!("Nog geen sessies in deze map. Druk op {new} om een nieuwe sessie te beginnen.")
}
pub const COL_BESTUURDER: &str = "Bestuurder";
pub const COL_SAMENWERKING: &str = "Samenwerking";
pub const COL_DATE: &str = "Datum";
pub const COL_PROGRESS: &str = "Ingevuld";
pub const COL_TREND: &str = "Trend";
pub const COL_PROGRESS_SHORT: &str = "Klaar";
pub const OVERVIEW_TITLE: &str = "Sessie";
pub const SCAN_TITLE: &str = "Quick scan";
pub const SCAN_ITEMS: &str = "Indicatoren";
pub const RADAR_TITLE: &str = "Radar";
pub const SCORES_TITLE: &str = "Scores (1–5)";
pub const FLAG: &str = "zwak";
pub const NOTE: &str = "Notitie";
pub const NOTE_EMPTY: &str = "(nog geen notitie — e om te schrijven)";
pub const NOTE_EDIT_TITLE: &str = "Notitie bij";
pub const RISK_PREFIX: &str = "Let op";
pub const GAIN_PREFIX: &str = "Aandacht levert op";
pub const HELP_TITLE: &str = "Hulp";
pub const HELP_INTRO: &str = "kansrijk bewaart elke wijziging meteen; er is geen opslaan-toets.";
pub const HELP_DATA: &str = "Sessies staan in:";
pub const TOO_SMALL: &str = "Het venster is te klein.";
pub const TOO_SMALL_HINT: &str =
    "Maak het minstens 80 × 24 tekens groot; kansrijk gaat dan verder waar u was.";
pub const SOURCE: &str = "Bron";
pub const ANSWERED_OF: &str = "van";
pub const DONT_KNOW_SHORT: &str = "?";

/// A text as it may be drawn: control characters shown as visible symbols (␛ for ESC),
/// so that a name or note can never send escape sequences to the terminal.
pub fn safe(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0x00..=0x1f => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            0x7f => '\u{2421}',
            0x80..=0x9f => '\u{fffd}',
            // Direction overrides and invisible characters could make a name look like
            // another one: show them as a visible mark.
            0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff => '\u{fffd}',
            _ => c,
        })
        .collect()
}

/// "12 van 20 (60%)"
pub fn progress(answered: usize, total: usize) -> String {
    let pct = (answered * 100).checked_div(total).unwrap_or(0);
    format!("{answered} {ANSWERED_OF} {total} ({pct}%)")
}

/// The too-small message with the current size.
pub fn too_small_size(w: u16, h: u16) -> String {
    format!("Nu {w} × {h}.")
}

/// The guided path's end; `back` and `overview` are the keys that lead back.
pub fn guided_end(back: &str, overview: &str) -> String {
    format!(
        "Dit was de laatste stap van het werkboek. {overview} brengt u naar het overzicht, {back} een stap terug."
    )
}
pub const EXTERNAL_EDITOR_FAILED: &str = "De eigen editor gaf een fout; de tekst is niet veranderd";
pub const NO_EXTERNAL_EDITOR: &str = "Stel VISUAL of EDITOR in om een eigen editor te gebruiken";
pub const NO_OWN_ROWS: &str = "Bij dit instrument staan de regels vast.";
pub const FIXED_ROW_NOT_DELETABLE: &str =
    "Deze regel hoort bij het instrument en blijft staan; alleen eigen regels (+) kunnen weg.";
pub fn only_own_rows_deletable(up: &str, down: &str, delete: &str) -> String {
    format!(
        "Alleen eigen regels kunnen weg: kies er een met {up}/{down} en druk twee keer op {delete}."
    )
}
pub fn choose_action_to_delete(up: &str, down: &str, delete: &str) -> String {
    format!("Kies eerst een afspraak met {up}/{down}; twee keer {delete} verwijdert haar.")
}
pub const ACTION_ADDED: &str = "Afspraak toegevoegd; u vindt haar terug onder a (acties).";
pub fn confirm_delete(delete: &str) -> String {
    format!("Druk nog eens op {delete} om deze regel te verwijderen.")
}
pub const DELETED: &str = "Verwijderd.";
/// The editor's bottom line: `done` leaves it, `external` opens the user's own editor.
pub fn editor_hint(done: &str, external: &str) -> String {
    format!(" {done}: klaar — alles wordt meteen bewaard · {external}: eigen editor ")
}
pub fn editor_hint_short(done: &str, external: &str) -> String {
    format!(" {done}: klaar (bewaard) · {external}: eigen editor ")
}
/// The bottom line of a one-line field's editor: " Enter of Esc: klaar ".
pub fn editor_hint_single(done: &str, back: &str) -> String {
    format!(" {done} of {back}: klaar ")
}
pub fn empty_answer(write: &str) -> String {
    format!("(nog niet ingevuld — {write} om te schrijven)")
}
pub fn overview_hint(open: &str, next: &str) -> String {
    format!(
        "Kies met de pijltjes, open met {open}. {next} loopt het hele werkboek stap voor stap door."
    )
}
pub const PERSPECTIVE_THEMES: &str = "Kernvragen";
pub const THEME_QUESTIONS: &str = "Reflectievragen";
pub const THEME_INSTRUMENTS: &str = "Instrumenten";
pub const MODEL: &str = "Model";
pub const LITERATURE: &str = "Literatuur";
pub const DILEMMAS: &str = "Dilemma's";
pub const CONSIDERATIONS: &str = "Overwegingen";
pub fn pointers(follow: &str) -> String {
    format!("Zie ook ({follow} volgt de verwijzing)")
}
pub const POSITION: &str = "Waar sta ik?";
/// A dilemma's slider before it is placed: `left`/`right` slide, `first`–`last` place.
pub fn not_placed(left: &str, right: &str, first: &str, last: &str) -> String {
    format!("nog niet geplaatst — {left}/{right} of {first}–{last}")
}
pub const STRATEGY: &str = "Strategie voor deze paradox";
/// The strategies' row on a dilemma, with their source: several may be chosen.
pub fn strategies_title(source: &str) -> String {
    format!("Strategieën van {source} — combineren mag")
}
/// How to choose strategies: `left`/`right` move the focus, `toggle` turns the focused
/// one on or off, `first`–`last` by number.
pub fn strategies_keys(left: &str, right: &str, toggle: &str, first: &str, last: &str) -> String {
    format!("{left}/{right} kiezen · {toggle} of {first}–{last}: aan/uit")
}
/// The previous session's answer beside the new one.
pub fn last_time(text: &str) -> String {
    format!("vorige keer: {text}")
}
/// A hint that last time's answers can be shown with `key`.
pub fn last_time_hint(key: &str) -> String {
    format!("{key}: vorige keer")
}
pub fn previous_texts_shown(shown: bool) -> String {
    if shown {
        "Vorige keer zichtbaar naast reflecties en dilemma's.".to_string()
    } else {
        "Vorige keer verborgen.".to_string()
    }
}
/// Last time had no answer here.
pub const NOT_REVIEWED_DASH: &str = "—";
pub fn position_of(p: i8) -> String {
    format!("positie {} van 7", p + 4)
}
pub const ADD_ROW: &str = "+ eigen regel toevoegen";
pub const INSTRUMENT_NOTE: &str = "Toelichting";
pub const ACTIONS_TITLE: &str = "Acties en afspraken";
pub const NEW_ACTION: &str = "+ nieuwe afspraak";
pub const ACTION_COLUMNS: [&str; 5] = ["Wat", "Wie", "Wanneer", "Over", "Gedaan"];
pub const QUICK_SCAN_BOX: &str = "Quick scan";
pub const ACTIONS_BOX: &str = "Acties";
pub const NO_PREVIOUS: &str =
    "Er is geen eerdere sessie van deze bestuurder over deze samenwerking.";
pub const PREVIOUS: &str = "vorige";
pub const NOW: &str = "nu";
pub const COACH_TITLE: &str = "Coachnotitie (privé)";
pub fn coach_empty(write: &str, presenting: &str, own: bool) -> String {
    if own {
        format!(
            "{write}: uw eigen notitie bij dit scherm. Niet zichtbaar in presentatiemodus ({presenting}); wel in uw eigen rapport."
        )
    } else {
        format!(
            "{write}: notitie bij dit scherm. Niet zichtbaar in presentatiemodus ({presenting}) en niet in het rapport, tenzij u de notities er zelf in opneemt."
        )
    }
}
pub const PRESENTING: &str = "presentatie";
pub const IMPORT_PLACEHOLDER: &str = "een map, map/*.ron, of losse bestanden (a.ron b.ron) …";
/// Tab found several names that complete the path.
pub fn completion_candidates(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = format!(
        "Mogelijk: {}",
        names
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("  ")
    );
    if names.len() > SHOWN {
        text.push_str(&format!("  … en nog {}", names.len() - SHOWN));
    }
    text
}
/// Tab found nothing that completes the path.
pub fn completion_none(typed: &str) -> String {
    format!("Geen bestand of map past bij ‘{typed}’.")
}
/// A folder or pattern in the import prompt that gave no session files.
pub fn import_nothing_at(input: &str) -> String {
    format!("niets gevonden bij {input} (geen .ron-bestanden)")
}
pub fn import_prompt_hint(complete: &str, submit: &str, cancel: &str) -> String {
    format!(" {complete}: aanvullen · {submit}: importeren · {cancel}: annuleren ")
}
pub const SEARCH_PLACEHOLDER: &str = "zoek in notities, reflecties en afspraken…";
pub const IMPORT_TITLE: &str =
    "Sessies van partners importeren (kopieën; de originelen blijven onaangeroerd)";
pub const SEARCH_TITLE: &str = "Zoeken in alle sessies";
/// The actions table's bottom line, wide and short.
pub fn actions_hint(keys: [&str; 6], short: bool) -> String {
    let [open, prev, next, change, add, delete] = keys;
    if short {
        format!(
            " {open}: invullen · {prev}/{next}: kolom · {change}: gedaan · {add}: nieuw · {delete}: weg "
        )
    } else {
        format!(
            " {open}: veld invullen · {prev}/{next}: kolom · {change}: gedaan of koppeling · {add}: nieuw · {delete}: verwijderen "
        )
    }
}

/// The gap on a row of netwerkleiderschap (needed − brought), with what it means.
pub fn gap(delta: i8) -> String {
    match delta {
        0 => "verschil 0: in evenwicht".to_string(),
        d if d > 0 => format!("verschil +{d}: het netwerk vraagt meer dan u inbrengt"),
        d => format!(
            "verschil −{}: u brengt meer in dan nu nodig is",
            d.unsigned_abs()
        ),
    }
}
/// An instrument's list title with the focused column's scale anchors.
pub fn scale_title(low: &str, high: &str) -> String {
    format!("Invullen · 1 = {low} … 5 = {high}")
}
/// Above the definitions of a choice column's levels.
pub fn levels_heading(column: &str) -> String {
    format!("{column}: wat de niveaus betekenen")
}
/// Above the explanations of an instrument's rows.
pub fn rows_heading(row_label: &str) -> String {
    format!("Per {}: wat wordt bedoeld", row_label.to_lowercase())
}
/// The picture of an instrument with a gap: which marker is which.
pub const GAP_PICTURE: &str = " Beeld: ● inbreng  ○ nodig ";
/// The gap column's heading in a report.
pub const GAP_HEADING: &str = "Verschil (nodig − inbreng)";

/// The review of an afspraak from last time, in words.
pub fn review_label(review: Option<crate::session::Review>) -> &'static str {
    use crate::session::Review;
    match review {
        None => "te beoordelen",
        Some(Review::Gedaan) => "gedaan",
        Some(Review::LooptDoor) => "loopt door",
        Some(Review::Vervallen) => "vervallen",
    }
}
/// The review in the narrow "Gedaan" column (the words are on the line under "Wat").
pub fn review_mark(review: Option<crate::session::Review>) -> &'static str {
    use crate::session::Review;
    match review {
        None => "?",
        Some(Review::Gedaan) => "✓",
        Some(Review::LooptDoor) => "→",
        Some(Review::Vervallen) => "✗",
    }
}
/// Under an afspraak from last time: where it comes from, its review and the note.
pub fn carried_line(date: &str, review: Option<crate::session::Review>, note: &str) -> String {
    let review = review_label(review);
    if note.trim().is_empty() {
        format!("van {date} · {review}")
    } else {
        format!("van {date} · {review}: {}", note.trim())
    }
}
/// Above the actions table of a follow-up: how to review last time's afspraken.
pub fn carried_intro(to_review: usize, total: usize, change: &str, edit: &str) -> String {
    let what = if total == 1 {
        "1 afspraak".to_string()
    } else {
        format!("{total} afspraken")
    };
    let status = match to_review {
        0 => "alle beoordeeld".to_string(),
        n if n == total => "te beoordelen".to_string(),
        n => format!("nog {n} te beoordelen"),
    };
    format!(
        "Van vorige keer: {what}, {status}. Op Gedaan: {change} wisselt gedaan / loopt door / vervallen, {edit} schrijft een toelichting."
    )
}

pub fn prompt_hint(submit: &str, cancel: &str) -> String {
    format!(" {submit}: uitvoeren · {cancel}: annuleren ")
}
pub const GROUP_TOO_SMALL: &str = "Voor een groepsbeeld zijn minstens twee sessies nodig over";
pub const GROUP_HOW: &str = "Importeer de sessies van partners met i.";
pub const SEARCH_NOTHING: &str = "Niets gevonden.";
pub const SEARCH_RESULTS: &str = "Gevonden";
pub const EXPORTED: &str = "Rapport geschreven:";
// The export dialog (`x` in a session).
pub const EXPORT_TITLE: &str = "Rapport schrijven (HTML)";
pub const EXPORT_FULL: &str = "Volledig rapport";
pub const EXPORT_FULL_ABOUT: &str = "alles wat u invulde, zonder de notities van de coach";
/// The full report in zelfreflectie: the user's own notes go in.
pub const EXPORT_FULL_ABOUT_OWN: &str = "alles wat u invulde, met uw eigen notities";
pub const EXPORT_RVT: &str = "Versie voor de Raad van Toezicht";
pub const EXPORT_RVT_ABOUT: &str = "samenvatting, scores, aandachtspunten en afspraken";
pub const EXPORT_WITH: &str = "In de RvT-versie ook:";
/// The parts of the RvT version, in the order of `Sections::WORDS`.
pub const EXPORT_PARTS: [&str; 5] = [
    "persoonlijke reflecties",
    "dilemma's",
    "instrumenten",
    "alle 20 antwoorden",
    "notities",
];
pub fn export_hint(toggle: &str, write: &str, cancel: &str) -> String {
    format!(" {toggle}: kiezen · {write}: schrijven · {cancel}: annuleren ")
}
// The group view's panes.
pub const GROUP_PANE_CONDITIONS: &str = "Per conditie";
pub const GROUP_PANE_INDICATOR: &str = "Per indicator";
pub const GROUP_PANE_DILEMMAS: &str = "Dilemma's: posities";
pub const GROUP_ANSWERS: &str = "Antwoorden";
pub const GROUP_NO_DILEMMAS: &str = "Nog niemand koos een positie op een dilemma.";

pub const EXPORT_FAILED: &str = "Rapport niet geschreven";
pub const GROUP_TITLE: &str = "Groepsbeeld";
pub const GROUP_MEAN: &str = "gemiddelde";
pub const GROUP_TOPICS: &str = "Gespreksonderwerpen";
pub const GROUP_DISAGREE: &str = "Hier verschillen de antwoorden het meest:";
pub const GROUP_WEAK: &str = "Zwakke condities (gemiddeld onder 3,0):";
pub fn confirm_trash(delete: &str) -> String {
    format!("Druk nog eens op {delete} om deze sessie naar de prullenbak te verplaatsen.")
}
pub const TRASHED: &str = "Naar de prullenbak verplaatst. Terughalen: kansrijk herstel.";
pub fn quit_unsaved(quit: &str) -> String {
    format!(
        "De laatste wijziging staat nog niet op schijf (zie hierboven); kansrijk probeert het steeds opnieuw. Druk nog eens op {quit} om toch te stoppen."
    )
}
pub const START_LOADING: &str = "Sessies laden…";

// Presentation mode (F2): what a shared screen shows instead of private text.
pub fn start_presenting(presenting: &str, new: &str) -> String {
    format!(
        "Presentatiemodus ({presenting}): de lijst met sessies is verborgen. Druk op {presenting} om hem weer te tonen, of op {new} voor een nieuwe sessie."
    )
}
pub fn list_hidden_presenting(presenting: &str) -> String {
    format!("De lijst met sessies is verborgen in de presentatiemodus. Druk eerst op {presenting}.")
}
pub const NOTE_HIDDEN: &str = "(verborgen in de presentatiemodus)";
pub fn note_refused_presenting(presenting: &str) -> String {
    format!("Notities blijven dicht in de presentatiemodus. Druk eerst op {presenting}.")
}
pub fn coach_refused_presenting(presenting: &str, own: bool) -> String {
    let which = if own {
        "Uw eigen notitie"
    } else {
        "De coachnotitie"
    };
    format!("{which} is privé en blijft dicht in de presentatiemodus. Druk eerst op {presenting}.")
}
pub const SEARCH_SESSION_TITLE: &str = "Zoeken in deze sessie";
pub const SEARCH_PRESENTING_ONLY_OPEN: &str =
    "In de presentatiemodus ziet u alleen treffers uit de open sessie, zonder notities.";

// Reading pages (app::page).
pub const HELP_PAGES: &str = "Lezen:";
pub const PAGE_SOURCE: &str = "Bron:";
pub const ROLE_QUESTION: &str = "Kernvraag:";
pub const ROLE_THEMES: &str = "Thema’s:";
pub const ROLE_DILEMMAS: &str = "Dilemma’s:";
pub const ROLE_CONDITIONS: &str = "Condities:";
pub const ROLE_COMPETENCIES: &str = "Competenties:";

/// The file name alone, shown safely.
fn file_name(path: &std::path::Path) -> String {
    safe(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
    )
}

/// Another program changed the open session's file: its version stays, and work goes on
/// in `to` (short enough for two lines at 80 columns with kansrijk's long file names).
pub fn saved_elsewhere(to: &std::path::Path) -> String {
    format!(
        "Door een ander programma gewijzigd; die versie blijft staan. U werkt verder in {}.",
        file_name(to)
    )
}

/// Texts from the user's own editor, left by a kansrijk that was stopped, are back.
pub fn recovered_from_editor(fields: &[String]) -> String {
    format!(
        "De tekst uit uw eigen editor van een eerder gestopt kansrijk is teruggezet in: {}.",
        fields
            .iter()
            .map(|f| safe(f))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

// Advice from the scan (issue 13) and the reports people hand over (issue 14).
pub const DONT_KNOW_WORDS: &str = "weet niet";
pub const DONT_KNOW_ANSWER: &str = "weet ik niet";
pub const NOT_ANSWERED: &str = "niet beantwoord";
pub const ADVICE_TITLE: &str = "Aandachtspunten";
pub const ADVICE_INTRO: &str =
    "Waar de handreiking u verder helpt bij de condities onder 3,0, de zwakste eerst:";
pub const ADVICE_NONE: &str = "Geen conditie scoort onder 3,0.";
pub const ADVICE_PROMPT: &str = "Om over na te denken";
pub const ADVICE_GENERAL_PROMPT: &str =
    "Wat zou er nodig zijn om deze conditie een punt hoger te krijgen, en wie is daarvoor nodig?";
pub const INSIGHT_TITLE: &str = "Hier is zicht nodig";
pub const INSIGHT_PROMPT: &str = "Wie zou dit wel weten, en hoe komt u het te weten?";
pub const KIND_THEME: &str = "Thema";
pub const KIND_DILEMMA: &str = "Dilemma";
pub const KIND_INSTRUMENT: &str = "Instrument";
pub const SUMMARY_TITLE: &str = "Samenvatting";
pub const SUMMARY_WEAKEST: &str = "Zwakste condities";
pub const SUMMARY_OPEN: &str = "Open afspraken";
pub const SUMMARY_NO_OPEN: &str = "geen";
pub const SUMMARY_SEE_ACTIONS: &str = "zie Acties en afspraken";
pub const ANSWERS_TITLE: &str = "Alle antwoorden";
pub const RVT_TITLE: &str = "Samenvatting voor de Raad van Toezicht";
pub const DRILL_TITLE: &str = "Antwoorden per indicator";
pub const POSITIONS_TITLE: &str = "Dilemma's: de posities naast elkaar";

// "Wat neem ik mee?" and the scan's advice panel (issue 13).
pub const TAKEAWAY_TITLE: &str = "Wat neem ik mee?";
pub const TAKEAWAY_BOX: &str = "Wat neem ik mee?";
pub const TAKEAWAY_DONT_KNOW: &str = "Beantwoord met ‘weet ik niet’";
pub const TAKEAWAY_NO_DONT_KNOW: &str = "Geen vraag beantwoord met ‘weet ik niet’.";
pub const TAKEAWAY_NEXT_STEPS: &str = "Volgende stappen bij dilemma's";
pub const TAKEAWAY_NO_NEXT_STEPS: &str = "Nog geen volgende stap geschreven bij een dilemma.";
pub const TAKEAWAY_ALREADY: &str = "Deze afspraak staat al bij de acties.";
pub const TAKEAWAY_TAKEN: &str = "afspraak";
pub const ADVICE_PANEL_TITLE: &str = "Advies bij de zwakke condities";
pub fn takeaway_intro(go: &str, make: &str) -> String {
    format!("Kies wat u meeneemt: {go} gaat erheen, {make} maakt er een afspraak van.")
}
pub fn takeaway_added(what: &str) -> String {
    format!("Afspraak toegevoegd: {}", safe(what))
}
pub fn takeaway_advice(kind: &str, title: &str, condition: &str) -> String {
    format!("{kind} ‘{title}’ oppakken voor {condition}")
}
pub fn takeaway_find_out(question: &str) -> String {
    format!("Navragen: {question}")
}
/// The closing tile's line, longest first: the overview takes the first that fits.
pub fn takeaway_box(points: usize, taken: usize) -> [String; 3] {
    [
        format!("{points} punten, {taken} als afspraak"),
        format!("{points} punten, {taken} afgesproken"),
        format!("{points} punten"),
    ]
}

// The private note: the coach's in a coachgesprek, one's own in zelfreflectie.
pub const COACH_NOTE: &str = "Notitie van de coach (privé)";
pub const OWN_NOTE: &str = "Mijn notitie";
pub const OWN_NOTE_TITLE: &str = "Mijn notitie (privé)";
pub const SCAN_BOX_SHORT: &str = "Scan";
pub const TAKEAWAY_ABOUT: &str = "De laatste stap: de zwakste condities met wat de handreiking erbij biedt, wat u nog niet weet en uw volgende stappen bij dilemma's. Maak er met één toets een afspraak van.";
pub fn advice_hint(key: &str) -> String {
    format!("{key}: advies")
}

/// The words for the private notes in a report: the coach's, or one's own.
pub struct PrivateNotes {
    pub heading: &'static str,
    pub kicker: &'static str,
    pub none: &'static str,
}

pub fn private_notes(own: bool) -> PrivateNotes {
    if own {
        PrivateNotes {
            heading: "Mijn notities",
            kicker: "Vertrouwelijk — uw eigen notities bij de schermen van het werkboek",
            none: "Er zijn geen eigen notities.",
        }
    } else {
        PrivateNotes {
            heading: "Notities van de coach",
            kicker: "Vertrouwelijk — privé-notities van de coach, op verzoek in dit rapport opgenomen",
            none: "Er zijn geen notities van de coach.",
        }
    }
}

/// How `kansrijk export` says whether the private notes are in the report.
pub fn notes_in_report(own: bool, included: bool) -> &'static str {
    match (own, included) {
        (true, true) => "met uw eigen notities",
        (true, false) => "zonder uw eigen notities",
        (false, true) => "met de notities van de coach",
        (false, false) => "zonder de notities van de coach",
    }
}

/// The private note's name in the key help: the coach's, or in zelfreflectie one's own.
pub const OWN_NOTE_KEY: &str = "mijn notitie (privé)";

/// The private note's title (editor, panel) in a session of `mode`.
pub fn private_note_title(mode: crate::session::Mode) -> &'static str {
    match mode {
        crate::session::Mode::Zelfreflectie => OWN_NOTE_TITLE,
        crate::session::Mode::Coachgesprek => COACH_NOTE,
    }
}

/// The private note in a search hit: "Coachnotitie", or in zelfreflectie "Mijn notitie".
pub fn private_note_short(mode: crate::session::Mode) -> &'static str {
    match mode {
        crate::session::Mode::Zelfreflectie => OWN_NOTE,
        crate::session::Mode::Coachgesprek => "Coachnotitie",
    }
}

/// Above the scan's advice panel.
pub fn advice_intro(go: &str, make: &str) -> String {
    format!("{go} gaat erheen, {make} maakt er een afspraak van.")
}

/// Tab in the import prompt in presentation mode: the candidates are not named.
pub fn completion_hidden(count: usize) -> String {
    format!(
        "{count} namen passen; in de presentatiemodus worden ze niet getoond. Typ verder of druk op F2."
    )
}

/// The overview's actions tile: "1 afspraak, 1 open", "3 afspraken, 2 open".
pub fn actions_tile(total: usize, open: usize) -> String {
    let noun = if total == 1 { "afspraak" } else { "afspraken" };
    format!("{total} {noun}, {open} open")
}

/// On the too-small screen: the key that still works.
pub fn too_small_quit(quit: &str) -> String {
    format!("Stoppen kan met {quit}.")
}
