//! The proto3 JSON mapping (lowerCamelCase names, enum names as strings,
//! defaults omitted: what grpcurl prints), driven by the API's own descriptors.

use super::pb;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor, SerializeOptions};
use std::sync::OnceLock;

fn pool() -> &'static DescriptorPool {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET)
            .expect("the descriptor set is generated at build time from our own proto")
    })
}

fn descriptor(name: &str) -> MessageDescriptor {
    pool()
        .get_message_by_name(name)
        .unwrap_or_else(|| panic!("message {name} is defined in our proto"))
}

/// A message of our API as proto3 JSON text. Floats are written in their
/// shortest `f32` form (`0.12100977`), as grpcurl prints them.
pub fn to_json_string<M: Message + prost::Name>(message: &M) -> String {
    let desc = descriptor(&M::full_name());
    let dynamic = DynamicMessage::decode(desc, message.encode_to_vec().as_slice())
        .expect("re-decoding a message we just encoded with the same descriptor");
    let mut out = Vec::with_capacity(message.encoded_len() * 2);
    dynamic
        .serialize_with_options(
            &mut serde_json::Serializer::new(&mut out),
            &SerializeOptions::new(),
        )
        .expect("serializing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// A message of our API as a proto3 JSON value (parsed from [`to_json_string`],
/// so both give the same numbers).
pub fn to_json<M: Message + prost::Name>(message: &M) -> serde_json::Value {
    serde_json::from_str(&to_json_string(message)).expect("we just wrote valid JSON")
}

/// Parse a message of our API from its proto3 JSON form.
pub fn from_json<M: Message + prost::Name + Default>(json: &str) -> Result<M, String> {
    let desc = descriptor(&M::full_name());
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let dynamic =
        DynamicMessage::deserialize(desc, &mut deserializer).map_err(|e| e.to_string())?;
    deserializer.end().map_err(|e| e.to_string())?;
    dynamic.transcode_to::<M>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_are_names_and_fields_camel_case() {
        let response = pb::AnalyzeResponse {
            id: "a".into(),
            entities: vec![pb::Entity {
                id: "e0".into(),
                name: "Paris".into(),
                r#type: pb::EntityType::Location as i32,
                ..Default::default()
            }],
            quotes: vec![pb::Quote {
                speaker_entity_id: "e0".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let json = to_json(&response);
        assert_eq!(json["entities"][0]["type"], "LOCATION");
        assert_eq!(json["quotes"][0]["speakerEntityId"], "e0");
        assert!(json.get("error").is_none(), "unset fields are omitted");
    }

    #[test]
    fn floats_print_in_shortest_f32_form() {
        let sentiment = pb::Sentiment {
            score: -0.121_009_77,
            label: pb::SentimentLabel::Neutral as i32,
        };
        assert_eq!(
            to_json_string(&sentiment),
            r#"{"score":-0.12100977,"label":"NEUTRAL"}"#
        );
    }

    #[test]
    fn request_round_trips_through_json() {
        let request: pb::AnalyzeRequest =
            from_json(r#"{"article":{"id":"x","text":"Hello."},"options":{"skipQuotes":true}}"#)
                .unwrap();
        let article = request.article.unwrap();
        assert_eq!(
            article.content,
            Some(pb::article::Content::Text("Hello.".into()))
        );
        assert!(request.options.unwrap().skip_quotes);
        assert!(from_json::<pb::AnalyzeRequest>(r#"{"artcle":{}}"#).is_err());
    }
}
