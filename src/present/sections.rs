//! Which parts go into the RvT version of a report (`--met`, and the checklist of the
//! workbook's export dialog): chosen once, rendered by every format.

/// The parts an RvT version leaves out unless chosen (`--met reflecties,dilemmas,…`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sections {
    /// The personal reflections on the themes.
    pub reflecties: bool,
    /// The dilemmas (positions, what pulls, next steps).
    pub dilemmas: bool,
    /// The instruments.
    pub instrumenten: bool,
    /// All 20 answers.
    pub antwoorden: bool,
    /// The notes per condition and on the dilemmas.
    pub notities: bool,
}

impl Sections {
    /// The words `--met` accepts, in this order.
    pub const WORDS: [&'static str; 5] = [
        "reflecties",
        "dilemmas",
        "instrumenten",
        "antwoorden",
        "notities",
    ];

    /// Parses `reflecties,dilemmas`; the error names the unknown word and the known ones.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut s = Sections::default();
        for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match word.to_lowercase().as_str() {
                "reflecties" => s.reflecties = true,
                "dilemmas" | "dilemma's" => s.dilemmas = true,
                "instrumenten" => s.instrumenten = true,
                "antwoorden" => s.antwoorden = true,
                "notities" => s.notities = true,
                _ => {
                    return Err(format!(
                        "onbekend onderdeel ‘{}’; kies uit {}",
                        crate::text::safe(word),
                        Self::WORDS.join(", ")
                    ));
                }
            }
        }
        Ok(s)
    }
}

impl Sections {
    /// Whether the part at `index` (in the order of [`Sections::WORDS`]) is chosen.
    pub fn get(&self, index: usize) -> bool {
        match index {
            0 => self.reflecties,
            1 => self.dilemmas,
            2 => self.instrumenten,
            3 => self.antwoorden,
            4 => self.notities,
            _ => false,
        }
    }

    /// Chooses the part at `index`, or leaves it out again.
    pub fn toggle(&mut self, index: usize) {
        let part = match index {
            0 => &mut self.reflecties,
            1 => &mut self.dilemmas,
            2 => &mut self.instrumenten,
            3 => &mut self.antwoorden,
            4 => &mut self.notities,
            _ => return,
        };
        *part = !*part;
    }

    /// The chosen parts as `--met` takes them: `reflecties,dilemmas`.
    pub fn words(&self) -> String {
        Self::WORDS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.get(*i))
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::Sections;

    #[test]
    fn toggling_each_part_round_trips_through_its_word() {
        for i in 0..Sections::WORDS.len() {
            let mut s = Sections::default();
            s.toggle(i);
            assert!(s.get(i));
            assert_eq!(Sections::parse(&s.words()), Ok(s));
            s.toggle(i);
            assert_eq!(s, Sections::default());
        }
    }
}
