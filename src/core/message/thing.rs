//! The named thing a buyer asks us to send ("Could you send the order form?", "Pourriez-vous
//! m'envoyer le devis ?", "Können Sie mir das Angebot schicken?", "¿Me podría mandar el
//! contrato?"), and how each draft language writes it, so that the reply delivers it: "Here is
//! the contract", "Voici le contrat", "Anbei der Vertrag", "Aquí está el contrato".
//!
//! Reading is done in English, French, German, Spanish, Dutch and Portuguese at once (no
//! language is guessed): lowercase, accents folded (`é` = `e`; German `ae`/`oe`/`ue` read as
//! `ä`/`ö`/`ü`), whole words. A sentence asks for a thing when it has a request (send, share,
//! need, "could we get" …) and names the thing, outside a clause that says it is not needed
//! ("no need to send the contract"), already done or coming from them ("we sent the PO",
//! "I'll send the order form") or asks whether it arrived ("did you get the contract?").

use crate::core::lang::Lang;
use crate::core::phrases::fold_char;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A document or item a buyer asks to be sent.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Thing {
    Contract,
    OrderForm,
    Quote,
    Proposal,
    PilotAgreement,
    /// Security documentation: questionnaire answers, SOC 2 report, ISO certificate, pen test.
    SecurityPack,
    /// Statement of work.
    Sow,
    Invoice,
    PriceList,
    /// Data processing agreement.
    Dpa,
    CaseStudy,
    Slides,
    /// Master services agreement.
    Msa,
    Nda,
    /// Terms and conditions.
    Terms,
    /// Customer references.
    References,
    /// Business case / ROI analysis.
    BusinessCase,
    /// The recording of a call or demo.
    Recording,
    /// The recap, summary or notes of a meeting.
    Recap,
    Agenda,
    /// Datasheet, product sheet, brochure.
    Datasheet,
    /// Product or technical documentation.
    Docs,
    /// A calendar invitation.
    Invite,
}

/// How the draft's language writes a thing.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThingWords {
    /// With its definite article, as the subject: "the contract", "le contrat", "der Vertrag",
    /// "el contrato".
    pub the: &'static str,
    /// German accusative ("den Vertrag"); equal to `the` elsewhere.
    pub the_acc: &'static str,
    /// Grammatical gender, for agreement in French and Spanish ("demandée", "solicitada");
    /// German feminine nouns are marked too.
    pub feminine: bool,
    /// Grammatical number ("Here are the slides", "les conditions générales").
    pub plural: bool,
}

#[allow(dead_code)]
impl Thing {
    pub const ALL: [Thing; 23] = [
        Thing::Contract,
        Thing::OrderForm,
        Thing::Quote,
        Thing::Proposal,
        Thing::PilotAgreement,
        Thing::SecurityPack,
        Thing::Sow,
        Thing::Invoice,
        Thing::PriceList,
        Thing::Dpa,
        Thing::CaseStudy,
        Thing::Slides,
        Thing::Msa,
        Thing::Nda,
        Thing::Terms,
        Thing::References,
        Thing::BusinessCase,
        Thing::Recording,
        Thing::Recap,
        Thing::Agenda,
        Thing::Datasheet,
        Thing::Docs,
        Thing::Invite,
    ];

    /// How `lang` writes this thing.
    pub fn words(self, lang: Lang) -> ThingWords {
        match lang {
            Lang::En => en(self),
            Lang::Fr => fr(self),
            Lang::De => de(self),
            Lang::Es => es(self),
        }
    }
}

// --- How each language writes a thing ---------------------------------------------------------

/// Masculine (or neuter) singular.
const fn m(the: &'static str) -> ThingWords {
    ThingWords {
        the,
        the_acc: the,
        feminine: false,
        plural: false,
    }
}

/// Feminine singular.
const fn f(the: &'static str) -> ThingWords {
    ThingWords {
        the,
        the_acc: the,
        feminine: true,
        plural: false,
    }
}

/// Masculine plural.
const fn mp(the: &'static str) -> ThingWords {
    ThingWords {
        the,
        the_acc: the,
        feminine: false,
        plural: true,
    }
}

/// Feminine plural.
const fn fp(the: &'static str) -> ThingWords {
    ThingWords {
        the,
        the_acc: the,
        feminine: true,
        plural: true,
    }
}

/// A German masculine noun: "der …" as the subject, "den …" as the object.
const fn der(the: &'static str, the_acc: &'static str) -> ThingWords {
    ThingWords {
        the,
        the_acc,
        feminine: false,
        plural: false,
    }
}

fn en(t: Thing) -> ThingWords {
    match t {
        Thing::Contract => m("the contract"),
        Thing::OrderForm => m("the order form"),
        Thing::Quote => m("the quote"),
        Thing::Proposal => m("the proposal"),
        Thing::PilotAgreement => m("the pilot agreement"),
        // "Security pack" is vendor jargon; buyers ask for "security documentation".
        Thing::SecurityPack => m("the security documentation"),
        // Buyers write the abbreviation; "statement of work" reads as legalese in a reply.
        Thing::Sow => m("the SOW"),
        Thing::Invoice => m("the invoice"),
        Thing::PriceList => m("the price list"),
        Thing::Dpa => m("the DPA"),
        Thing::CaseStudy => m("the case study"),
        Thing::Slides => mp("the slides"),
        Thing::Msa => m("the MSA"),
        Thing::Nda => m("the NDA"),
        Thing::Terms => mp("the terms and conditions"),
        Thing::References => mp("the customer references"),
        Thing::BusinessCase => m("the business case"),
        Thing::Recording => m("the recording"),
        Thing::Recap => m("the recap"),
        Thing::Agenda => m("the agenda"),
        Thing::Datasheet => m("the datasheet"),
        Thing::Docs => m("the documentation"),
        Thing::Invite => m("the calendar invite"),
    }
}

fn fr(t: Thing) -> ThingWords {
    match t {
        Thing::Contract => m("le contrat"),
        Thing::OrderForm => m("le bon de commande"),
        // A priced quote is a "devis"; an "offre" is the wider proposal.
        Thing::Quote => m("le devis"),
        Thing::Proposal => f("la proposition commerciale"),
        Thing::PilotAgreement => m("l'accord de pilote"),
        Thing::SecurityPack => m("le dossier sécurité"),
        // French buyers name the SOW by the document that fixes the scope.
        Thing::Sow => m("le cahier des charges"),
        Thing::Invoice => f("la facture"),
        Thing::PriceList => f("la grille tarifaire"),
        // The RGPD's "sous-traitance" wording is for lawyers; sales say "traitement des données".
        Thing::Dpa => m("l'accord de traitement des données"),
        Thing::CaseStudy => f("l'étude de cas"),
        // "La présentation" rather than the anglicism "les slides".
        Thing::Slides => f("la présentation"),
        Thing::Msa => m("le contrat-cadre"),
        Thing::Nda => m("l'accord de confidentialité"),
        Thing::Terms => fp("les conditions générales"),
        Thing::References => fp("les références clients"),
        // The anglicism is what French companies say; "étude de rentabilité" sounds academic.
        Thing::BusinessCase => m("le business case"),
        Thing::Recording => m("l'enregistrement"),
        Thing::Recap => m("le compte rendu"),
        Thing::Agenda => m("l'ordre du jour"),
        Thing::Datasheet => f("la fiche produit"),
        Thing::Docs => f("la documentation"),
        Thing::Invite => f("l'invitation"),
    }
}

fn de(t: Thing) -> ThingWords {
    match t {
        Thing::Contract => der("der Vertrag", "den Vertrag"),
        // "Auftragsformular" is read too; "Bestellformular" is the more common.
        Thing::OrderForm => m("das Bestellformular"),
        // "Angebot" is the priced quote; "Kostenvoranschlag" is an estimate, read as a quote.
        Thing::Quote => m("das Angebot"),
        // "Angebot" is taken by the quote; a proposal is a "Vorschlag".
        Thing::Proposal => der("der Vorschlag", "den Vorschlag"),
        Thing::PilotAgreement => f("die Pilotvereinbarung"),
        Thing::SecurityPack => f("die Sicherheitsdokumentation"),
        Thing::Sow => f("die Leistungsbeschreibung"),
        Thing::Invoice => f("die Rechnung"),
        Thing::PriceList => f("die Preisliste"),
        // The GDPR's own German term (Art. 28); "AVV" is its common short form.
        Thing::Dpa => der(
            "der Auftragsverarbeitungsvertrag",
            "den Auftragsverarbeitungsvertrag",
        ),
        Thing::CaseStudy => f("die Fallstudie"),
        Thing::Slides => fp("die Folien"),
        Thing::Msa => der("der Rahmenvertrag", "den Rahmenvertrag"),
        // More common than "Vertraulichkeitsvereinbarung".
        Thing::Nda => f("die Geheimhaltungsvereinbarung"),
        // "AGB" is plural (Allgemeine Geschäftsbedingungen).
        Thing::Terms => fp("die AGB"),
        Thing::References => fp("die Kundenreferenzen"),
        Thing::BusinessCase => der("der Business Case", "den Business Case"),
        Thing::Recording => f("die Aufzeichnung"),
        Thing::Recap => f("die Zusammenfassung"),
        Thing::Agenda => f("die Agenda"),
        Thing::Datasheet => m("das Datenblatt"),
        Thing::Docs => f("die Dokumentation"),
        Thing::Invite => f("die Kalendereinladung"),
    }
}

fn es(t: Thing) -> ThingWords {
    match t {
        Thing::Contract => m("el contrato"),
        // "Orden de compra" is read too, but it is also the buyer's own purchase order.
        Thing::OrderForm => m("el formulario de pedido"),
        // Spain says "presupuesto"; Latin America "cotización" (read as well).
        Thing::Quote => m("el presupuesto"),
        Thing::Proposal => f("la propuesta"),
        Thing::PilotAgreement => m("el acuerdo de piloto"),
        Thing::SecurityPack => f("la documentación de seguridad"),
        // The literal "declaración de trabajo" is rare; buyers speak of the scope.
        Thing::Sow => m("el documento de alcance"),
        Thing::Invoice => f("la factura"),
        Thing::PriceList => f("la lista de precios"),
        Thing::Dpa => m("el acuerdo de tratamiento de datos"),
        // Spanish marketing says "caso de éxito" for a customer case study.
        Thing::CaseStudy => m("el caso de éxito"),
        Thing::Slides => f("la presentación"),
        Thing::Msa => m("el contrato marco"),
        Thing::Nda => m("el acuerdo de confidencialidad"),
        Thing::Terms => mp("los términos y condiciones"),
        Thing::References => fp("las referencias de clientes"),
        Thing::BusinessCase => m("el caso de negocio"),
        Thing::Recording => f("la grabación"),
        Thing::Recap => m("el resumen"),
        Thing::Agenda => f("la agenda"),
        Thing::Datasheet => f("la ficha técnica"),
        Thing::Docs => f("la documentación"),
        Thing::Invite => f("la invitación"),
    }
}

// --- What a buyer writes, per language ----------------------------------------------------------
//
// Patterns, matched on folded words (write them without accents, apostrophes as spaces:
// "m envoyer"):
// - `(a|b c|)` one of the alternatives; an empty one makes the slot optional;
// - `*` skips up to three words (`* *` up to six);
// - `word+` is `word` with an object pronoun attached: Spanish "enviarme", "envíenos",
//   "mándamelo" (`enviar+`, `envie+`, `manda+`).

type Words = &'static [&'static str];

/// One language's reading lists. All languages are matched together.
struct Reading {
    #[cfg_attr(not(test), allow(dead_code))]
    code: &'static str,
    /// What names each thing. At one place the longest match wins ("pilot agreement" over
    /// "agreement").
    things: &'static [(Thing, Words)],
    /// Asking us to send, share or provide something, or saying they need it.
    ask: Words,
    /// Saying it is not needed: nothing in the clause is asked for.
    not: Words,
    /// Something done or about to be done on their side, or a question whether it arrived:
    /// nothing in the clause is asked for, unless a request comes first in the clause ("could
    /// you resend the contract you sent?") or the clause has a negation ("we have not
    /// received the contract").
    done: Words,
}

const EN: Reading = Reading {
    code: "en",
    things: &[
        (
            Thing::Contract,
            &[
                "(contract|contracts|agreement|agreements|paperwork|docusign)",
                "(signature|signing|docusign|e signature|esignature) link",
            ],
        ),
        (
            Thing::OrderForm,
            &[
                "order (form|forms|sheet|confirmation|document)",
                "ordering document",
                "purchase (order|orders)",
                "po",
            ],
        ),
        (
            Thing::Quote,
            &[
                "(quote|quotes|quotation|quotations|estimate|estimates)",
                "(price|pricing|cost) (quote|estimate|proposal)",
                "(formal|final|updated|revised|new|official|written|best|your|an) offer",
            ],
        ),
        (Thing::Proposal, &["(proposal|proposals)"]),
        (
            Thing::PilotAgreement,
            &[
                "pilot (agreement|contract|terms|order form|sow)",
                "(poc|proof of concept|trial|evaluation) (agreement|contract|terms)",
            ],
        ),
        (
            Thing::SecurityPack,
            &[
                "security (pack|package|packet|documentation|docs|documents|document|questionnaire|questionnaires|review|assessment|whitepaper|white paper|overview|policy|policies|certification|certifications|certificate|certificates|report|reports|information|info|details|answers|attestation)",
                "(infosec|information security|it security) (questionnaire|review|documentation|docs|package|policy)",
                "vendor (security|risk) (questionnaire|assessment)",
                "soc (2|ii|1)",
                "(soc2|soc1|caiq|hecvat)",
                "iso (27001|certificate|certification)",
                "iso27001",
                "(pen|penetration) (test|testing) (report|results|summary|)",
                "pentest",
            ],
        ),
        (
            Thing::Sow,
            &[
                "(sow|sows)",
                "(statement|statements|scope) of work",
                "(scope|scoping) document",
            ],
        ),
        (
            Thing::Invoice,
            &["(invoice|invoices)", "(pro forma|proforma) (invoice|)"],
        ),
        (
            Thing::PriceList,
            &[
                "(pricing|prices|pricelist|pricebook)",
                "(price|pricing) (list|lists|sheet|book)",
                "rate card",
                "cost breakdown",
                "fee schedule",
            ],
        ),
        (
            Thing::Dpa,
            &[
                "(dpa|dpas)",
                "data (processing|protection) (agreement|addendum|terms)",
                "gdpr (addendum|agreement|terms|dpa)",
            ],
        ),
        (
            Thing::CaseStudy,
            &["case (study|studies)", "(customer|success) (story|stories)"],
        ),
        (
            Thing::Slides,
            &[
                "(slides|slide|deck|decks|presentation|presentations|powerpoint|ppt)",
                "(slide|pitch) deck",
            ],
        ),
        (
            Thing::Msa,
            &[
                "(msa|msas)",
                "master (services|service|subscription|purchase|) agreement",
                "master contract",
                "framework agreement",
            ],
        ),
        (
            Thing::Nda,
            &[
                "(nda|ndas|mnda)",
                "mutual nda",
                "(mutual|) (non disclosure|nondisclosure|confidentiality) agreement",
            ],
        ),
        (
            Thing::Terms,
            &[
                "terms",
                "terms (and|) conditions",
                "(t cs|tcs)",
                "terms of (service|use|business|sale)",
                "(general|standard|commercial|payment) terms",
            ],
        ),
        (
            Thing::References,
            &[
                "(reference|references|referrals)",
                "(customer|client) (references|reference)",
                "reference (customers|customer|contacts|contact|accounts|clients|list)",
            ],
        ),
        (
            Thing::BusinessCase,
            &[
                "business case",
                "roi (analysis|calculation|calculator|model|study|estimate|deck|document|numbers|)",
                "tco (analysis|calculation|model)",
                "cost benefit analysis",
                "value (assessment|analysis)",
            ],
        ),
        (
            Thing::Recording,
            &[
                "(recording|recordings|replay)",
                "video of the (demo|call|meeting|session|webinar)",
            ],
        ),
        (
            Thing::Recap,
            &[
                "(recap|summary|notes)",
                "(meeting|call) (notes|minutes|summary|recap)",
                "(the|meeting) minutes",
                "minutes of",
            ],
        ),
        (Thing::Agenda, &["(agenda|agendas)"]),
        (
            Thing::Datasheet,
            &[
                "(datasheet|datasheets|brochure|brochures|onepager|collateral|specs|specifications)",
                "data (sheet|sheets)",
                "one pager",
                "(product|fact|spec) (sheet|sheets)",
                "product (overview|brochure|specs|specifications|information|info)",
                "technical (specifications|specs)",
                "marketing (material|materials|collateral)",
            ],
        ),
        (
            Thing::Docs,
            &[
                "(documentation|docs|manual)",
                "(technical|product|api) (documentation|docs)",
                "api (reference|spec)",
                "(user|admin|integration|implementation|installation) (guide|guides|manual|manuals)",
            ],
        ),
        (
            Thing::Invite,
            &[
                "(invite|invites|invitation)",
                "(calendar|meeting|outlook|teams|zoom|webex) (invite|invitation|hold|link)",
                "google meet (invite|link)",
            ],
        ),
    ],
    ask: &[
        "(send|resend|forward|share|provide|attach|upload|prepare)",
        "re send",
        "(put together|draw up|write up)",
        "(shoot|pass) (me|us|it|over|along|on)",
        "(email|e mail|mail) (me|us|it|over|them|that|this|the|a|an|your)",
        "get (me|us) (the|a|an|your|that|this|those|these|some|copy)",
        "(can|could|may|might) (i|we) (please|also|just|) (get|have|see|receive|grab|obtain|request|review|expect)",
        "(i|we) * need (the|a|an|your|some|copy|copies|that|this|those|these|any|updated|revised|latest|final|signed|current|new|to see|to get|to have|to receive|to review)",
        "(legal|procurement|finance|security|team|cfo|ceo|cto|ciso|boss|manager) (needs|requires|will need|would need|ll need|d need) (the|a|an|your|some|copy|to see)",
        "(i|we) (d|would|should) (like|love|appreciate|want) (the|a|an|your|some|copy|to see|to get|to have|to receive|to review|to request)",
        "(i|we) (want|wanted) (the|a|an|your|to see|to get|to have|to receive|to review)",
        "(request|requesting) (the|a|an|your)",
        "looking forward to (receiving|getting|seeing) (the|your|a|an)",
        "(waiting|wait) (for|on) (the|your|a|an)",
        "(do|would|will) you (mind|be able to) (sending|sharing|forwarding|providing|emailing)",
        "still missing",
        "where (can|do) (i|we) (find|get|download)",
    ],
    not: &[
        "no need",
        "(don t|dont|do not|doesn t|does not|won t|will not|wont|needn t|need not) (need|send|share|forward|require|bother)",
        "no longer (need|needed|required|necessary)",
        "(not|isn t|aren t) (necessary|required|needed)",
        "hold off",
        "(disregard|never mind|nevermind)",
    ],
    done: &[
        "(i|we|you|they|he|she|legal|procurement) (sent|shared|forwarded|signed|received|got|returned|submitted|emailed|countersigned|uploaded|attached|approved)",
        "(i|we|you|they) (ve|have|had|already|just) (already|just|) (sent|shared|forwarded|signed|received|got|gotten|returned|submitted|emailed|countersigned|uploaded|attached|approved)",
        "(did|have|has) (you|they|legal|procurement) (already|) (get|got|gotten|receive|received|see|seen) (the|my|our|it|that|this|those|these|a copy|an)",
        "(did|have|has) (you|they|he|she) (already|) (send|sent|share|shared|forward|forwarded|sign|signed)",
        "(is|are|was|were|been) (signed|sent|received|approved|countersigned|executed|attached|submitted|returned|uploaded)",
        "(please|) find attached",
        "attached (is|are|please|you ll|you will|the|our|my)",
        "(i|we) (am|m|are|re) (sending|attaching|forwarding|sharing|returning|uploading)",
        "(i|we) (will|ll|can|shall|could|am going to|m going to|are going to|re going to|plan to|intend to) (send|share|forward|email|provide|return|attach|upload|sign|get|prepare)",
        "(can|could|shall|should) (i|we) (send|share|forward|provide|email)",
        "(let me|lemme) (send|share|forward|get)",
        "(happy|glad) to (send|share|provide)",
        "here (is|are|s)",
        "(thanks|thank you|thx) (again|so much|) for",
        "yesterday",
        "last (week|month|friday|monday|tuesday|wednesday|thursday)",
        "earlier today",
    ],
};

const FR: Reading = Reading {
    code: "fr",
    things: &[
        (
            Thing::Contract,
            &[
                "(contrat|contrats|docusign)",
                "lien (de signature|docusign)",
                "(document|documents) (a signer|de signature)",
            ],
        ),
        (
            Thing::OrderForm,
            &[
                "(bon|bons) de commande",
                "(bdc)",
                "formulaire de commande",
            ],
        ),
        (
            Thing::Quote,
            &[
                "(devis|cotation|chiffrage|estimation)",
                "offre (tarifaire|de prix|chiffree)",
            ],
        ),
        (
            Thing::Proposal,
            &[
                "(proposition|propositions) (commerciale|commerciales|technique|financiere|)",
                "(offre|offres) (commerciale|commerciales|)",
            ],
        ),
        (
            Thing::PilotAgreement,
            &["(contrat|accord|convention) (de|du|) (pilote|poc|test)"],
        ),
        (
            Thing::SecurityPack,
            &[
                "(dossier|documentation|documents|questionnaire|politique|pack|elements) (de|) securite",
                "questionnaire (ssi|rssi|cyber|cybersecurite)",
                "(rapport|certificat|attestation) soc (2|ii)",
                "(certificat|certification) iso (27001|)",
                "(rapport|resultats) (de|du|des|d) (pentest|test d intrusion|tests d intrusion)",
                "test d intrusion",
                "plan d assurance securite",
            ],
        ),
        (
            Thing::Sow,
            &[
                "cahier des charges",
                "enonce des travaux",
                "perimetre (du projet|des travaux|de la prestation)",
                "description des prestations",
            ],
        ),
        (
            Thing::Invoice,
            &["(facture|factures)", "facture pro forma"],
        ),
        (
            Thing::PriceList,
            &[
                "(grille|grilles) tarifaire",
                "(grille|grilles) tarifaires",
                "(grille|liste) (des|de) (prix|tarifs)",
                "(tarifs|tarif|tarification|prix)",
                "catalogue (tarifaire|de prix)",
            ],
        ),
        (
            Thing::Dpa,
            &[
                "accord (de|sur le|relatif au) traitement des donnees",
                "(avenant|annexe|accord|contrat) rgpd",
                "(contrat|accord) de sous traitance (rgpd|des donnees|)",
            ],
        ),
        (
            Thing::CaseStudy,
            &[
                "(etude|etudes) de cas",
                "(cas|temoignage|temoignages) (client|clients)",
                "retour d experience",
            ],
        ),
        (
            Thing::Slides,
            &[
                "(diapositives|diapos)",
                "(support|supports) (de presentation|de la presentation|de la reunion|de la demo)",
            ],
        ),
        (
            Thing::Msa,
            &["(contrat|accord) cadre", "contrats cadres"],
        ),
        (
            Thing::Nda,
            &["(accord|engagement|contrat) de (confidentialite|non divulgation)"],
        ),
        (
            Thing::Terms,
            &[
                "conditions generales (de vente|de service|de services|d utilisation|)",
                "(cgv|cgu|cgs)",
                "conditions (commerciales|contractuelles|de paiement)",
            ],
        ),
        (
            Thing::References,
            &[
                "(references|reference) (clients|client)",
                "(contacts|clients) de reference",
            ],
        ),
        (
            Thing::BusinessCase,
            &[
                "(etude|calcul|analyse) (de|du) roi",
                "(analyse|etude) de rentabilite",
            ],
        ),
        (
            Thing::Recording,
            &[
                "(enregistrement|enregistrements|rediffusion)",
                "video de la (demo|demonstration|reunion|session|presentation)",
            ],
        ),
        (
            Thing::Recap,
            &[
                "(compte|comptes) (rendu|rendus)",
                "(recapitulatif|synthese|resume)",
                "notes (de la reunion|de reunion|de l appel)",
            ],
        ),
        (Thing::Agenda, &["ordre du jour"]),
        (
            Thing::Datasheet,
            &[
                "(fiche|fiches) (produit|produits|technique|techniques|de presentation)",
                "(plaquette|plaquettes)",
                "documentation commerciale",
            ],
        ),
        (
            Thing::Docs,
            &[
                "documentation (technique|utilisateur|api|de l api)",
                "doc technique",
                "guide (utilisateur|d utilisation|d installation|d integration)",
                "manuel (utilisateur|d utilisation)",
            ],
        ),
        (
            Thing::Invite,
            &[
                "invitation (calendrier|outlook|teams|zoom)",
                "invitations",
                "lien (de la reunion|teams|zoom|de connexion|visio|de visio)",
            ],
        ),
    ],
    ask: &[
        "(envoyer|envoyez|renvoyer|renvoyez|transmettre|transmettez|retransmettre|partager|partagez|communiquer|communiquez|adresser|adressez|fournir|fournissez|transferer|transferez|etablir|etablissez|preparer|preparez|rediger|redigez)",
        "(faire|faites) (parvenir|suivre)",
        "(faire|faites) (moi|nous|m) (un|une|parvenir|suivre)",
        "faire (un|une) (devis|proposition|offre)",
        "(envoie|transmets|partage|adresse|renvoie|fais parvenir) (moi|nous)",
        "(m|nous) (envoies|envoie|transmets|partages|adresses|renvoies)",
        "(pourrais|pourrait|pourrions|pourriez|pouvez|peux|puis|pouvons|peut) (je|on|nous|vous|tu|) (avoir|recevoir|obtenir|consulter|voir|disposer)",
        "(possible|moyen) (de|d) (recevoir|avoir|obtenir|consulter)",
        "(aimerais|aimerions|souhaiterais|souhaiterions|souhaite|souhaitons|voudrais|voudrions|veux|voulons) (bien|) (recevoir|avoir|obtenir|consulter|voir)",
        "besoin (du|de la|des|d un|d une|de l|de votre|de vos|de ton|de tes|de ce|de cette|de ces)",
        "il (nous|me) (faut|faudrait|manque|manquerait)",
        "dans l attente (du|de la|de l|des|de votre|de vos)",
    ],
    not: &[
        "(pas|plus) (besoin|la peine|necessaire|utile)",
        "inutile (de|d)",
        "n (envoyez|envoie|transmettez) pas",
        "ne (m|nous) (envoyez|envoie|transmettez) pas",
        "(annulez|annuler|oubliez|oublier) (le|la|les|ma|notre|l)",
    ],
    done: &[
        "(je|nous|j) (vous|te|t) (envoie|envoyons|transmets|transmettons|adresse|adressons|joins|joignons|renvoie|renvoyons|enverrai|enverrons|transmettrai|transmettrons|ferai parvenir|ferons parvenir)",
        "(je|nous|j) (vous|te|t) (ai|avons) (envoye|envoyee|transmis|transmise|adresse|renvoye|fait parvenir|retourne|partage)",
        "(j|nous) (ai|avons) (bien|deja|) (recu|recue|signe|signee|envoye|envoyee|transmis|retourne|valide|renvoye|eu)",
        "(vous|tu) (avez|as) (bien|deja|) (recu|recue|eu|vu)",
        "(avez|as) (vous|tu) (bien|deja|) (recu|recue|eu|vu)",
        "(est|sont|a ete|ont ete|etait|etaient) (bien|deja|) (signe|signee|signes|signees|envoye|envoyee|envoyes|recu|recue|valide|validee|parti|partie|transmis|transmise)",
        "(je|nous) (vais|allons) (vous|te|) (envoyer|transmettre|faire parvenir|renvoyer|signer|retourner|adresser)",
        "(je|nous|on) (peux|pouvons|peut) (vous|te) (envoyer|transmettre)",
        "ci (joint|jointe|joints)",
        "(veuillez|vous) trouver",
        "vous trouverez",
        "(voici|voila)",
        "merci (beaucoup|bien|) pour",
        "(hier|avant hier)",
        "(la semaine|le mois) dernier",
        "(la semaine) derniere",
    ],
};

const DE: Reading = Reading {
    code: "de",
    things: &[
        (
            Thing::Contract,
            &[
                "(vertrag|vertrage|vertrages|vertrags|vertragsunterlagen|vertragsentwurf|vertragsdokumente|unterschriftslink)",
                "docusign (link|)",
            ],
        ),
        (
            Thing::OrderForm,
            &[
                "(bestellformular|bestellformulars|bestellformulare|auftragsformular|auftragsformulars|auftragsformulare|bestellschein|auftragsbestatigung|bestellbestatigung)",
            ],
        ),
        (
            Thing::Quote,
            &[
                "(angebot|angebots|angebote|angebotes|kostenvoranschlag|kostenvoranschlags|kostenvoranschlage|preisangebot|preisangebots|kostenschatzung|offerte)",
            ],
        ),
        (
            Thing::Proposal,
            &[
                "(vorschlag|vorschlags|vorschlage|konzept|konzepts|losungsvorschlag|projektvorschlag|angebotskonzept)",
            ],
        ),
        (
            Thing::PilotAgreement,
            &[
                "(pilotvereinbarung|pilotvertrag|pilotvertrags|testvereinbarung)",
                "poc (vereinbarung|vertrag)",
                "vereinbarung (fur|zum|uber) (das|den|) (pilotprojekt|pilot|poc|test)",
            ],
        ),
        (
            Thing::SecurityPack,
            &[
                "(sicherheitsdokumentation|sicherheitsunterlagen|sicherheitsfragebogen|sicherheitsfragebogens|sicherheitskonzept|sicherheitsnachweise|penetrationstest)",
                "it (sicherheitskonzept|sicherheitsfragebogen|sicherheitsdokumentation)",
                "security (unterlagen|dokumentation|fragebogen|paket)",
                "soc (2|ii) (bericht|report|testat)",
                "iso (27001|) (zertifikat|zertifizierung)",
                "pentest (bericht|ergebnisse)",
                "(toms)",
                "technische und organisatorische massnahmen",
            ],
        ),
        (
            Thing::Sow,
            &["(leistungsbeschreibung|leistungsbeschreibungen|leistungsverzeichnis|leistungsumfang|pflichtenheft)"],
        ),
        (
            Thing::Invoice,
            &[
                "(rechnung|rechnungen|proformarechnung|vorabrechnung)",
                "pro forma rechnung",
            ],
        ),
        (
            Thing::PriceList,
            &["(preisliste|preislisten|preise|preisubersicht|preisinformationen|preisinfos|preisgestaltung|preisstruktur|konditionen)"],
        ),
        (
            Thing::Dpa,
            &[
                "(auftragsverarbeitungsvertrag|auftragsverarbeitungsvertrags|auftragsverarbeitungsvereinbarung|avv|adv)",
                "(av|adv) vertrag",
                "(vereinbarung|vertrag) zur auftragsverarbeitung",
                "dsgvo vertrag",
            ],
        ),
        (
            Thing::CaseStudy,
            &["(fallstudie|fallstudien|referenzstudie|anwenderbericht|anwenderberichte|erfolgsgeschichte|erfolgsgeschichten|kundenbericht)"],
        ),
        (
            Thing::Slides,
            &["(folien|foliensatz|prasentation|prasentationen|prasentationsfolien|charts)"],
        ),
        (
            Thing::Msa,
            &["(rahmenvertrag|rahmenvertrags|rahmenvertrage|rahmenvereinbarung)"],
        ),
        (
            Thing::Nda,
            &["(geheimhaltungsvereinbarung|vertraulichkeitsvereinbarung|verschwiegenheitserklarung|verschwiegenheitsvereinbarung|geheimhaltungserklarung)"],
        ),
        (
            Thing::Terms,
            &[
                "(agb|agbs|geschaftsbedingungen|vertragsbedingungen|nutzungsbedingungen|lizenzbedingungen|zahlungsbedingungen)",
                "allgemeine (geschaftsbedingungen)",
                "allgemeinen (geschaftsbedingungen)",
            ],
        ),
        (
            Thing::References,
            &["(referenzen|kundenreferenzen|referenzkunden|referenzkontakte|referenzliste|referenz)"],
        ),
        (
            Thing::BusinessCase,
            &[
                "(wirtschaftlichkeitsberechnung|wirtschaftlichkeitsanalyse)",
                "roi (berechnung|analyse)",
                "kosten nutzen analyse",
                "tco berechnung",
            ],
        ),
        (
            Thing::Recording,
            &[
                "(aufzeichnung|aufzeichnungen|aufnahme|mitschnitt)",
                "video (der|von der|vom) (demo|prasentation|termin|call)",
            ],
        ),
        (
            Thing::Recap,
            &["(zusammenfassung|protokoll|gesprachsprotokoll|gesprachsnotizen|notizen|besprechungsprotokoll)"],
        ),
        (Thing::Agenda, &["(tagesordnung)"]),
        (
            Thing::Datasheet,
            &["(datenblatt|datenblatter|produktdatenblatt|produktblatt|broschure|produktbroschure|infomaterial|informationsmaterial|produktinformationen|factsheet|produktubersicht|flyer)"],
        ),
        (
            Thing::Docs,
            &[
                "(dokumentation|produktdokumentation|handbuch|benutzerhandbuch|anleitung|doku)",
                "(technische|api) dokumentation",
            ],
        ),
        (
            Thing::Invite,
            &[
                "(einladung|kalendereinladung|termineinladung|einladungslink)",
                "(teams|zoom|meeting) (einladung|link)",
            ],
        ),
    ],
    ask: &[
        "(schicken|schickt|schick|schicke|zuschicken|senden|sendet|zusenden|ubersenden|ubersendet|ubermitteln|ubermittelt|weiterleiten|zukommen|mailen|zumailen|nachreichen|bereitstellen|erstellen|ausarbeiten|anfordern)",
        "zur verfugung (stellen|stellt)",
        "(mit uns|mit mir) teilen",
        "teilen sie (uns|mir) (die|den|das|ihre|ihren|ihr)",
        "(brauchen|brauche|brauchten|benotigen|benotige|benotigten) (wir|ich)",
        "(wir|ich) * (brauchen|brauche|brauchten|benotigen|benotige|benotigten)",
        "(hatten|hatte) (gerne|gern)",
        "(mochten|mochte|wurden|wurde) * * (haben|erhalten|bekommen|sehen)",
        "(konnen|konnten|kann|konnte|durfen|durften|darf|durfte) (wir|ich) * * (bekommen|erhalten|haben|sehen|einsehen)",
        "bitte um",
        "(zusendung|ubersendung|ubermittlung|zustellung)",
        "(freuen|freue) (uns|mich) auf",
        "(fehlt|fehlen) (uns|mir)",
        "(uns|mir) (fehlt|fehlen)",
        "(warten|warte) (noch|) auf",
        "wo (finde|finden|bekomme|bekommen) (ich|wir)",
    ],
    not: &[
        "nicht (notig|notwendig|erforderlich|schicken|senden|zusenden)",
        "(brauchen|brauche|brauchten|benotigen|benotige) (kein|keine|keinen)",
        "(brauchen|brauche|benotigen|benotige) * nicht",
        "(kein|keine|keinen) * (notig|notwendig|erforderlich)",
        "(mussen|musst|brauchen|braucht) (sie|du|ihr) * * nicht",
        "(erubrigt|erledigt) sich",
        "hat sich erledigt",
    ],
    done: &[
        "(haben|hast|habt) (sie|du|ihr) * * (erhalten|bekommen|gesehen|empfangen)",
        "(ist|sind|war|waren) * * (angekommen|eingegangen|unterschrieben|unterzeichnet|verschickt|versendet|raus|gegengezeichnet|freigegeben)",
        "(wir|ich) (haben|habe|hatten|hatte) * * (geschickt|gesendet|versendet|verschickt|erhalten|bekommen|unterschrieben|unterzeichnet|ubermittelt|weitergeleitet|zugeschickt|zugesendet|freigegeben)",
        "(wurde|wurden) * * (geschickt|gesendet|versendet|verschickt|unterschrieben|unterzeichnet|ubermittelt)",
        "(ich|wir) (schicke|schicken|sende|senden|leite|leiten|ubermittle|ubermitteln|werde|werden|lasse|lassen) (ihnen|dir|euch)",
        "(ich|wir) (werde|werden) * * (schicken|senden|zusenden|ubermitteln|weiterleiten|zukommen)",
        "(soll|sollen) (ich|wir) (ihnen|dir|euch)",
        "anbei",
        "im anhang",
        "(danke|dank) (fur|fuer)",
        "(gestern|vorgestern)",
        "(letzte|letzten|vergangene|vergangenen|vorige|vorigen) (woche|monat)",
    ],
};

const ES: Reading = Reading {
    code: "es",
    things: &[
        (
            Thing::Contract,
            &[
                "(contrato|contratos|docusign)",
                "enlace de (firma|docusign)",
                "(documentacion|documentos) para (firmar|la firma)",
            ],
        ),
        (
            Thing::OrderForm,
            &[
                "(orden|ordenes) de (compra|pedido)",
                "(formulario|formularios|hoja|nota) de pedido",
            ],
        ),
        (
            Thing::Quote,
            &[
                "(presupuesto|presupuestos|cotizacion|cotizaciones)",
                "(oferta|propuesta) economica",
                "estimacion de (costos|costes)",
            ],
        ),
        (
            Thing::Proposal,
            &["(propuesta|propuestas) (comercial|comerciales|tecnica|)"],
        ),
        (
            Thing::PilotAgreement,
            &["(acuerdo|contrato) (de|del|) (piloto|poc|prueba)"],
        ),
        (
            Thing::SecurityPack,
            &[
                "(documentacion|documentos|cuestionario|paquete|informacion|politica|politicas) de seguridad",
                "informe soc (2|ii)",
                "(certificado|certificacion) iso (27001|)",
                "informe (de|del) (pentest|pruebas de penetracion)",
            ],
        ),
        (
            Thing::Sow,
            &[
                "documento de alcance",
                "alcance (del proyecto|de los trabajos|del trabajo|de servicios|de los servicios)",
                "declaracion de trabajo",
                "descripcion de (servicios|los servicios)",
            ],
        ),
        (
            Thing::Invoice,
            &["(factura|facturas)", "factura proforma"],
        ),
        (
            Thing::PriceList,
            &[
                "(lista|listas|tabla) de (precios|tarifas)",
                "(tarifas|tarifa|precios|tarifario)",
            ],
        ),
        (
            Thing::Dpa,
            &[
                "acuerdo de (tratamiento|procesamiento|proteccion) de datos",
                "contrato de (encargado del tratamiento|tratamiento de datos|encargo de tratamiento|encargado de tratamiento)",
                "anexo (rgpd|de proteccion de datos)",
            ],
        ),
        (
            Thing::CaseStudy,
            &[
                "(caso|casos) de (exito|estudio)",
                "(estudio|estudios) de caso",
                "(caso|casos) de (cliente|clientes)",
            ],
        ),
        (
            Thing::Slides,
            &[
                "(presentacion|presentaciones|diapositivas|transparencias)",
                "power point",
            ],
        ),
        (
            Thing::Msa,
            &["(contrato|acuerdo|contratos) marco"],
        ),
        (
            Thing::Nda,
            &[
                "(acuerdo|acuerdos|contrato|convenio) de (confidencialidad|no divulgacion)",
            ],
        ),
        (
            Thing::Terms,
            &[
                "terminos y condiciones",
                "condiciones generales",
                "condiciones (comerciales|de contratacion|de servicio|del servicio|de pago)",
                "terminos (de servicio|del servicio|de uso)",
            ],
        ),
        (
            Thing::References,
            &[
                "(referencias)",
                "(clientes|contactos) de referencia",
            ],
        ),
        (
            Thing::BusinessCase,
            &[
                "caso de negocio",
                "(calculo|analisis|estudio) (de|del) (roi|retorno)",
            ],
        ),
        (
            Thing::Recording,
            &[
                "(grabacion|grabaciones)",
                "video de la (demo|reunion|llamada|sesion|presentacion)",
            ],
        ),
        (
            Thing::Recap,
            &[
                "(resumen|resumenes|acta|actas|minuta|notas)",
                "notas de la (reunion|llamada)",
            ],
        ),
        (Thing::Agenda, &["orden del dia"]),
        (
            Thing::Datasheet,
            &[
                "(ficha|fichas) (tecnica|tecnicas|de producto|del producto)",
                "(folleto|folletos)",
                "material (comercial|de marketing|informativo)",
                "dossier (comercial|de producto|del producto)",
            ],
        ),
        (
            Thing::Docs,
            &[
                "(documentacion)",
                "documentacion (tecnica|de la api)",
                "manual (de usuario|del usuario|tecnico)",
                "guia (de usuario|de integracion|de implementacion)",
            ],
        ),
        (
            Thing::Invite,
            &[
                "(invitacion|invitaciones|convocatoria)",
                "invitacion de calendario",
                "(enlace|link) (de la reunion|de teams|de zoom|a la reunion)",
            ],
        ),
    ],
    ask: &[
        "(enviar+|mandar+|pasar+|remitir+|reenviar+|compartir+|facilitar+|proporcionar+|preparar+|adjuntar+)",
        "hacer+ llegar",
        "(envie+|envien+|mande+|manden+|pase+|pasen+|remita+|reenvie+|comparta+|compartan+|facilite+|proporcione+|envia+|manda+|pasa+|comparte+|reenvia+|adjunte+)",
        "(haga+|hagan+) llegar",
        "(me|nos) (lo|la|los|las|) (envia|envias|envian|manda|mandas|mandan|pasa|pasas|pasan|remite|remiten|reenvia|reenvias|comparte|compartes|facilita|facilitas|adjunta|envie|envies|envien|mande|mandes|manden|pase|pases|enviara|enviaras|enviaran|mandara|mandaran|pasara|enviase|remitiera|facilitara)",
        "(me|nos) (lo|la|los|las|) (hace|haces|haga|hagan|hiciera|hicieran) llegar",
        "(me|nos) (lo|la|los|las|) (puede|puedes|pueden|podria|podrias|podrian|podra|podran|podras) (enviar|mandar|pasar|remitir|reenviar|compartir|facilitar|proporcionar|hacer llegar|preparar|adjuntar|hacer)",
        "(puede|puedes|pueden|podria|podrias|podrian|podra|podran|posible|importaria|agradeceria|agradeceriamos|favor de|ruego|rogamos) (me|nos|) (lo|la|los|las|) (enviar|mandar|pasar|remitir|reenviar|compartir|facilitar|proporcionar|hacer llegar|preparar|elaborar|adjuntar)",
        "(envie|envien|mande|manden|remita|remitan|reenvie|reenvien|comparta|compartan|facilite|faciliten|proporcione|adjunte) (el|la|los|las|su|sus|un|una)",
        "(necesitamos|necesito|necesitariamos|necesitaria|requerimos|requiero) (el|la|los|las|un|una|unos|unas|su|sus|tu|tus|copia|recibir|ver|tener|contar con)",
        "(nos|me) (falta|faltan|haria falta|harian falta|hace falta|hacen falta) (el|la|los|las|un|una|su|sus|recibir)",
        "(quisiera|quisieramos|quiero|queremos|me gustaria|nos gustaria) (el|la|los|las|un|una|su|sus|recibir|ver|tener|solicitar|pedir|pedirle|pedirles)",
        "(podemos|puedo|podriamos|podria) (tener|recibir|ver|conseguir|obtener)",
        "(solicitar|solicito|solicitamos|solicitarle|solicitarles|pedirle|pedirles)",
        "(le|les|te) pido",
        "(quedo|quedamos|estoy|estamos) (a la espera|atento|atentos|atenta|atentas|pendiente|pendientes) (de|del|al|a la)",
        "(esperamos|espero) (el|la|su|sus|recibir)",
        "(donde|como) (puedo|podemos) (encontrar|descargar|conseguir|obtener)",
    ],
    not: &[
        "no (hace|hara|haria) falta",
        "no (es|sera|seria) (necesario|necesaria|preciso)",
        "no (necesitamos|necesito|necesitaremos|requerimos|hay que)",
        "ya no (necesitamos|hace falta|es necesario)",
        "no (me|nos) (lo|la|los|las|) (envie|envien|mande|manden|envies|mandes|manda|envia|pase|pases)",
        "no (envie|envies|mande|mandes|envien|manden)",
        "sin necesidad",
    ],
    done: &[
        // Accents kept (see `ACCENT_KEEP`): "envié" (I sent), unlike "envíe" (send!).
        "(envié|mandé|reenvié|pasé)",
        "(le|les|te) (envie|mande|pase)",
        "(enviamos|mandamos|remitimos|reenviamos|firmamos|recibimos|recibi|recibio|recibiste|recibieron|firmo|firmaron|enviaron|envio|mandaron|mando|llego|llegaron)",
        "(he|hemos|ha|han|has|habia|habiamos) (enviado|mandado|firmado|recibido|pasado|remitido|reenviado|compartido|adjuntado|aprobado|visto)",
        "(esta|estan|fue|fueron|quedo|quedaron) (ya|) (firmado|firmada|firmados|firmadas|enviado|enviada|enviados|enviadas|aprobado|aprobada|recibido|recibida)",
        "(le|les|te) (envio|mando|paso|remito|comparto|adjunto|reenvio|enviamos|mandamos|pasamos|compartimos|adjuntamos|enviare|enviaremos|mandare|mandaremos|pasare|pasaremos)",
        "(adjunto|adjuntamos) (el|la|los|las|nuestro|nuestra|nuestros|mi|su)",
        "(voy|vamos) a (enviar|mandar|pasar|firmar|compartir|remitir|enviarle|enviarles|mandarle|enviarte|mandarte)",
        "(quiere|quieres|quieren|desea|desean) que (le|te|les) (envie|mande|pase|enviemos|mandemos)",
        "(gracias|muchas gracias|mil gracias) por",
        "aqui (esta|estan|tiene|tienes|va|van)",
        "(ayer|anteayer)",
        "la semana pasada",
        "el mes pasado",
    ],
};

const NL: Reading = Reading {
    code: "nl",
    things: &[
        (Thing::Contract, &["(contract|contracten|overeenkomst|overeenkomsten)"]),
        (
            Thing::OrderForm,
            &["(bestelformulier|bestelbon|orderformulier|inkooporder|opdrachtbevestiging)"],
        ),
        (
            Thing::Quote,
            &["(offerte|offertes|prijsopgave|prijsofferte|kostenraming)"],
        ),
        (Thing::Proposal, &["(voorstel)", "commercieel voorstel"]),
        (
            Thing::PilotAgreement,
            &["(pilotovereenkomst|pilotcontract)", "pilot overeenkomst"],
        ),
        (
            Thing::SecurityPack,
            &[
                "(beveiligingsdocumentatie|beveiligingsvragenlijst|securitydocumentatie)",
                "security vragenlijst",
                "iso certificaat",
                "soc 2 rapport",
            ],
        ),
        (Thing::Sow, &["(werkomschrijving|opdrachtomschrijving)"]),
        (Thing::Invoice, &["(factuur|facturen)"]),
        (
            Thing::PriceList,
            &["(prijslijst|prijslijsten|prijzen|tarieven|prijsoverzicht)"],
        ),
        (Thing::Dpa, &["(verwerkersovereenkomst|verwerkingsovereenkomst)"]),
        (
            Thing::CaseStudy,
            &["(klantcase|klantcases|klantverhaal|succesverhaal)"],
        ),
        (Thing::Slides, &["(presentatie|presentaties)"]),
        (Thing::Msa, &["(raamovereenkomst|raamcontract)"]),
        (
            Thing::Nda,
            &["(geheimhoudingsovereenkomst|geheimhoudingsverklaring)"],
        ),
        (
            Thing::Terms,
            &["algemene voorwaarden", "(voorwaarden|leveringsvoorwaarden)"],
        ),
        (Thing::References, &["(referenties|referentieklanten)"]),
        (Thing::BusinessCase, &["roi berekening"]),
        (
            Thing::Recording,
            &["(opname|opnames)"],
        ),
        (
            Thing::Recap,
            &["(samenvatting|verslag|notulen|gespreksverslag)"],
        ),
        (Thing::Datasheet, &["(productblad|factsheet)"]),
        (Thing::Docs, &["(documentatie|handleiding)"]),
        (
            Thing::Invite,
            &["(uitnodiging|agendaverzoek)", "agenda uitnodiging"],
        ),
    ],
    ask: &[
        "(sturen|toesturen|opsturen|doorsturen|versturen|mailen|toemailen|doormailen|delen|bezorgen|toezenden|zenden|stuur|stuurt)",
        "(we|wij|ik) (hebben|heb|hadden|zouden|zou) * * nodig",
        "(mogen|mag|kunnen|kan) (we|wij|ik) * * (ontvangen|krijgen|hebben|zien)",
        "(graag|gaarne) (de|het|een|uw|jullie|ontvangen|ontvang)",
        "(ontvang|ontvangen) (wij|we|ik|) graag",
    ],
    not: &[
        "(niet|geen) (meer|) nodig",
        "(hoeft|hoeven) * * niet",
        "niet (sturen|versturen|toesturen)",
    ],
    done: &[
        "(hebben|heb|heeft) (je|u|jij|jullie) * * (ontvangen|gekregen|gezien)",
        "(we|wij|ik) (hebben|heb) * * (gestuurd|verstuurd|ontvangen|getekend|ondertekend|gekregen|doorgestuurd)",
        "(is|zijn|werd|werden) * * (getekend|ondertekend|verstuurd|verzonden|ontvangen)",
        "(bedankt|dank|dankjewel|dank u) voor",
        "(bijgevoegd|bijlage)",
        "(ik|wij|we) (stuur|sturen|zal|zullen|ga|gaan) (u|je|jullie|jou)",
        "(gisteren|eergisteren)",
        "vorige (week|maand)",
    ],
};

const PT: Reading = Reading {
    code: "pt",
    things: &[
        (
            Thing::OrderForm,
            &[
                "(pedido|ordem) de compra",
                "(ficha|formulario) de pedido",
            ],
        ),
        (Thing::Quote, &["(orcamento|orcamentos|cotacao|cotacoes)"]),
        (
            Thing::Proposal,
            &["(proposta|propostas) (comercial|comerciais|tecnica|)"],
        ),
        (
            Thing::PilotAgreement,
            &["(acordo|contrato) (de|do) (piloto|poc|teste)"],
        ),
        (
            Thing::SecurityPack,
            &[
                "(documentacao|questionario|politica) de seguranca",
                "relatorio soc (2|ii)",
                "certificado iso (27001|)",
            ],
        ),
        (
            Thing::Sow,
            &[
                "escopo (do projeto|de trabalho|dos servicos)",
                "declaracao de trabalho",
            ],
        ),
        (
            Thing::Invoice,
            &["(fatura|faturas)", "(nota|notas) (fiscal|fiscais)"],
        ),
        (
            Thing::PriceList,
            &["(tabela|lista) de precos", "(precos)"],
        ),
        (
            Thing::Dpa,
            &[
                "(acordo|contrato|termo) de (processamento|tratamento) de dados",
                "(aditivo|anexo) lgpd",
            ],
        ),
        (
            Thing::CaseStudy,
            &[
                "(estudo|estudos) de caso",
                "(caso|casos) de sucesso",
            ],
        ),
        (Thing::Slides, &["(apresentacao|apresentacoes)"]),
        (
            Thing::Msa,
            &["contrato (quadro|master|guarda chuva)", "acordo quadro"],
        ),
        (
            Thing::Nda,
            &["(acordo|termo|contrato) de confidencialidade"],
        ),
        (
            Thing::Terms,
            &[
                "termos e condicoes",
                "condicoes gerais",
                "termos de (uso|servico)",
            ],
        ),
        (Thing::BusinessCase, &["(analise|calculo) de roi"]),
        (Thing::Recording, &["(gravacao|gravacoes)"]),
        (
            Thing::Recap,
            &["(resumo|ata|atas)", "notas da reuniao"],
        ),
        (Thing::Agenda, &["(pauta)"]),
        (Thing::Datasheet, &["(folheto|folhetos)"]),
        (
            Thing::Docs,
            &["(documentacao)", "manual (do usuario|tecnico)"],
        ),
        (
            Thing::Invite,
            &["(convite|convites)", "link da reuniao"],
        ),
    ],
    ask: &[
        "(pode|poderia|podem|poderiam|consegue|conseguiria|conseguem|favor|gentileza) (me|nos|) (enviar|mandar|encaminhar|compartilhar|partilhar|reenviar|repassar|passar|disponibilizar|fornecer)",
        "(me|nos) (envie|envia|mande|manda|encaminhe|encaminha|compartilhe|compartilha|reenvie|repasse|passe|disponibilize|forneca|enviar|mandar|encaminhar)",
        "(envie|envia|mande|manda|encaminhe|compartilhe|reenvie|repasse|disponibilize|forneca) (me|nos|o|a|os|as|um|uma|seu|sua)",
        "(precisamos|preciso|precisariamos|precisaria) (do|da|dos|das|de um|de uma|receber|ver|o|a)",
        "(gostaria|gostariamos) de (receber|ver|ter|solicitar)",
        "(aguardo|aguardamos) (o|a|os|as|seu|sua)",
        "(no aguardo|fico no aguardo|ficamos no aguardo) (do|da|dos|das|de seu|de sua)",
    ],
    not: &[
        "nao (precisa|precisamos|preciso|e necessario|sera necessario|envie|mande)",
        "(sem necessidade|dispensamos)",
    ],
    done: &[
        "(enviei|mandei|recebi|recebemos|assinei|assinamos|encaminhei|encaminhamos|recebeu|receberam|chegou)",
        "(foi|esta|foram|estao) (ja|) (assinado|assinada|enviado|enviada|aprovado|aprovada|recebido|recebida)",
        "(obrigado|obrigada|agradeco) (por|pelo|pela)",
        "(segue|seguem) (em anexo|anexo|o|a|os|as)",
        "em anexo",
        "(vou|vamos) (enviar|mandar|assinar|encaminhar)",
        "(ontem|anteontem)",
        "(semana|mes) (passada|passado)",
        "(te|lhe) (envio|mando|enviarei)",
    ],
};

const READINGS: [&Reading; 6] = [&EN, &FR, &DE, &ES, &NL, &PT];

/// Negations that turn a "done" clause around: "we have not received it" asks for it again.
const NEGATIONS: Words = &[
    "not", "t", "never", "no", "nicht", "nie", "kein", "keine", "keinen", "pas", "jamais", "nunca",
    "nao", "niet", "nooit", "geen",
];

/// Words that start a new clause, as a comma does ("we sent the PO but could you send …").
const CONTRASTS: Words = &[
    "but", "however", "mais", "aber", "jedoch", "pero", "sino", "maar", "porem",
];

/// Words whose accent tells a statement from a request and is kept for matching: "envié" (I
/// sent) is not "envíe" (send!).
const ACCENT_KEEP: Words = &["envié", "mandé", "reenvié", "pasé"];

/// Object pronouns a Spanish verb carries (`enviar+` matches "enviarme", "enviárnoslo"): only
/// "me" and "us", since "enviarle" sends to someone else.
const CLITICS: Words = &[
    "me", "nos", "melo", "mela", "melos", "melas", "noslo", "nosla", "noslos", "noslas",
];

/// How many words `*` skips at most.
const GAP: usize = 3;

// --- Matching ---------------------------------------------------------------------------------

/// One word of the text: folded, and the clause it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tok {
    w: String,
    clause: usize,
}

fn is_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '?'
            | '!'
            | '¿'
            | '¡'
            | '('
            | ')'
            | '['
            | ']'
            | '–'
            | '—'
            | '…'
            | '\n'
    )
}

/// Folded words and their clauses. Apostrophes split words ("m'envoyer" → "m envoyer"); German
/// "ae", "oe", "ue" read as the umlauts they stand for, in every word, so that the lists and
/// the text agree.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut clause = 0;
    let mut word = String::new();
    let mut raw = String::new();
    let mut prev_space = true;
    let mut flush = |word: &mut String, raw: &mut String, clause: &mut usize| {
        if word.is_empty() {
            return;
        }
        let w = if ACCENT_KEEP.contains(&raw.as_str()) {
            raw.clone()
        } else {
            word.replace("ae", "a")
                .replace("oe", "o")
                .replace("ue", "u")
        };
        word.clear();
        raw.clear();
        if CONTRASTS.contains(&w.as_str()) {
            *clause += 1;
        } else {
            toks.push(Tok { w, clause: *clause });
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            fold_char(c, &mut word);
            raw.extend(c.to_lowercase());
        } else if ('\u{0300}'..='\u{036F}').contains(&c) {
            // A combining accent belongs to the letter before it.
        } else {
            flush(&mut word, &mut raw, &mut clause);
            // A dash between spaces separates clauses; inside a word it only splits it.
            if is_boundary(c) || (c == '-' && prev_space) {
                clause += 1;
            }
        }
        prev_space = c.is_whitespace();
    }
    flush(&mut word, &mut raw, &mut clause);
    toks
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum El {
    W(String),
    /// Up to `GAP` words of anything.
    Gap,
}

type Pat = Vec<El>;

/// The sequences one piece of a pattern stands for.
fn piece(p: &str) -> Vec<Pat> {
    if p == "*" {
        return vec![vec![El::Gap]];
    }
    if let Some(stem) = p.strip_suffix('+') {
        let stem: String = tokenize(stem).into_iter().map(|t| t.w).collect();
        return CLITICS
            .iter()
            .map(|c| vec![El::W(format!("{stem}{c}"))])
            .collect();
    }
    vec![tokenize(p).into_iter().map(|t| El::W(t.w)).collect()]
}

/// Every sequence of the alternatives and pieces in `src` (already split into slots).
fn product(slots: Vec<Vec<Pat>>) -> Vec<Pat> {
    let mut out: Vec<Pat> = vec![Vec::new()];
    for slot in slots {
        out = out
            .iter()
            .flat_map(|head| {
                slot.iter().map(move |alt| {
                    let mut p = head.clone();
                    p.extend(alt.iter().cloned());
                    p
                })
            })
            .collect();
    }
    out
}

/// The plain sequences one pattern of the lists stands for (`(a|b c|)`, `*`, `word+`).
fn compile(src: &str) -> Vec<Pat> {
    let mut slots: Vec<Vec<Pat>> = Vec::new();
    let mut rest = src;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            let alts = inner[..close]
                .split('|')
                .flat_map(|alt| product(alt.split_whitespace().map(piece).collect()))
                .collect();
            slots.push(alts);
            rest = inner.get(close + 1..).unwrap_or("");
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '(')
                .unwrap_or(rest.len());
            slots.push(piece(&rest[..end]));
            rest = &rest[end..];
        }
    }
    product(slots)
}

/// Where `pat` ends when it matches from word `i`, all within word `i`'s clause.
fn match_at(toks: &[Tok], i: usize, pat: &[El], clause: usize) -> Option<usize> {
    let Some((first, rest)) = pat.split_first() else {
        return Some(i);
    };
    match first {
        El::W(w) => {
            let t = toks.get(i)?;
            if t.clause == clause && t.w == *w {
                match_at(toks, i + 1, rest, clause)
            } else {
                None
            }
        }
        El::Gap => (0..=GAP)
            .take_while(|k| *k == 0 || toks.get(i + k - 1).is_some_and(|t| t.clause == clause))
            .find_map(|k| match_at(toks, i + k, rest, clause)),
    }
}

/// Patterns indexed by their first word, each with a tag.
struct Set<T> {
    pats: Vec<(Pat, T)>,
    by_first: HashMap<String, Vec<usize>>,
}

impl<T: Copy> Set<T> {
    /// Patterns that do not start with a word are left out (the tests check there are none).
    fn new(list: impl IntoIterator<Item = (&'static str, T)>) -> Set<T> {
        let mut pats = Vec::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (src, tag) in list {
            for p in compile(src) {
                if let Some(El::W(w)) = p.first() {
                    by_first.entry(w.clone()).or_default().push(pats.len());
                    pats.push((p, tag));
                }
            }
        }
        Set { pats, by_first }
    }

    /// The longest match from word `i`: its end and tag (the first listed among equals).
    fn longest_at(&self, toks: &[Tok], i: usize) -> Option<(usize, T)> {
        let t = toks.get(i)?;
        let mut best: Option<(usize, T)> = None;
        for &k in self.by_first.get(&t.w)? {
            let (p, tag) = &self.pats[k];
            if let Some(end) = match_at(toks, i, p, t.clause) {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, *tag));
                }
            }
        }
        best
    }

    fn matches_at(&self, toks: &[Tok], i: usize) -> bool {
        self.longest_at(toks, i).is_some()
    }
}

struct Lexicon {
    things: Set<Thing>,
    ask: Set<()>,
    not: Set<()>,
    done: Set<()>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let all = || READINGS.iter();
        Lexicon {
            things: Set::new(all().flat_map(|r| {
                r.things
                    .iter()
                    .flat_map(|(t, ps)| ps.iter().map(move |p| (*p, *t)))
            })),
            ask: Set::new(all().flat_map(|r| r.ask.iter().map(|p| (*p, ())))),
            not: Set::new(all().flat_map(|r| r.not.iter().map(|p| (*p, ())))),
            done: Set::new(all().flat_map(|r| r.done.iter().map(|p| (*p, ())))),
        }
    })
}

/// The thing `quote` (one sentence a buyer wrote, in any language read here) asks us to send
/// or share, or `None` when it is not a request to send a named thing ("Can we move the
/// call?", "We sent the PO yesterday.", "Le contrat est signé", "Did you get the contract?").
///
/// With several things named, the first one after the request ("send the NDA and the MSA"),
/// else the first one before it ("Können Sie mir das Angebot schicken?").
#[allow(dead_code)]
pub fn requested(quote: &str) -> Option<Thing> {
    let toks = tokenize(quote);
    let lex = lexicon();
    let n = toks.len();

    let mut mentions: Vec<(usize, Thing)> = Vec::new();
    let mut i = 0;
    while i < n {
        match lex.things.longest_at(&toks, i) {
            Some((end, t)) => {
                mentions.push((i, t));
                i = end;
            }
            None => i += 1,
        }
    }
    if mentions.is_empty() {
        return None;
    }

    let cues: Vec<usize> = (0..n).filter(|&i| lex.ask.matches_at(&toks, i)).collect();
    let clauses = toks.last().map_or(0, |t| t.clause + 1);
    let mut blocked = vec![false; clauses];
    for (i, tok) in toks.iter().enumerate() {
        let c = tok.clause;
        let done = || {
            lex.done.matches_at(&toks, i)
                && !cues.iter().any(|&q| q < i && toks[q].clause == c)
                && !toks
                    .iter()
                    .any(|t| t.clause == c && NEGATIONS.contains(&t.w.as_str()))
        };
        if lex.not.matches_at(&toks, i) || done() {
            blocked[c] = true;
        }
    }
    let open = |i: usize| !blocked[toks[i].clause];

    let cue = cues.into_iter().find(|&q| open(q))?;
    let live: Vec<(usize, Thing)> = mentions.into_iter().filter(|(p, _)| open(*p)).collect();
    live.iter()
        .find(|(p, _)| *p >= cue)
        .or_else(|| {
            live.iter()
                .find(|(p, _)| toks[*p].clause == toks[cue].clause)
        })
        .or_else(|| live.first())
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Requests as buyers write them, with the thing each asks for.
    const ASKS: &[(&str, &[(&str, Thing)])] = &[
        (
            "en",
            &[
                (
                    "Please send the order form so we can sign",
                    Thing::OrderForm,
                ),
                ("Could you send over the updated quote?", Thing::Quote),
                ("can u share the deck from todays call", Thing::Slides),
                (
                    "We'd need your SOC 2 report before legal signs off.",
                    Thing::SecurityPack,
                ),
                (
                    "Would you mind forwarding the MSA to our procurement team?",
                    Thing::Msa,
                ),
                ("Can I get a copy of the DPA?", Thing::Dpa),
                (
                    "Could you provide the security questionnaire answers by Friday?",
                    Thing::SecurityPack,
                ),
                (
                    "Any chance you could email me the pricing?",
                    Thing::PriceList,
                ),
                ("Send me the NDA and the MSA please", Thing::Nda),
                (
                    "PLEASE RESEND THE INVOICE, THE LAST ONE HAD THE WRONG PO",
                    Thing::Invoice,
                ),
                (
                    "We will also need a case study from a bank.",
                    Thing::CaseStudy,
                ),
                (
                    "Could we get the statement of work for the pilot?",
                    Thing::Sow,
                ),
                (
                    "I'd like to see the proposal before Thursday's call",
                    Thing::Proposal,
                ),
                (
                    "Haven't received the contract yet, could you resend it?",
                    Thing::Contract,
                ),
                (
                    "Could you put together a quotation for 50 seats?",
                    Thing::Quote,
                ),
                (
                    "Can you send the recording of the demo to Maria?",
                    Thing::Recording,
                ),
                (
                    "could you send the pilot agreement over",
                    Thing::PilotAgreement,
                ),
                ("Please share your terms and conditions.", Thing::Terms),
                (
                    "Could you send me the calendar invite for Tuesday?",
                    Thing::Invite,
                ),
                ("For the contract, we'd need the SOW first.", Thing::Sow),
                (
                    "Could you resend the contract you sent last week?",
                    Thing::Contract,
                ),
                (
                    "We sent the PO yesterday, could you send the invoice?",
                    Thing::Invoice,
                ),
                (
                    "Do you have a customer reference you could share?",
                    Thing::References,
                ),
                (
                    "Our legal team needs the MSA redlines before Friday",
                    Thing::Msa,
                ),
                ("We're still waiting for the order form.", Thing::OrderForm),
            ],
        ),
        (
            "fr",
            &[
                (
                    "Pourriez-vous m'envoyer le bon de commande ?",
                    Thing::OrderForm,
                ),
                (
                    "Pouvez-vous nous transmettre le devis signé ?",
                    Thing::Quote,
                ),
                (
                    "Merci de nous faire parvenir la proposition commerciale d'ici vendredi.",
                    Thing::Proposal,
                ),
                (
                    "Est-ce qu'on pourrait avoir le contrat pour relecture ?",
                    Thing::Contract,
                ),
                (
                    "Nous aurions besoin du dossier sécurité avant le comité.",
                    Thing::SecurityPack,
                ),
                (
                    "Tu peux m'envoyer la présentation de ce matin ?",
                    Thing::Slides,
                ),
                (
                    "pourriez vous nous envoyer le cahier des charges",
                    Thing::Sow,
                ),
                ("Envoyez-moi la facture s'il vous plaît", Thing::Invoice),
                (
                    "Serait-il possible de recevoir votre grille tarifaire ?",
                    Thing::PriceList,
                ),
                (
                    "Il nous faudrait l'accord de confidentialité signé de votre côté.",
                    Thing::Nda,
                ),
                (
                    "Pourriez-vous partager l'étude de cas dont vous avez parlé ?",
                    Thing::CaseStudy,
                ),
                (
                    "Nous souhaiterions recevoir le DPA avant signature.",
                    Thing::Dpa,
                ),
                (
                    "Pouvez-vous m'envoyer le compte rendu et l'ordre du jour ?",
                    Thing::Recap,
                ),
                (
                    "Dans l'attente de votre devis, je vous souhaite une bonne journée.",
                    Thing::Quote,
                ),
                (
                    "Nous n'avons pas reçu le contrat, pourriez-vous le renvoyer ?",
                    Thing::Contract,
                ),
                (
                    "Pourriez-vous nous faire un devis pour 50 licences ?",
                    Thing::Quote,
                ),
            ],
        ),
        (
            "de",
            &[
                ("Können Sie mir das Angebot schicken?", Thing::Quote),
                (
                    "Könnten Sie uns bitte den Vertrag zukommen lassen?",
                    Thing::Contract,
                ),
                (
                    "Wir bräuchten noch die Leistungsbeschreibung für den Einkauf.",
                    Thing::Sow,
                ),
                (
                    "Bitte senden Sie uns das Bestellformular zu.",
                    Thing::OrderForm,
                ),
                ("Schicken Sie mir bitte den Kostenvoranschlag", Thing::Quote),
                (
                    "Können wir die Sicherheitsdokumentation bis Freitag bekommen?",
                    Thing::SecurityPack,
                ),
                ("Ich bitte um Zusendung der Preisliste.", Thing::PriceList),
                ("Könnten Sie mir den AVV übermitteln?", Thing::Dpa),
                ("koennten sie uns die praesentation schicken", Thing::Slides),
                (
                    "Wir hätten gerne die Fallstudie aus dem Bankenbereich.",
                    Thing::CaseStudy,
                ),
                (
                    "Senden Sie mir bitte die Rechnung noch einmal.",
                    Thing::Invoice,
                ),
                ("Uns fehlt noch die Geheimhaltungsvereinbarung.", Thing::Nda),
                (
                    "Könnten Sie uns die Folien vom Termin zur Verfügung stellen?",
                    Thing::Slides,
                ),
                ("Ich freue mich auf Ihr Angebot.", Thing::Quote),
                (
                    "Wir haben den Vertrag noch nicht erhalten, könnten Sie ihn nochmal schicken?",
                    Thing::Contract,
                ),
                (
                    "Können Sie mir das Angebot und den Rahmenvertrag schicken?",
                    Thing::Quote,
                ),
            ],
        ),
        (
            "es",
            &[
                (
                    "¿Me podría mandar el contrato para firmarlo esta semana?",
                    Thing::Contract,
                ),
                ("¿Nos puede enviar la cotización actualizada?", Thing::Quote),
                ("Por favor, envíenos la orden de compra.", Thing::OrderForm),
                (
                    "Necesitamos el acuerdo de confidencialidad firmado antes del lunes",
                    Thing::Nda,
                ),
                ("me podrias pasar la presentacion de ayer?", Thing::Slides),
                (
                    "Le agradecería que nos enviara la propuesta.",
                    Thing::Proposal,
                ),
                ("Quedo a la espera del presupuesto.", Thing::Quote),
                ("Mándame la factura cuando puedas", Thing::Invoice),
                (
                    "¿Podrían compartirnos la documentación de seguridad?",
                    Thing::SecurityPack,
                ),
                ("Quisiéramos recibir la lista de precios.", Thing::PriceList),
                (
                    "favor de enviar el acuerdo de piloto",
                    Thing::PilotAgreement,
                ),
                (
                    "Nos hace falta el documento de alcance para legal.",
                    Thing::Sow,
                ),
                ("Me puede reenviar el contrato marco?", Thing::Msa),
                (
                    "Podrian hacernos llegar el caso de exito del que hablamos",
                    Thing::CaseStudy,
                ),
                (
                    "No hemos recibido la factura, ¿nos la puede reenviar?",
                    Thing::Invoice,
                ),
            ],
        ),
        (
            "nl",
            &[
                ("Kunt u mij de offerte sturen?", Thing::Quote),
                ("Graag ontvangen wij de verwerkersovereenkomst.", Thing::Dpa),
                ("Zou je de presentatie willen doorsturen?", Thing::Slides),
                ("Stuur me het bestelformulier aub", Thing::OrderForm),
            ],
        ),
        (
            "pt",
            &[
                ("Você poderia me enviar o contrato?", Thing::Contract),
                ("Pode mandar o orçamento atualizado?", Thing::Quote),
                ("Precisamos da nota fiscal até sexta.", Thing::Invoice),
                ("Me envie a apresentação, por favor.", Thing::Slides),
            ],
        ),
    ];

    /// Sentences that name a thing, or ask for something, without asking us to send a thing.
    const NEAR_MISSES: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "Can we move the call?",
                "We sent the PO yesterday.",
                "Did you get the contract?",
                "No need to send the contract, we'll use our own paper.",
                "I'll send you the signed order form tomorrow.",
                "Thanks for sending the proposal over!",
                "The quote looks fine, we'll review it internally.",
                "We need to sign the contract by Friday.",
                "Please find attached the signed NDA.",
                "Have you received our security questionnaire?",
                "Did you send the invoice to our AP team?",
                "Could you send me an update on timing?",
                "Should I send you the PO?",
                "Could you confirm the contract is signed?",
                "We will send the contract to legal next week.",
            ],
        ),
        (
            "fr",
            &[
                "Le contrat est signé",
                "Pas besoin du devis, on part sur le bon de commande.",
                "Avez-vous bien reçu le bon de commande ?",
                "Je vous envoie le contrat signé demain.",
                "Merci pour la proposition, nous revenons vers vous.",
                "Nous avons reçu la facture hier.",
                "Pouvons-nous décaler la réunion à jeudi ?",
                "Ci-joint le devis validé.",
                "Je vais vous transmettre le bon de commande.",
                "Inutile de m'envoyer la présentation, je l'ai déjà.",
            ],
        ),
        (
            "de",
            &[
                "Haben Sie den Vertrag erhalten?",
                "Wir haben das Angebot gestern geschickt.",
                "Der Vertrag ist unterschrieben.",
                "Die Geheimhaltungsvereinbarung brauchen wir nicht mehr.",
                "Ich schicke Ihnen morgen das unterschriebene Bestellformular.",
                "Danke für die Zusendung des Angebots!",
                "Können wir den Termin auf Donnerstag verschieben?",
                "Anbei das unterschriebene Angebot.",
                "Ein Angebot ist nicht nötig.",
                "Brauchen Sie noch den Vertrag von uns?",
                "Wir haben das Angebot erhalten.",
            ],
        ),
        (
            "es",
            &[
                "¿Recibió el contrato?",
                "Ya le envié el presupuesto.",
                "Envié el contrato ayer.",
                "El contrato está firmado.",
                "No hace falta que nos envíe el acuerdo de confidencialidad.",
                "Le enviamos la orden de compra ayer.",
                "Gracias por la propuesta, la revisaremos internamente.",
                "¿Podemos mover la llamada al jueves?",
                "Adjunto el contrato firmado.",
                "Vamos a enviar la orden de compra mañana.",
                "Te envío el contrato firmado mañana.",
                "Necesitamos enviar el contrato a legal.",
            ],
        ),
        (
            "nl",
            &[
                "Heeft u de offerte ontvangen?",
                "We hebben het contract gisteren getekend.",
                "De offerte is niet meer nodig.",
            ],
        ),
        (
            "pt",
            &[
                "Recebemos o contrato, obrigado.",
                "Não precisa enviar a proposta.",
                "O contrato já está assinado.",
            ],
        ),
    ];

    #[test]
    fn reads_requests_in_every_language() {
        let mut wrong = Vec::new();
        for (code, asks) in ASKS {
            for (quote, want) in *asks {
                let got = requested(quote);
                if got != Some(*want) {
                    wrong.push(format!("[{code}] {quote:?}: {got:?}, want {want:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn near_misses_ask_for_nothing() {
        let mut wrong = Vec::new();
        for (code, quotes) in NEAR_MISSES {
            for quote in *quotes {
                if let Some(t) = requested(quote) {
                    wrong.push(format!("[{code}] {quote:?}: {t:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn enough_examples_per_language() {
        for (code, min_asks, min_misses) in [
            ("en", 10, 6),
            ("fr", 10, 6),
            ("de", 10, 6),
            ("es", 10, 6),
            ("nl", 3, 3),
            ("pt", 3, 3),
        ] {
            let asks = ASKS
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0, |(_, a)| a.len());
            let misses = NEAR_MISSES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0, |(_, m)| m.len());
            assert!(asks >= min_asks, "{code}: {asks} requests");
            assert!(misses >= min_misses, "{code}: {misses} near misses");
            assert!(READINGS.iter().any(|r| r.code == code), "{code}");
        }
    }

    /// A request written with the draft's own words reads back as the same thing, so that the
    /// words and the reading lists stay in step.
    #[test]
    fn every_things_own_words_read_back() {
        for t in Thing::ALL {
            for lang in Lang::ALL {
                let w = t.words(lang);
                let quote = match lang {
                    Lang::En => format!("Could you send me {}?", w.the),
                    Lang::Fr => format!("Pourriez-vous m'envoyer {} ?", w.the),
                    Lang::De => format!("Könnten Sie mir {} schicken?", w.the_acc),
                    Lang::Es => format!("¿Me podría enviar {}?", w.the),
                };
                assert_eq!(requested(&quote), Some(t), "{quote}");
            }
        }
    }

    #[test]
    fn every_thing_has_words_in_every_language() {
        for t in Thing::ALL {
            for lang in Lang::ALL {
                let w = t.words(lang);
                assert!(!w.the.trim().is_empty(), "{t:?} {}", lang.code());
                assert!(!w.the_acc.trim().is_empty(), "{t:?} {}", lang.code());
            }
        }
    }

    #[test]
    fn german_accusative_differs_only_for_masculine_nouns() {
        for t in Thing::ALL {
            let w = t.words(Lang::De);
            match w.the.strip_prefix("der ") {
                Some(noun) => {
                    assert!(!w.feminine && !w.plural, "{t:?}");
                    assert_eq!(w.the_acc, format!("den {noun}"), "{t:?}");
                }
                None => assert_eq!(w.the_acc, w.the, "{t:?}"),
            }
            for lang in [Lang::En, Lang::Fr, Lang::Es] {
                let w = t.words(lang);
                assert_eq!(w.the_acc, w.the, "{t:?} {}", lang.code());
            }
        }
    }

    #[test]
    fn articles_agree_with_gender_and_number() {
        for t in Thing::ALL {
            let en = t.words(Lang::En);
            assert!(en.the.starts_with("the ") && !en.feminine, "{t:?}");

            let fr = t.words(Lang::Fr);
            let ok = match fr.the.split_once(['\'', ' ']) {
                Some(("le", _)) => !fr.feminine && !fr.plural,
                Some(("la", _)) => fr.feminine && !fr.plural,
                Some(("les", _)) => fr.plural,
                Some(("l", _)) => !fr.plural,
                _ => false,
            };
            assert!(ok, "fr {t:?}: {fr:?}");

            let de = t.words(Lang::De);
            let ok = match de.the.split_once(' ') {
                Some(("der", _)) | Some(("das", _)) => !de.feminine && !de.plural,
                Some(("die", _)) => de.feminine || de.plural,
                _ => false,
            };
            assert!(ok, "de {t:?}: {de:?}");

            let es = t.words(Lang::Es);
            let ok = match es.the.split_once(' ') {
                Some(("el", _)) => !es.feminine && !es.plural,
                Some(("la", _)) => es.feminine && !es.plural,
                Some(("los", _)) => !es.feminine && es.plural,
                Some(("las", _)) => es.feminine && es.plural,
                _ => false,
            };
            assert!(ok, "es {t:?}: {es:?}");
        }
    }

    #[test]
    fn all_lists_every_thing_once() {
        // A match without a wildcard: a new variant does not compile until it is placed here.
        fn index(t: Thing) -> usize {
            match t {
                Thing::Contract => 0,
                Thing::OrderForm => 1,
                Thing::Quote => 2,
                Thing::Proposal => 3,
                Thing::PilotAgreement => 4,
                Thing::SecurityPack => 5,
                Thing::Sow => 6,
                Thing::Invoice => 7,
                Thing::PriceList => 8,
                Thing::Dpa => 9,
                Thing::CaseStudy => 10,
                Thing::Slides => 11,
                Thing::Msa => 12,
                Thing::Nda => 13,
                Thing::Terms => 14,
                Thing::References => 15,
                Thing::BusinessCase => 16,
                Thing::Recording => 17,
                Thing::Recap => 18,
                Thing::Agenda => 19,
                Thing::Datasheet => 20,
                Thing::Docs => 21,
                Thing::Invite => 22,
            }
        }
        for (i, t) in Thing::ALL.into_iter().enumerate() {
            assert_eq!(index(t), i, "{t:?}");
        }
    }

    #[test]
    fn every_pattern_starts_with_a_word() {
        for r in READINGS {
            let lists = r
                .things
                .iter()
                .flat_map(|(_, ps)| ps.iter())
                .chain(r.ask)
                .chain(r.not)
                .chain(r.done);
            for src in lists {
                let pats = compile(src);
                assert!(!pats.is_empty(), "[{}] {src}", r.code);
                for p in pats {
                    assert!(
                        matches!(p.first(), Some(El::W(_))),
                        "[{}] {src}: {p:?}",
                        r.code
                    );
                    assert!(
                        p.iter().all(|e| !matches!(e, El::W(w) if w.is_empty())),
                        "[{}] {src}",
                        r.code
                    );
                }
            }
        }
    }

    #[test]
    fn no_phrase_names_two_things() {
        let mut seen: HashMap<Vec<El>, Thing> = HashMap::new();
        for r in READINGS {
            for (t, ps) in r.things {
                for src in *ps {
                    for p in compile(src) {
                        let before = *seen.entry(p.clone()).or_insert(*t);
                        assert_eq!(before, *t, "[{}] {p:?}", r.code);
                    }
                }
            }
        }
    }

    #[test]
    fn tokenize_folds_splits_and_keeps_clauses() {
        let words = |s: &str| -> Vec<(String, usize)> {
            tokenize(s).into_iter().map(|t| (t.w, t.clause)).collect()
        };
        let w = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(s, c)| (s.to_string(), *c)).collect()
        };
        assert_eq!(
            words("M'envoyer le Contrat-cadre, SVP"),
            w(&[
                ("m", 0),
                ("envoyer", 0),
                ("le", 0),
                ("contrat", 0),
                ("cadre", 0),
                ("svp", 1)
            ])
        );
        assert_eq!(
            words("Größe Präsentation"),
            w(&[("grosse", 0), ("prasentation", 0)])
        );
        assert_eq!(words("praesentation"), w(&[("prasentation", 0)]));
        assert_eq!(words("Envié, envíe"), w(&[("envié", 0), ("envie", 1)]));
        assert_eq!(
            words("sent it - but send"),
            w(&[("sent", 0), ("it", 0), ("send", 2)])
        );
    }
}
