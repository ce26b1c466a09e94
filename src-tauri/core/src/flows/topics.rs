//! The topics backlog as the screens use it: jot a topic for a person at any
//! time, tick it in the 1:1 where it was discussed, open it again if the
//! tick was a slip.

use crate::error::{Error, Result};
use crate::records::meetings::MeetingStatus;
use crate::records::topics::{Topic, TopicInput};
use crate::store::Store;

pub fn add(store: &mut Store, person_id: &str, input: TopicInput) -> Result<Topic> {
    let now = store.clock().now();
    store.write(|s| {
        s.people().get(person_id)?;
        s.topics().create(person_id, input, now)
    })
}

pub fn edit(store: &mut Store, topic_id: &str, input: TopicInput) -> Result<Topic> {
    store.write(|s| s.topics().edit(topic_id, input))
}

pub fn delete(store: &mut Store, topic_id: &str) -> Result<()> {
    store.write(|s| s.topics().delete(topic_id))
}

/// Ticks a topic as discussed in `meeting_id`, or unticks it. A topic
/// ticked in another 1:1 stays as that 1:1 recorded it.
pub fn set_discussed(
    store: &mut Store,
    topic_id: &str,
    meeting_id: &str,
    discussed: bool,
) -> Result<Topic> {
    let now = store.clock().now();
    store.write(|s| {
        let topic = s.topics().get(topic_id)?;
        let meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.person_id != topic.person_id {
            return Err(Error::invalid("That topic is for someone else's 1:1s."));
        }
        if meeting.status == MeetingStatus::Cancelled {
            return Err(Error::invalid("This 1:1 was cancelled."));
        }
        if topic
            .discussed_in
            .as_deref()
            .is_some_and(|m| m != meeting_id)
        {
            return Err(Error::invalid(
                "That topic was already discussed in another 1:1.",
            ));
        }
        s.topics()
            .set_discussed(topic_id, discussed.then_some((meeting_id, now)))
    })
}
