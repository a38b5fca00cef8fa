//! A human-readable markdown report of a comparison (the CLI's
//! `--format markdown`), rendered from the wire response.

use crate::grpc::pb;
use std::fmt::Write;

/// The report: articles, speakers × outlets, statements with their variants
/// and diffs, entities × outlets.
pub fn markdown(response: &pb::CompareCoverageResponse) -> String {
    let mut out = String::new();
    let ids: Vec<&str> = response
        .articles
        .iter()
        .filter(|a| a.error.is_none())
        .map(|a| a.article_id.as_str())
        .collect();
    let entity_name = |id: &str| {
        response
            .entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    };

    out.push_str("# Coverage comparison\n\n## Articles\n\n");
    out.push_str("| article | title | entities | quotes | error |\n|---|---|---:|---:|---|\n");
    for a in &response.articles {
        let error = a.error.as_ref().map(|e| e.message.as_str()).unwrap_or("");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&a.article_id),
            cell(&a.title),
            a.entity_count,
            a.quote_count,
            cell(error)
        );
    }

    out.push_str("\n## Speakers × outlets\n\nQuotes per outlet (sentiment score).\n\n");
    header(&mut out, "speaker", &ids);
    for speaker in &response.speakers {
        let _ = write!(out, "| {} |", cell(&speaker.name));
        for id in &ids {
            match speaker.articles.iter().find(|a| a.article_id == *id) {
                Some(a) => match &a.sentiment {
                    Some(s) => {
                        let _ = write!(out, " {} ({:+.2}) |", a.quote_count, s.score);
                    }
                    None => {
                        let _ = write!(out, " {} |", a.quote_count);
                    }
                },
                None => out.push_str(" · |"),
            }
        }
        out.push('\n');
    }

    out.push_str("\n## Statements carried by several outlets\n");
    let shared = response.statements.iter().filter(|s| !s.single_outlet);
    for statement in shared {
        let speaker = if statement.speaker.is_empty() {
            "unknown speaker"
        } else {
            statement.speaker.as_str()
        };
        let _ = writeln!(out, "\n### {} ({speaker})\n", statement.id);
        for (n, variant) in statement.variants.iter().enumerate() {
            let _ = write!(
                out,
                "- **{}** `{}`: “{}”",
                variant.article_id, variant.quote_id, variant.text
            );
            if n > 0 {
                let _ = write!(
                    out,
                    " — similarity {:.2}; diff: {}",
                    variant.similarity,
                    render_diff(&variant.diff)
                );
            }
            out.push('\n');
        }
    }

    out.push_str("\n## Statements carried by one outlet only\n\n");
    for statement in response.statements.iter().filter(|s| s.single_outlet) {
        let Some(variant) = statement.variants.first() else {
            continue;
        };
        let who = if statement.speaker.is_empty() {
            String::new()
        } else {
            format!(" ({})", statement.speaker)
        };
        let _ = writeln!(out, "- **{}**{who}: “{}”", variant.article_id, variant.text);
    }

    out.push_str("\n## Entities × outlets\n\nMentions per outlet.\n\n");
    header(&mut out, "entity", &ids);
    for entity in &response.entities {
        let kind = pb::EntityType::try_from(entity.r#type)
            .map(|t| t.as_str_name())
            .unwrap_or("?");
        let _ = write!(out, "| {} ({kind}) |", cell(&entity_name(&entity.id)));
        for id in &ids {
            match entity.articles.iter().find(|a| a.article_id == *id) {
                Some(a) => {
                    let _ = write!(out, " {} |", a.mentions);
                }
                None => out.push_str(" · |"),
            }
        }
        out.push('\n');
    }
    out
}

fn header(out: &mut String, first: &str, ids: &[&str]) {
    let _ = write!(out, "| {first} |");
    for id in ids {
        let _ = write!(out, " {} |", cell(id));
    }
    out.push_str("\n|---|");
    for _ in ids {
        out.push_str("---:|");
    }
    out.push('\n');
}

/// Deleted words struck through, inserted words in bold.
fn render_diff(ops: &[pb::DiffOp]) -> String {
    let parts: Vec<String> = ops
        .iter()
        .map(|op| match pb::DiffKind::try_from(op.kind) {
            Ok(pb::DiffKind::Insert) => format!("**{}**", op.text),
            Ok(pb::DiffKind::Delete) => format!("~~{}~~", op.text),
            _ => op.text.clone(),
        })
        .collect();
    parts.join(" ")
}

/// Text safe inside a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_has_tables_and_marks_changes() {
        let response = pb::CompareCoverageResponse {
            articles: vec![
                pb::ArticleSummary {
                    article_id: "a|1".into(),
                    ..Default::default()
                },
                pb::ArticleSummary {
                    article_id: "b".into(),
                    ..Default::default()
                },
            ],
            statements: vec![pb::Statement {
                id: "s0".into(),
                speaker: "X".into(),
                variants: vec![
                    pb::StatementVariant {
                        article_id: "a|1".into(),
                        text: "one two".into(),
                        ..Default::default()
                    },
                    pb::StatementVariant {
                        article_id: "b".into(),
                        text: "one three".into(),
                        diff: vec![
                            pb::DiffOp {
                                kind: pb::DiffKind::Equal as i32,
                                text: "one".into(),
                            },
                            pb::DiffOp {
                                kind: pb::DiffKind::Delete as i32,
                                text: "two".into(),
                            },
                            pb::DiffOp {
                                kind: pb::DiffKind::Insert as i32,
                                text: "three".into(),
                            },
                        ],
                        similarity: 0.5,
                        ..Default::default()
                    },
                ],
                ..Default::default()
            }],
            ..Default::default()
        };
        let md = markdown(&response);
        assert!(md.contains("| a\\|1 |"), "{md}");
        assert!(md.contains("one ~~two~~ **three**"), "{md}");
        assert!(md.contains("### s0 (X)"), "{md}");
    }
}
