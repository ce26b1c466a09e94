//! Between the meetings: the topics backlog flowing into the next 1:1, the
//! next agenda written before it starts, and action items edited anywhere.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::scheduling;
use rapport_core::flows::search::{search, SearchRequest};
use rapport_core::flows::session;
use rapport_core::flows::{person_page, prep, topics};
use rapport_core::formats::{exchange, vault};
use rapport_core::records::actions::{self, ActionEdit, ActionInput, Owner, Priority};
use rapport_core::records::meetings::{AgendaItemInput, Frequency, Weekday};
use rapport_core::records::people::{self, Level};
use rapport_core::records::search::Visibility;
use rapport_core::records::topics::{RaisedBy, TopicInput};
use rapport_core::{ErrorCode, FixedClock, Store};
use std::sync::Arc;
use support::{at, TestStore};

const PRIVATE_TOPIC: &str = "MARKER-PRIVATE-TOPIC-5e1d";

struct Team {
    _t: TestStore,
    clock: Arc<FixedClock>,
    store: Store,
    ada: String,
    bo: String,
}

impl Team {
    /// Ada and Bo, each with a weekly Thursday 1:1; the clock is Tuesday
    /// 22 Oct 2024, 09:00 UTC, so the next 1:1 is Thursday 24 Oct.
    fn new() -> Self {
        let t = TestStore::new();
        let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
        let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
        let mut person = |name: &str| {
            let id = people::create(&mut store, support::person_input(name, Level::Senior))
                .unwrap()
                .id;
            scheduling::create_series(
                &mut store,
                &id,
                support::series_at_two(Frequency::Weekly, Weekday::Thu, "Europe/Paris"),
            )
            .unwrap();
            id
        };
        let ada = person("Ada Lovelace");
        let bo = person("Bo Lindqvist");
        Team {
            _t: t,
            clock,
            store,
            ada,
            bo,
        }
    }

    fn topic(&mut self, person: &str, text: &str, raised_by: RaisedBy, private: bool) -> String {
        topics::add(
            &mut self.store,
            person,
            TopicInput {
                text: text.into(),
                raised_by,
                private,
            },
        )
        .unwrap()
        .id
    }

    fn next_meeting(&self, person: &str) -> String {
        prep::prepare(&self.store, person)
            .unwrap()
            .meeting
            .expect("a next 1:1")
            .id
    }

    fn hold(&mut self, meeting: &str, tick: &[&str]) -> String {
        support::start_on_time(&mut self.store, &self.clock, meeting);
        for topic in tick {
            topics::set_discussed(&mut self.store, topic, meeting, true).unwrap();
        }
        support::finish_half_an_hour_on(&mut self.store, &self.clock, meeting)
    }
}

#[test]
fn open_topics_reach_prepare_and_the_agenda_and_carry_over_until_ticked() {
    let mut team = Team::new();
    let budget = team.topic(
        &team.ada.clone(),
        "Conference budget",
        RaisedBy::Theirs,
        false,
    );
    let handover = team.topic(&team.ada.clone(), "Handover plan", RaisedBy::Mine, false);
    let salary = team.topic(&team.ada.clone(), PRIVATE_TOPIC, RaisedBy::Mine, true);
    team.topic(&team.bo.clone(), "Bo's own topic", RaisedBy::Theirs, false);

    let prep = prep::prepare(&team.store, &team.ada).unwrap();
    let texts: Vec<&str> = prep.topics.iter().map(|t| t.wording()).collect();
    assert_eq!(texts, ["Conference budget", "Handover plan", PRIVATE_TOPIC]);
    assert_eq!(prep.topics[0].raised_by, RaisedBy::Theirs);
    assert!(prep.topics[2].is_private() && prep.topics[2].text.is_none());
    let page = person_page::person_page(&team.store, &team.ada, Some(5)).unwrap();
    assert_eq!(page.topics.len(), 3, "Bo's topic is not Ada's");

    // In the session the agenda lists them; two are ticked, one is not.
    let first = team.next_meeting(&team.ada);
    let view = session::view(&team.store, &first).unwrap();
    assert_eq!(view.topics.len(), 3);
    let shared = team.hold(&first, &[&budget, &salary]);
    assert!(
        shared.contains("## Topics discussed\n\n- Conference budget\n"),
        "{shared}"
    );
    assert!(
        !shared.contains("Handover plan"),
        "an undiscussed topic is not in the notes"
    );
    assert!(
        !shared.contains(PRIVATE_TOPIC),
        "a private topic never reaches shared notes"
    );

    // The undiscussed one carries over to the next 1:1; the ticked ones stay
    // with the 1:1 they were discussed in.
    let prep = prep::prepare(&team.store, &team.ada).unwrap();
    let open: Vec<&str> = prep.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(open, [handover.as_str()]);
    let discussed = team.store.topics().discussed_in(&first).unwrap();
    assert_eq!(discussed.len(), 2);
    let second = team.next_meeting(&team.ada);
    assert_ne!(first, second);
    let view = session::view(&team.store, &second).unwrap();
    assert_eq!(view.topics.len(), 1);

    // A slip is undone: unticking opens the topic again.
    topics::set_discussed(&mut team.store, &budget, &first, false).unwrap();
    assert_eq!(
        prep::prepare(&team.store, &team.ada).unwrap().topics.len(),
        2
    );
}

#[test]
fn topic_mistakes_get_a_sentence_and_change_nothing() {
    let mut team = Team::new();
    let ada = team.ada.clone();
    let before = exchange::export_json(&team.store).unwrap();
    for text in ["   ", "two\nlines"] {
        let err = topics::add(
            &mut team.store,
            &ada,
            TopicInput {
                text: text.into(),
                raised_by: RaisedBy::Mine,
                private: false,
            },
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{text:?}");
    }
    assert_eq!(exchange::export_json(&team.store).unwrap(), before);

    // Ticking a topic in someone else's 1:1, or in one already used.
    let topic = team.topic(&ada, "Budget", RaisedBy::Theirs, false);
    let bos = team.next_meeting(&team.bo.clone());
    let err = topics::set_discussed(&mut team.store, &topic, &bos, true).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("someone else"), "{}", err.message);
    let adas = team.next_meeting(&ada);
    team.hold(&adas, &[&topic]);
    let later = team.next_meeting(&ada);
    let err = topics::set_discussed(&mut team.store, &topic, &later, true).unwrap_err();
    assert!(err.message.contains("another 1:1"), "{}", err.message);
    assert_eq!(
        team.store
            .topics()
            .get(&topic)
            .unwrap()
            .discussed_in
            .as_deref(),
        Some(adas.as_str())
    );
}

#[test]
fn private_topics_stay_out_of_the_shared_vault_and_survive_export_and_import() {
    let mut team = Team::new();
    let ada = team.ada.clone();
    team.topic(&ada, "Open shareable topic", RaisedBy::Theirs, false);
    let private = team.topic(&ada, PRIVATE_TOPIC, RaisedBy::Mine, true);
    let first = team.next_meeting(&ada);
    team.hold(&first, &[&private]);
    team.topic(&ada, &format!("{PRIVATE_TOPIC} open"), RaisedBy::Mine, true);

    let shared = vault::build(&team.store, true).unwrap();
    for file in &shared {
        assert!(
            !file.contents.contains("MARKER-PRIVATE-TOPIC"),
            "{}",
            file.path.display()
        );
    }
    assert!(shared.iter().any(|f| f
        .contents
        .contains("## Topics to raise\n\n- Open shareable topic (theirs)")));
    let full = vault::build(&team.store, false).unwrap();
    assert!(full.iter().any(|f| f
        .contents
        .contains(&format!("{PRIVATE_TOPIC} open (mine, manager only)"))));

    // The JSON export names the private wording `private_text` and an
    // import gives the same store back.
    let json = exchange::export_json(&team.store).unwrap();
    assert!(json.contains(&format!("\"private_text\": \"{PRIVATE_TOPIC}\"")));
    let doc = exchange::parse_json(&json).unwrap();
    assert_eq!(doc.topics.len(), 3);
    let t = TestStore::new();
    let mut copy = Store::create(&t.paths, &t.keys, team.clock.clone()).unwrap();
    exchange::import(&mut copy, &doc).unwrap();
    assert_eq!(exchange::export_json(&copy).unwrap(), json);

    // A topic with both wordings, or pointing at another person's 1:1, is refused.
    let mut bad = doc.clone();
    bad.topics[0].text = Some("both".into());
    bad.topics[0].private_text = Some("both".into());
    let err = exchange::validate(&bad).unwrap_err();
    assert!(err.message.contains("topics[0]"), "{}", err.message);
    let mut bad = doc.clone();
    let bos = doc
        .meetings
        .iter()
        .find(|m| m.person_id == team.bo)
        .unwrap();
    bad.topics[1].discussed_in = Some(bos.id.clone());
    let err = exchange::validate(&bad).unwrap_err();
    assert!(
        err.message.contains("topics[1].discussed_in"),
        "{}",
        err.message
    );
    // An export written before topics existed still reads.
    let old = json.replace(
        &json[json.find(",\n  \"topics\"").unwrap()..json.rfind('}').unwrap()],
        "\n",
    );
    assert!(exchange::parse_json(&old).unwrap().topics.is_empty());
}

#[test]
fn topics_are_searchable_with_their_visibility() {
    let mut team = Team::new();
    let ada = team.ada.clone();
    team.topic(
        &ada,
        "Conference budget for spring",
        RaisedBy::Theirs,
        false,
    );
    team.topic(&ada, "Salary review timing", RaisedBy::Mine, true);
    let found = search(
        &team.store,
        &SearchRequest {
            query: "kind:topic budget OR salary".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 2);
    let mut visibility: Vec<Visibility> = found
        .groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.visibility))
        .collect();
    visibility.sort();
    assert_eq!(visibility, [Visibility::Shared, Visibility::Private]);
    // Deleting a topic takes it out of the index.
    let id = team.store.topics().open_of(&ada).unwrap()[0].id.clone();
    topics::delete(&mut team.store, &id).unwrap();
    assert!(team.store.search_index().matches_records().unwrap());
    let found = search(
        &team.store,
        &SearchRequest {
            query: "budget".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 0);
}

#[test]
fn the_next_agenda_is_planned_on_prepare_and_kept_when_the_1_1_starts() {
    let mut team = Team::new();
    let ada = team.ada.clone();
    let prep = prep::prepare(&team.store, &ada).unwrap();
    let meeting = prep.meeting.as_ref().unwrap().id.clone();
    // Nothing written yet: the template's items, as the 1:1 would start with.
    assert!(prep.meeting.as_ref().unwrap().agenda.is_empty());
    assert!(!prep.planned_agenda.is_empty());
    let mut items: Vec<AgendaItemInput> = prep
        .planned_agenda
        .iter()
        .map(|a| AgendaItemInput {
            id: None,
            title: a.title.clone(),
            minutes: a.minutes,
            prompts: a.prompts.clone(),
            done: false,
        })
        .collect();
    items.truncate(1);
    items.push(AgendaItemInput {
        id: None,
        title: "Promotion packet".into(),
        minutes: 10,
        prompts: vec![],
        done: false,
    });
    session::set_agenda(&mut team.store, &meeting, items).unwrap();
    let titles = |agenda: &[rapport_core::records::meetings::AgendaItem]| -> Vec<String> {
        agenda.iter().map(|a| a.title.clone()).collect()
    };
    let planned = prep::prepare(&team.store, &ada).unwrap().planned_agenda;
    assert_eq!(planned.len(), 2);
    assert_eq!(planned[1].title, "Promotion packet");
    team.clock.set(at("2024-10-24T12:01:00Z"));
    let view = session::start(&mut team.store, &meeting).unwrap();
    assert_eq!(titles(&view.meeting.agenda), titles(&planned));
    // The session's header names the 1:1 after this one (Thursday 31 Oct).
    let next = view.next_start.expect("the series' next 1:1");
    assert_eq!(next, at("2024-10-31T13:00:00Z"));
}

#[test]
fn action_items_are_edited_with_their_due_date_history_kept() {
    let mut team = Team::new();
    let ada = team.ada.clone();
    // Added outside a 1:1 (from Prepare or the person page).
    let item = session::add_action_item(
        &mut team.store,
        &ada,
        ActionInput {
            title: "Write the plan".into(),
            owner: Owner::Ic,
            due_on: Some("2024-11-24".parse().unwrap()),
            meeting_id: None,
            priority: None,
        },
    )
    .unwrap();
    assert!(item.item.meeting_id.is_none());
    team.clock.set(at("2024-10-23T08:00:00Z"));
    let edit = |title: &str, due: &str, priority| ActionEdit {
        title: title.into(),
        owner: Owner::Manager,
        due_on: Some(due.parse().unwrap()),
        priority,
    };
    let edited = actions::edit(
        &mut team.store,
        &item.item.id,
        edit("Write the rollout plan", "2024-12-01", Some(Priority::P1)),
    )
    .unwrap()
    .item;
    assert_eq!(edited.title, "Write the rollout plan");
    assert_eq!(edited.owner, Owner::Manager);
    assert_eq!(edited.priority, Some(Priority::P1));
    let dues: Vec<String> = edited
        .history
        .iter()
        .map(|h| h.due_on.unwrap().to_string())
        .collect();
    assert_eq!(
        dues,
        ["2024-11-24", "2024-12-01"],
        "the first due date is kept"
    );
    assert_eq!(edited.history[1].changed_at, at("2024-10-23T08:00:00Z"));

    // A title change alone adds no history entry; a bad title changes nothing.
    let again = actions::edit(
        &mut team.store,
        &item.item.id,
        edit(
            "Write the full rollout plan",
            "2024-12-01",
            Some(Priority::P2),
        ),
    )
    .unwrap()
    .item;
    assert_eq!(again.history.len(), 2);
    assert_eq!(again.priority, Some(Priority::P2));
    let err = actions::edit(
        &mut team.store,
        &item.item.id,
        edit(" ", "2024-12-09", None),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(team.store.actions().get(&item.item.id).unwrap(), again);
    let err = actions::edit(&mut team.store, "gone", edit("x", "2024-12-09", None)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}
