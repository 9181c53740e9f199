//! Cooperations from sentences: a cooperation expression with the actors around it, the
//! direction from the grammar (active, passive "by", "to", "with", "from"), and a few patterns
//! news text uses for who makes, gives and receives, who reports on whom, and who speaks for
//! whom ("we" in a quotation).

mod phrases;

use super::actors::{Mention, Pronoun, Registry, SPEECH};
use super::gazetteer::{Frame, Gazetteer, Verb};
use super::text::Tokenized;
use crate::model::{ActorKind, CooperationKind};

/// A cooperation the extractor proposes, by candidate positions.
#[derive(Clone, Debug)]
pub struct Link {
    /// Who acts (the giver, the one who thanks).
    pub from: usize,
    /// Who receives or is acted on.
    pub to: usize,
    /// The kind from the expression.
    pub kind: CooperationKind,
    /// False for mutual expressions.
    pub directed: bool,
    /// Sentence that says it.
    pub sentence: usize,
    /// The expression's words.
    pub words: String,
    /// How sure the extractor is.
    pub confidence: f32,
}

/// Words that end a clause for argument search.
pub(super) fn clause_break(word: &str) -> bool {
    matches!(word, ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]" | "but" | "while" | "whereas")
}

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// The links of one sentence.
pub struct SentenceLinks<'a, 't> {
    /// The text.
    pub text: &'a Tokenized<'t>,
    /// The word lists.
    pub gazetteer: &'a Gazetteer,
    /// The sentence.
    pub sentence: usize,
    /// Its mentions, pronouns resolved (a mention with no actors is skipped).
    pub mentions: &'a [Mention],
    /// The first actor of the previous sentence: what a passive with no subject is about.
    pub topic: Option<usize>,
    /// Who received what the previous sentence gave: "The equipment was donated by X" gives
    /// to them.
    pub previous_recipients: &'a [usize],
    /// Who gave in the previous sentence: "The vaccines, manufactured by X," supplied them.
    pub previous_givers: &'a [usize],
    /// The expressions of the previous sentence's gifts ("train"), for "will fund the training".
    pub previous_words: &'a [String],
    /// The candidates, for their kinds.
    pub registry: &'a Registry,
}

/// Whether two words share a stem of four letters or more ("train", "training"; "ship",
/// "shipment").
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 4 || common >= 3 && a.len().min(b.len()) == common
}

impl SentenceLinks<'_, '_> {
    pub(super) fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        crate::extract::actors::lowercase(self.text.word(i))
    }

    /// The mention that starts at token `i`, if any ("Kenya's Ministry of Health" is the
    /// ministry, not Kenya).
    pub(super) fn mention_at(&self, i: usize) -> Option<&Mention> {
        let m = self.mentions.iter().find(|m| m.start == i && !m.actors.is_empty())?;
        if matches!(self.text.word(m.end), "'s" | "’s")
            && let Some(owned) =
                self.mentions.iter().find(|o| o.start == m.end + 1 && !o.actors.is_empty() && o.pronoun.is_none())
        {
            return Some(owned);
        }
        Some(m)
    }

    /// The mention that starts within a few tokens after `i` (people "at" an organisation count
    /// as the organisation) with only small words between
    /// ("to the rest of the world", "by the Chinese humanitarian organization Mammoth").
    pub(super) fn mention_after(&self, i: usize, end: usize, gap: usize) -> Option<&Mention> {
        let mut k = i;
        while k < end && k <= i + gap {
            if let Some(m) = self.mention_at(k) {
                return Some(m);
            }
            let w = self.text.word(k);
            let lower = w.to_lowercase();
            // "to over 76,000 visitors from 152 countries": the visitors, not the countries.
            // "to the surgical ward of the hospital": "of" leads on to the actor.
            let preposition =
                k > i && matches!(lower.as_str(), "from" | "in" | "on" | "by" | "with" | "for" | "to" | "into");
            // A verb ends the search, a noun that looks like one ("our partners") does not.
            let after_determiner = k.checked_sub(1).is_some_and(|p| {
                matches!(&*self.lower(p), "the" | "a" | "an" | "our" | "their" | "its" | "his" | "her")
            });
            // "to building Uganda's capacity": a verb's -ing form is no way to an actor either.
            // "its local partner NGO": a noun, not a verb.
            let noun = matches!(lower.as_str(), "partner" | "partners") && k > i;
            let verb = !noun
                && self.gazetteer.verbs.contains_key(&lower)
                && (k > i && !after_determiner || lower.ends_with("ing") && lower != "funding");
            // "its local partner NGO, ADRA Nepal": an apposition names the actor.
            if w == "," && k > i && self.mention_at(k + 1).is_some() {
                k += 1;
                continue;
            }
            if clause_break(w) || w == "," || w == "." || preposition || verb {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether two mentions are both people or both not: a list joins like with like.
    pub(super) fn same_sort(&self, a: &Mention, b: &Mention) -> bool {
        let person = |m: &Mention| {
            m.actors.first().and_then(|&x| self.registry.candidates.get(x)).is_some_and(|c| c.kind == ActorKind::Person)
        };
        person(a) == person(b)
    }

    /// The mention and those joined to it by "and", "/", "," ("CNCB/NGDC", "X and Y").
    pub(super) fn with_coordinated(&self, first: &Mention, forward: bool) -> Vec<usize> {
        let mut actors = first.actors.clone();
        let mut edge = if forward { first.end } else { first.start };
        loop {
            let joined = if forward {
                let sep = self.text.word(edge);
                if matches!(sep, "and" | "/" | "&" | ",") {
                    let k = if self.text.word(edge + 1) == "the" { edge + 2 } else { edge + 1 };
                    let next = self.mention_at(k).or_else(|| {
                        (sep == "," && self.text.word(k) == "and").then(|| self.mention_at(k + 1)).flatten()
                    });
                    // ", the Ministry of External Affairs said" is the source, not one more recipient.
                    let attribution = |m: &Mention| SPEECH.contains(&&*self.lower(m.end));
                    let possessor = |m: &Mention| matches!(self.text.word(m.end), "'s" | "’s");
                    next.filter(|m| {
                        m.pronoun.is_none()
                            && (sep != "," || self.same_sort(first, m) && !attribution(m) && !possessor(m))
                    })
                } else {
                    None
                }
            } else {
                // "MHF and the University of Koya": the article between is skipped.
                let edge = if edge.checked_sub(1).is_some_and(|k| self.text.word(k).eq_ignore_ascii_case("the")) {
                    edge - 1
                } else {
                    edge
                };
                let sep = edge.checked_sub(1).map(|k| self.text.word(k)).unwrap_or("");
                if matches!(sep, "and" | "/" | "&" | ",") {
                    self.mentions.iter().rev().find(|m| {
                        m.end + 1 == edge
                            && !m.actors.is_empty()
                            && m.pronoun.is_none()
                            && (sep != "," || self.same_sort(first, m))
                    })
                } else {
                    None
                }
            };
            match joined {
                Some(m) => {
                    actors.extend(m.actors.iter().copied());
                    edge = if forward { m.end } else { m.start };
                }
                None => break,
            }
        }
        actors.sort_unstable();
        actors.dedup();
        actors
    }

    /// The subject of the expression at `k`: the nearest actor to its left in the clause; across
    /// "which"/"who" the actor right before it.
    pub(super) fn subject(&self, k: usize, start: usize) -> Option<Vec<usize>> {
        let mut fallback: Option<Vec<usize>> = None;
        let mut partners: Vec<usize> = Vec::new();
        let mut i = k;
        while i > start {
            i -= 1;
            let w = self.lower(i);

            let w: &str = &w;
            // "(NGDC), has provided": a name's acronym in brackets still ends the name.
            let name_ends_here = self.mentions.iter().any(|m| m.end == i + 1 && !m.actors.is_empty());
            if !name_ends_here
                && (clause_break(w)
                    || self.text.tokens.get(i).is_some_and(|t| t.quoted)
                        != self.text.tokens.get(k).is_some_and(|t| t.quoted))
            {
                return fallback;
            }
            if matches!(self.text.word(i), "which" | "who") {
                let before = match i.checked_sub(1) {
                    Some(comma) if self.text.word(comma) == "," => comma,
                    _ => i,
                };
                return self
                    .mentions
                    .iter()
                    .find(|m| m.end == before && !m.actors.is_empty())
                    .map(|m| self.with_coordinated(m, false));
            }
            // "Zipline's first customer": a possessor is no subject.
            let possessor = |m: &&Mention| matches!(self.text.word(m.end), "'s" | "’s");
            if let Some(m) = self.mentions.iter().find(|m| m.end == i + 1 && !m.actors.is_empty() && !possessor(m)) {
                let after_preposition = m.start.checked_sub(1).is_some_and(|p| {
                    let p = if self.lower(p) == "the" { p.saturating_sub(1) } else { p };
                    matches!(
                        &*self.lower(p),
                        "to" | "with" | "from" | "for" | "by" | "in" | "at" | "of" | "on" | "near"
                    )
                });
                if !after_preposition {
                    let mut subject = self.with_coordinated(m, false);
                    subject.extend(partners.iter().copied());
                    return Some(subject);
                }
                // "X, in collaboration with Y, have donated": Y acts with X.
                let with = m.start.checked_sub(1).map(|p| if self.lower(p) == "the" { p.saturating_sub(1) } else { p });
                if let Some(with) = with.filter(|&p| self.lower(p) == "with")
                    && with.checked_sub(1).is_some_and(|p| {
                        matches!(
                            &*self.lower(p),
                            "collaboration"
                                | "partnership"
                                | "together"
                                | "along"
                                | "jointly"
                                | "cooperation"
                                | "conjunction"
                        )
                    })
                {
                    partners.extend(self.with_coordinated(m, true));
                }
                fallback.get_or_insert_with(|| self.with_coordinated(m, false));
                i = m.start;
            }
        }
        fallback
    }

    /// Whether the expression at `k` is passive: a form of "be" before it or "by" just after.
    pub(super) fn passive(&self, k: usize, end: usize) -> bool {
        let be_before = (k.saturating_sub(3)..k).any(|i| BE.contains(&&*self.lower(i)));
        let by_after = (k + 1..(k + 3).min(end)).any(|i| self.lower(i) == "by");
        let participle = self.lower(k).ends_with("ed")
            || matches!(
                &*self.lower(k),
                "given"
                    | "sent"
                    | "sold"
                    | "built"
                    | "made"
                    | "shared"
                    | "done"
                    | "brought"
                    | "paid"
                    | "flown"
                    | "bought"
                    | "taught"
                    | "held"
                    | "led"
                    | "lent"
                    | "spent"
                    | "run"
                    | "met"
                    | "won"
            );
        participle && (be_before || by_after)
    }

    /// The agent after "by".
    pub(super) fn agent(&self, k: usize, end: usize) -> Option<Vec<usize>> {
        let by = (k + 1..(k + 4).min(end)).find(|&i| self.lower(i) == "by")?;
        let m = self.mention_after(by + 1, end, 5).or_else(|| {
            // "by a $2 million grant from the Gates Foundation"
            let from = (by + 1..(by + 9).min(end)).find(|&i| self.lower(i) == "from")?;
            self.mention_after(from + 1, end, 4)
        })?;
        Some(self.with_coordinated(m, true))
    }

    /// The actor after one of `prepositions` to the right of `k` in the clause.
    pub(super) fn after_preposition(&self, k: usize, end: usize, prepositions: &[&str]) -> Option<Vec<usize>> {
        let frame = self.gazetteer.verbs.get(&*self.lower(k)).map(|v| v.frame);
        let mut found: Vec<usize> = Vec::new();
        let mut i = k + 1;
        while i < end && i < k + 25 {
            let w = self.lower(i);

            let w: &str = &w;
            // "a memorandum of understanding (MoU) with": a short name in brackets breaks nothing.
            if w == "(" && self.text.word(i + 2) == ")" {
                i += 3;
                continue;
            }
            if clause_break(w) || matches!(self.text.word(i), "which" | "who" | ".") {
                break;
            }
            // The next predicate of another kind starts its own clause ("sharing ..., and have
            // offered services to ...").
            if self.gazetteer.verbs.get(w).is_some_and(|v| Some(v.frame) != frame)
                && matches!(&*self.lower(i - 1), "and" | "," | "have" | "has" | "had" | "also")
            {
                break;
            }
            if prepositions.contains(&w)
                && let Some(m) = self.mention_after(i + 1, end, 6)
            {
                // "to Nepal and 300,000 doses to Sri Lanka": every one.
                found.extend(self.with_coordinated(m, true));
                i = m.end;
                continue;
            }
            i += 1;
        }
        (!found.is_empty()).then_some(found)
    }

    /// A direct object right after the expression ("trained Kenyan doctors", "thanked China").
    pub(super) fn direct_object(&self, k: usize, end: usize) -> Option<Vec<usize>> {
        let mut i = k + 1;
        if self.mention_at(i).is_none() && matches!(&*self.lower(i), "the" | "its" | "their" | "our") {
            i += 1;
        }
        let m = self.mention_at(i).filter(|_| i < end)?;
        Some(self.with_coordinated(m, true))
    }

    /// Every link the sentence states.
    pub fn links(&self) -> Vec<Link> {
        let Some(sentence) = self.text.sentences.get(self.sentence) else { return Vec::new() };
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut links = Vec::new();
        let mut makers: Vec<usize> = Vec::new();
        let mut givers: Vec<(usize, CooperationKind, String)> = Vec::new();
        let mut unsourced_receivers: Vec<(usize, CooperationKind, String)> = Vec::new();
        let mut ungiven_recipients: Vec<(usize, CooperationKind, String)> = Vec::new();
        let add = |links: &mut Vec<Link>, from: &[usize], to: &[usize], kind, directed, words: &str, confidence| {
            for &a in from {
                for &b in to {
                    if a != b {
                        links.push(Link {
                            from: a,
                            to: b,
                            kind,
                            directed,
                            sentence: self.sentence,
                            words: words.to_owned(),
                            confidence,
                        });
                    }
                }
            }
        };
        let mut k = start;
        while k < end {
            let one = self.lower(k);

            let one: &str = &one;
            let two = format!("{one} {}", self.lower(k + 1));
            let (verb, width): (Verb, usize) = match self.gazetteer.verbs.get(&two) {
                Some(v) => (*v, 2),
                None => match self.gazetteer.verbs.get(one) {
                    Some(v) => (*v, 1),
                    None => {
                        k += 1;
                        continue;
                    }
                },
            };
            // Inside a name ("Technology Daily") a word is no expression.
            if self.mentions.iter().any(|m| m.start <= k && k < m.end) {
                k += 1;
                continue;
            }
            // "handed over the supplies": after a determiner, only an event noun is an expression.
            let determiner = k.checked_sub(1).is_some_and(|p| {
                matches!(
                    &*self.lower(p),
                    "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "this" | "these" | "those"
                )
            });
            let event_noun = ["tion", "ment", "ship", "ance", "ence", "sion", "ude"].iter().any(|e| one.ends_with(e))
                || matches!(
                    one,
                    "memorandum"
                        | "aid"
                        | "talks"
                        | "deal"
                        | "contract"
                        | "exchanges"
                        | "donations"
                        | "grant"
                        | "grants"
                        | "loan"
                        | "loans"
                        | "funding"
                        | "support"
                        | "gift"
                        | "mou"
                        | "mous"
                        | "pledge"
                        | "accord"
                        | "joint"
                );
            // "medical supplies", "medicines and supplies": a noun, not "X supplies Y".
            let plural_noun = matches!(one, "supplies" | "donations" | "deliveries" | "shipments" | "gifts")
                && k.checked_sub(1).is_some_and(|p| {
                    matches!(
                        &*self.lower(p),
                        "medical"
                            | "relief"
                            | "humanitarian"
                            | "food"
                            | "emergency"
                            | "military"
                            | "essential"
                            | "other"
                            | "more"
                            | "and"
                            | "of"
                            | "with"
                            | "new"
                            | "basic"
                            | "health"
                            | "hospital"
                            | "school"
                            | "office"
                    )
                });
            if determiner && !event_noun || plural_noun {
                k += width;
                continue;
            }
            let words = self.text.slice(k, k + width).to_owned();
            let last = k + width - 1;
            let passive = self.passive(last, end) || width == 2 && self.passive(k, end) && self.lower(last + 1) == "by";
            let subject = if k > start && self.lower(k - 1) == "to" {
                // "reached out ... to the rest of the world to support": the clause's subject.
                self.mentions
                    .iter()
                    .filter(|m| m.end <= k && !m.actors.is_empty())
                    .find(|m| {
                        !m.start.checked_sub(1).is_some_and(|p| {
                            matches!(&*self.lower(p), "to" | "with" | "from" | "for" | "by" | "in" | "at" | "of" | "on")
                        })
                    })
                    .map(|m| self.with_coordinated(m, true))
            } else {
                self.subject(k, start)
            };
            // "with Chinese support", "with funding from X": the giver gives to the clause's subject.
            if matches!(verb.frame, Frame::Give | Frame::Fund)
                && let Some(giver) = self.with_support(k, last, start, end)
            {
                if let Some(receiver) = &subject {
                    add(&mut links, &giver, receiver, verb.kind, true, &words, 0.55);
                }
                k += width;
                continue;
            }
            let kind = self.object_kind(k, last, end, verb);
            let verb = Verb { kind, ..verb };
            match verb.frame {
                Frame::Make => {
                    let maker = if passive { self.agent(last, end) } else { subject };
                    makers.extend(maker.unwrap_or_default());
                }
                Frame::Give | Frame::Fund => {
                    let prepositions: &[&str] = match (verb.frame, verb.kind) {
                        (Frame::Fund, _) => &["to", "for", "with", "at"],
                        // "train 12 scientists from the Noguchi institute"
                        (_, CooperationKind::ExpertConsultation) => &["to", "for", "with", "from", "at"],
                        _ => &["to", "for", "with"],
                    };
                    let (doer, recipient) = if passive {
                        // "The grant was awarded the X": an object after the participle receives.
                        let recipient = self
                            .after_preposition(last, end, prepositions)
                            .or_else(|| self.direct_object(last, end).filter(|_| self.lower(last + 1) != "by"));
                        // "The equipment was donated by X": to whoever got the equipment; "The study
                        // is funded by X": for what the text was just about.
                        let doer = self.agent(last, end);
                        // "The grant was awarded the X" (by whom the text was just about).
                        let doer = doer.or_else(|| {
                            let given = recipient.is_some() && self.noun_before_passive(k, start);
                            let before = (!self.previous_givers.is_empty()).then(|| self.previous_givers.to_vec());
                            given.then(|| before.or_else(|| self.topic.map(|t| vec![t]))).flatten()
                        });
                        let recipient = recipient.or_else(|| {
                            if doer.is_none() {
                                None
                            } else if verb.frame == Frame::Fund {
                                self.topic.map(|t| vec![t])
                            } else {
                                (!self.previous_recipients.is_empty()).then(|| self.previous_recipients.to_vec())
                            }
                        });
                        (doer, recipient)
                    } else {
                        // "will fund the training" after "X will train ...": X; "will fund the network"
                        // names no actor, and gets no recipient from the sentence before.
                        let recipient = self
                            .after_preposition(last, end, prepositions)
                            .or_else(|| self.direct_object(last, end))
                            .or_else(|| {
                                let determiner = matches!(&*self.lower(last + 1), "the" | "this" | "these");
                                let noun = self.lower(last + 2);

                                let noun: &str = &noun;
                                let same_act = self.previous_words.iter().any(|w| same_stem(w, noun));
                                (verb.frame == Frame::Fund
                                    && determiner
                                    && same_act
                                    && !self.previous_givers.is_empty())
                                .then(|| self.previous_givers.to_vec())
                            });
                        // "a donation from X to Y", "Japan's grant to Y".
                        let doer = if self.noun_use(k) {
                            self.noun_giver(last, end).or_else(|| self.possessor(k)).or(subject)
                        } else {
                            subject
                        };
                        (doer, recipient)
                    };
                    match (doer, recipient) {
                        (Some(doer), Some(recipient)) => {
                            add(&mut links, &doer, &recipient, verb.kind, true, &words, 0.7);
                            givers.extend(doer.iter().map(|&d| (d, verb.kind, words.clone())));
                        }
                        (Some(doer), None) => givers.extend(doer.iter().map(|&d| (d, verb.kind, words.clone()))),
                        (None, Some(recipient)) if passive => {
                            ungiven_recipients.extend(recipient.iter().map(|&r| (r, verb.kind, words.clone())))
                        }
                        _ => {}
                    }
                }
                Frame::Receive => {
                    let giver = self.after_preposition(last, end, &["from"]);
                    match (subject, giver) {
                        (Some(receiver), Some(giver)) => {
                            add(&mut links, &giver, &receiver, verb.kind, true, &words, 0.65)
                        }
                        (Some(receiver), None) => {
                            unsourced_receivers.extend(receiver.iter().map(|&r| (r, verb.kind, words.clone())))
                        }
                        _ => {}
                    }
                }
                Frame::Mutual => {
                    // "an agreement between X and Y", "signed by X and Y": the parties pair up;
                    // otherwise the subject (or "X's partnership") with whoever is "with" it.
                    let between = self.after_preposition(k, end, &["between"]).filter(|b| b.len() >= 2);
                    let agents = if passive { self.agent(last, end).filter(|a| a.len() >= 2) } else { None };
                    let partner = self.after_preposition(k, end, &["with"]);
                    // "The first MoU is with X": the text's topic is the other party.
                    let subject = self.possessor(k).or(subject).or_else(|| {
                        let article = k.checked_sub(1).is_some_and(|p| {
                            matches!(
                                &*self.lower(p),
                                "the" | "a" | "an" | "this" | "first" | "second" | "third" | "new"
                            )
                        });
                        (article && partner.is_some()).then(|| self.topic.map(|t| vec![t])).flatten()
                    });
                    let mut pairs = Vec::new();
                    match (between.or(agents), subject, partner) {
                        (Some(parties), _, _) | (None, Some(parties), None) if parties.len() >= 2 => {
                            for (x, &p) in parties.iter().enumerate() {
                                for &q in parties.get(x + 1..).unwrap_or_default() {
                                    pairs.push((p, q, 0.55));
                                }
                            }
                        }
                        (None, Some(a), Some(b)) => {
                            pairs.extend(a.iter().flat_map(|&p| b.iter().map(move |&q| (p, q, 0.65))));
                        }
                        _ => {}
                    }
                    for (p, q, confidence) in pairs {
                        let kind = self.mutual_kind(verb.kind, &[p, q]);
                        add(&mut links, &[p], &[q], kind, false, &words, confidence);
                    }
                }
                Frame::Endorse => {
                    if passive {
                        if let Some(doer) = self.agent(last, end) {
                            let object = subject.or_else(|| self.topic.map(|t| vec![t]));
                            if let Some(object) = object {
                                add(&mut links, &doer, &object, verb.kind, true, &words, 0.55);
                            }
                        }
                    } else if let Some(doer) = subject {
                        let object =
                            self.direct_object(last, end).or_else(|| self.after_preposition(last, end, &["to", "for"]));
                        if let Some(object) = object {
                            add(&mut links, &doer, &object, verb.kind, true, &words, 0.65);
                        }
                    }
                }
                Frame::Report => {
                    if passive {
                        // "translated by Wang Yiming from china.org.cn": the body the person is from acts.
                        if let Some(doer) = self.agent(last, end) {
                            let doer = self.body_of_agent(last, end).unwrap_or(doer);
                            if let Some(object) = subject {
                                add(&mut links, &doer, &object, verb.kind, true, &words, 0.55);
                            }
                        }
                    } else if let Some(doer) = subject {
                        let object = self
                            .direct_object(last, end)
                            .or_else(|| self.after_preposition(last, end, &["on", "about"]))
                            .or_else(|| {
                                // "..., the Puget Sound Business Journal reports": on the sentence's first actor.
                                let outlet = doer.iter().all(|&d| {
                                    self.registry.candidates.get(d).is_some_and(|c| c.kind == ActorKind::Media)
                                });
                                let first =
                                    self.mentions.iter().find(|m| m.pronoun.is_none() && !m.actors.is_empty())?;
                                (outlet && first.actors != doer).then(|| first.actors.clone())
                            });
                        if let Some(object) = object {
                            add(&mut links, &doer, &object, verb.kind, true, &words, 0.6);
                        }
                    }
                }
            }
            k += width;
        }
        // "The vaccines, manufactured by X, ...": X supplied the last sentence's giver.
        if givers.is_empty() && ungiven_recipients.is_empty() && unsourced_receivers.is_empty() {
            for &giver in self.previous_givers {
                add(&mut links, &makers, &[giver], CooperationKind::Supply, true, "manufactured", 0.4);
            }
        }
        // Made by A, given by B: A supplies B. Made by A, sent to R: A supplies R.
        for &(giver, _, ref words) in &givers {
            // Partners who make and give together ("X, in collaboration with Y, will develop")
            // do not supply each other.
            if makers.contains(&giver) {
                continue;
            }
            for &maker in &makers {
                add(&mut links, &[maker], &[giver], CooperationKind::Supply, true, words, 0.55);
            }
        }
        for (recipient, kind, words) in &ungiven_recipients {
            if makers.is_empty() {
                // "The sequences were shared with WHO": by what the text was just about.
                if let Some(topic) = self.topic.filter(|t| !ungiven_recipients.iter().any(|r| r.0 == *t)) {
                    add(&mut links, &[topic], &[*recipient], *kind, true, words, 0.4);
                }
            } else {
                add(&mut links, &makers, &[*recipient], *kind, true, words, 0.5);
            }
        }
        // "they had received the kits ... donated by B": B gives to them.
        for (receiver, kind, words) in &unsourced_receivers {
            let from: Vec<usize> =
                if givers.is_empty() { makers.clone() } else { givers.iter().map(|g| g.0).collect() };
            let kind = givers.first().map_or(*kind, |g| g.1);
            add(&mut links, &from, &[*receiver], kind, true, words, 0.5);
        }
        links.extend(self.press_conference());
        links.extend(self.compounds());
        links.extend(self.according_to());
        links
    }

    /// "by Wang Yiming from china.org.cn": china.org.cn.
    fn body_of_agent(&self, k: usize, end: usize) -> Option<Vec<usize>> {
        let by = (k + 1..(k + 4).min(end)).find(|&i| self.lower(i) == "by")?;
        let person = self.mention_after(by + 1, end, 5)?;
        if matches!(&*self.lower(person.end), "from" | "of" | "at") {
            return self.mention_at(person.end + 1).map(|m| m.actors.clone());
        }
        None
    }

    /// "at a press conference organized by the State Council Information Office": the organiser
    /// reports the sentence's speaker.
    fn press_conference(&self) -> Vec<Link> {
        let Some(sentence) = self.text.sentences.get(self.sentence) else { return Vec::new() };
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut links = Vec::new();
        for k in start..end {
            let w = self.lower(k);

            let w: &str = &w;
            if !matches!(w, "conference" | "briefing") {
                continue;
            }
            let by = (k + 1..(k + 4).min(end))
                .find(|&i| matches!(&*self.lower(i), "organized" | "organised" | "held" | "hosted" | "convened"))
                .filter(|&i| self.lower(i + 1) == "by");
            let Some(by) = by else { continue };
            let Some(host) = self.mention_after(by + 2, end, 4) else { continue };
            for m in self.mentions.iter().filter(|m| m.pronoun.is_none()) {
                let speaking =
                    SPEECH.contains(&&*self.lower(m.start.saturating_sub(1))) || SPEECH.contains(&&*self.lower(m.end));
                if speaking {
                    for &h in &host.actors {
                        for &p in &m.actors {
                            if h != p {
                                links.push(Link {
                                    from: h,
                                    to: p,
                                    kind: CooperationKind::Reporting,
                                    directed: true,
                                    sentence: self.sentence,
                                    words: self.text.slice(k.saturating_sub(1), by + 2).to_owned(),
                                    confidence: 0.5,
                                });
                            }
                        }
                    }
                }
            }
        }
        links
    }
}

/// The actor "we" means inside a quotation by `speaker`: a government official speaks for the
/// country, anyone else for their organisation.
pub fn speaker_side(registry: &Registry, speaker: usize) -> usize {
    let body = registry.affiliations.iter().find(|a| a.member == speaker).map(|a| a.body);
    let Some(body) = body else { return speaker };
    let Some(candidate) = registry.candidates.get(body) else { return speaker };
    let government = matches!(candidate.kind, ActorKind::Ministry | ActorKind::GovernmentAgency);
    match (&candidate.country, government) {
        (Some(country), true) => registry.find(country).unwrap_or(body),
        _ => body,
    }
}

/// What the pronouns of a sentence may stand for.
pub struct Antecedents<'a> {
    /// Who "we" is inside a quotation.
    pub we: Option<usize>,
    /// The actors the previous sentence was about.
    pub topic: Option<&'a [usize]>,
    /// The person named last.
    pub last_person: Option<usize>,
    /// Actors named before this sentence, the latest last.
    pub recent: &'a [usize],
    /// The candidates, for their kinds.
    pub registry: &'a Registry,
}

/// Resolves the pronouns of one sentence's mentions: "we" to the speaker's side, "they" to the
/// first actor before it in the sentence (or the topic), "he"/"she" to the last person, "it" to
/// the organisation or country just named, "the two institutions" to the last two named.
pub fn resolve_pronouns(mentions: &mut [Mention], context: &Antecedents<'_>, quoted: impl Fn(usize) -> bool) {
    let kind = |a: usize| context.registry.candidates.get(a).map(|c| (c.kind, c.group));
    let not_person = |a: &usize| kind(*a).is_some_and(|(k, group)| k != ActorKind::Person && !group);
    let mut first: Option<Vec<usize>> = None;
    let mut before: Vec<usize> = context.recent.to_vec();
    let named_here: Vec<usize> =
        mentions.iter().filter(|m| m.pronoun.is_none()).flat_map(|m| m.actors.iter().copied()).collect();
    for m in mentions.iter_mut() {
        match m.pronoun {
            None => {
                if first.is_none() && !m.actors.is_empty() {
                    first = Some(m.actors.clone());
                }
            }
            Some(Pronoun::We) => {
                if quoted(m.start) {
                    m.actors = context.we.into_iter().collect();
                }
            }
            Some(Pronoun::They) => {
                m.actors = first.clone().or_else(|| context.topic.map(<[usize]>::to_vec)).unwrap_or_default();
            }
            Some(Pronoun::Person) => m.actors = context.last_person.into_iter().collect(),
            Some(Pronoun::It) => {
                // Not an actor the sentence names itself ("It will advise the ministry").
                let free = |a: &usize| not_person(a) && !named_here.contains(a);
                let this_sentence = first.as_ref().and_then(|f| f.iter().copied().find(free));
                let topic = context.topic.and_then(|t| t.iter().copied().find(free));
                let recent = context.recent.iter().rev().copied().find(free);
                m.actors = this_sentence.or(topic).or(recent).into_iter().collect();
            }
            Some(Pronoun::Both { kinds }) => {
                let fits = |a: &usize| kind(*a).is_some_and(|(k, group)| !group && kinds.fits(k));
                let mut two: Vec<usize> = Vec::new();
                for &a in before.iter().rev() {
                    if fits(&a) && !two.contains(&a) {
                        two.push(a);
                    }
                    if two.len() == 2 {
                        break;
                    }
                }
                if two.len() == 2 {
                    m.actors = two;
                }
            }
        }
        if m.pronoun.is_none() {
            before.extend(m.actors.iter().copied());
        }
    }
}
