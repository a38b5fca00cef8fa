//! Conversions between wire types (`pb::*`) and the core model. Requests are
//! validated here; responses are built from a finished [`Doc`].

use super::pb;
use crate::clean::Content;
use crate::doc::{self, Doc, Span};
use crate::pipeline::Options;
use tonic::Status;

/// Validate a request: its id, content and options.
pub fn request(request: pb::AnalyzeRequest) -> Result<(String, Content, Options), Status> {
    let article = request
        .article
        .ok_or_else(|| Status::invalid_argument("`article` is required"))?;
    let options = request.options.map(options).unwrap_or_default();
    let (id, content) = article_content(article)?;
    Ok((id, content, options))
}

/// An article's id and content.
pub fn article_content(article: pb::Article) -> Result<(String, Content), Status> {
    let content = match article.content {
        Some(pb::article::Content::Text(text)) => Content::Text(text),
        Some(pb::article::Content::Html(html)) => Content::Html(html),
        None => {
            return Err(Status::invalid_argument(
                "`article` has no content: set `text` or `html`",
            ))
        }
    };
    Ok((article.id, content))
}

/// Stage options from the wire.
pub fn options(options: pb::AnalysisOptions) -> Options {
    Options {
        skip_cleaning: options.skip_cleaning,
        skip_entities: options.skip_entities,
        skip_quotes: options.skip_quotes,
        skip_sentiment: options.skip_sentiment,
    }
}

/// The wire span.
pub fn span(span: Span) -> pb::Span {
    pb::Span {
        start: span.start() as u32,
        end: span.end() as u32,
    }
}

fn entity_type(kind: doc::EntityType) -> pb::EntityType {
    match kind {
        doc::EntityType::Person => pb::EntityType::Person,
        doc::EntityType::Organization => pb::EntityType::Organization,
        doc::EntityType::Location => pb::EntityType::Location,
        doc::EntityType::Misc => pb::EntityType::Misc,
    }
}

fn quote_kind(kind: doc::QuoteKind) -> pb::QuoteKind {
    match kind {
        doc::QuoteKind::Direct => pb::QuoteKind::Direct,
        doc::QuoteKind::Partial => pb::QuoteKind::Partial,
        doc::QuoteKind::Scare => pb::QuoteKind::Scare,
        doc::QuoteKind::Indirect => pb::QuoteKind::Indirect,
    }
}

/// The wire sentiment.
pub fn sentiment(sentiment: doc::Sentiment) -> pb::Sentiment {
    let label = match sentiment.label {
        doc::SentimentLabel::Negative => pb::SentimentLabel::Negative,
        doc::SentimentLabel::Neutral => pb::SentimentLabel::Neutral,
        doc::SentimentLabel::Positive => pb::SentimentLabel::Positive,
        doc::SentimentLabel::Mixed => pb::SentimentLabel::Mixed,
    };
    pb::Sentiment {
        score: sentiment.score,
        label: label as i32,
    }
}

/// Wire id of entity `index`.
pub fn entity_id(index: usize) -> String {
    format!("e{index}")
}

/// Wire id of quote `index`.
pub fn quote_id(index: usize) -> String {
    format!("q{index}")
}

/// The response for an analysed document.
pub fn response(id: String, doc: &Doc) -> pb::AnalyzeResponse {
    let source = |s: Span| doc.source_span(s).map(span);
    let document = pb::Document {
        title: doc.title.clone(),
        body: doc.body.clone(),
        author: doc.author.clone(),
        published: doc.published.clone(),
        paragraphs: doc.paragraphs.iter().copied().map(span).collect(),
        sentences: doc.sentences.iter().map(|s| span(s.span)).collect(),
        removed: doc
            .removed
            .iter()
            .map(|block| pb::RemovedBlock {
                source_span: block.source_span.map(span),
                reason: block.reason.to_owned(),
                text: block.text.clone(),
            })
            .collect(),
        input_format: match doc.input_format {
            doc::InputFormat::Text => "text".to_owned(),
            doc::InputFormat::Html => "html".to_owned(),
        },
        charset: doc.charset.clone(),
        language: doc.language.code().to_owned(),
    };
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(index, entity)| {
            let mut aliases: Vec<String> = Vec::new();
            let mentions = entity
                .mentions
                .iter()
                .map(|&m| {
                    let text = doc.text(m).to_owned();
                    if !aliases.contains(&text) {
                        aliases.push(text.clone());
                    }
                    pb::Mention {
                        span: Some(span(m)),
                        text,
                        source_span: source(m),
                    }
                })
                .collect();
            pb::Entity {
                id: entity_id(index),
                name: entity.name.clone(),
                r#type: entity_type(entity.kind) as i32,
                mentions,
                sentiment: entity.sentiment.map(sentiment),
                aliases,
            }
        })
        .collect();
    let quotes = doc
        .quotes
        .iter()
        .enumerate()
        .map(|(index, quote)| pb::Quote {
            id: quote_id(index),
            span: Some(span(quote.span)),
            text: quote.text(&doc.body),
            kind: quote_kind(quote.kind) as i32,
            speaker: quote
                .speaker
                .map(|e| doc.entities[e].name.clone())
                .unwrap_or_default(),
            speaker_entity_id: quote.speaker.map(entity_id).unwrap_or_default(),
            speaker_span: quote.speaker_span.map(span),
            cue: quote
                .cue
                .map(|c| doc.text(c).to_owned())
                .unwrap_or_default(),
            confidence: quote.confidence,
            sentiment: quote.sentiment.map(sentiment),
            source_span: source(quote.span),
            fragments: if quote.fragments.is_empty() {
                Vec::new()
            } else {
                quote.fragments.iter().copied().map(span).collect()
            },
        })
        .collect();
    let speakers = doc
        .speakers
        .iter()
        .map(|speaker| pb::Speaker {
            entity_id: entity_id(speaker.entity),
            name: doc.entities[speaker.entity].name.clone(),
            quote_count: speaker.quotes.len() as u32,
            sentiment: speaker.sentiment.map(sentiment),
            quote_ids: speaker.quotes.iter().copied().map(quote_id).collect(),
        })
        .collect();
    pb::AnalyzeResponse {
        id,
        document: Some(document),
        entities,
        quotes,
        speakers,
        error: None,
    }
}

/// The wire error for a failed article.
pub fn error(status: &Status) -> pb::Error {
    pb::Error {
        code: status.code() as i32,
        status: super::status::code_name(status.code()).to_owned(),
        message: status.message().to_owned(),
    }
}

/// A stream response that reports a failed article.
pub fn error_response(id: String, status: &Status) -> pb::AnalyzeResponse {
    pb::AnalyzeResponse {
        id,
        error: Some(error(status)),
        ..Default::default()
    }
}

/// A validated CompareCoverage request: each article's id with its content
/// (or why it cannot be analysed), the stage options and comparison settings.
pub type CompareInput = (
    Vec<(String, Result<Content, Status>)>,
    Options,
    crate::compare::Config,
);

/// Validate a CompareCoverage request: at least one and at most
/// `max_articles` articles with distinct, non-empty ids, and a similarity in
/// 0..1. An article without content is kept with its error.
pub fn compare_request(
    request: pb::CompareCoverageRequest,
    max_articles: usize,
) -> Result<CompareInput, Status> {
    let count = request.articles.len();
    if count == 0 {
        return Err(Status::invalid_argument(
            "`articles` is empty: send at least one",
        ));
    }
    if count > max_articles {
        return Err(Status::invalid_argument(format!(
            "{count} articles; a comparison takes at most {max_articles} (server.max_articles_per_call)"
        )));
    }
    let min_similarity = request.min_similarity;
    if !(0.0..=1.0).contains(&min_similarity) {
        return Err(Status::invalid_argument(format!(
            "`min_similarity` is {min_similarity}; it must be in 0..1 (0 = server default)"
        )));
    }
    let mut config = crate::compare::Config::default();
    if min_similarity > 0.0 {
        config.min_similarity = min_similarity;
    }
    let options = request.options.map(options).unwrap_or_default();
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut articles = Vec::with_capacity(count);
    for (index, article) in request.articles.into_iter().enumerate() {
        if article.id.is_empty() {
            return Err(Status::invalid_argument(format!(
                "article {index} has no `id`; each article needs a distinct id"
            )));
        }
        if !seen.insert(article.id.clone()) {
            return Err(Status::invalid_argument(format!(
                "article id {:?} appears more than once; ids must be distinct",
                article.id
            )));
        }
        let id = article.id.clone();
        articles.push((id, article_content(article).map(|(_, content)| content)));
    }
    Ok((articles, options, config))
}

/// Summary of an analysed article in a comparison.
pub fn article_summary(id: String, doc: &Doc) -> pb::ArticleSummary {
    pb::ArticleSummary {
        article_id: id,
        title: doc.title.clone(),
        entity_count: doc.entities.len() as u32,
        quote_count: doc.quotes.len() as u32,
        error: None,
    }
}

/// Summary of an article that could not be analysed.
pub fn article_failure(id: String, status: &Status) -> pb::ArticleSummary {
    pb::ArticleSummary {
        article_id: id,
        error: Some(error(status)),
        ..Default::default()
    }
}

/// Wire id of cross-article entity `index`.
pub fn cross_entity_id(index: usize) -> String {
    format!("x{index}")
}

/// Wire id of statement `index`.
pub fn statement_id(index: usize) -> String {
    format!("s{index}")
}

fn diff_kind(kind: crate::compare::DiffKind) -> pb::DiffKind {
    match kind {
        crate::compare::DiffKind::Equal => pb::DiffKind::Equal,
        crate::compare::DiffKind::Insert => pb::DiffKind::Insert,
        crate::compare::DiffKind::Delete => pb::DiffKind::Delete,
    }
}

/// The CompareCoverage response for a comparison and the per-article summaries
/// (in request order, failures included).
pub fn comparison(
    cmp: &crate::compare::Comparison,
    articles: Vec<pb::ArticleSummary>,
) -> pb::CompareCoverageResponse {
    let article_id = |index: usize| cmp.articles.get(index).cloned().unwrap_or_default();
    let entities = cmp
        .entities
        .iter()
        .enumerate()
        .map(|(index, entity)| pb::CrossEntity {
            id: cross_entity_id(index),
            name: entity.name.clone(),
            r#type: entity_type(entity.kind) as i32,
            articles: entity
                .articles
                .iter()
                .map(|row| pb::ArticleMentions {
                    article_id: article_id(row.article),
                    mentions: row.mentions as u32,
                    entity_id: entity_id(row.entity),
                })
                .collect(),
            aliases: entity.aliases.clone(),
        })
        .collect();
    let statements = cmp
        .statements
        .iter()
        .enumerate()
        .map(|(index, statement)| pb::Statement {
            id: statement_id(index),
            speaker: statement
                .speaker
                .and_then(|e| cmp.entities.get(e))
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            speaker_entity_id: statement.speaker.map(cross_entity_id).unwrap_or_default(),
            variants: statement
                .variants
                .iter()
                .map(|variant| pb::StatementVariant {
                    article_id: article_id(variant.article),
                    quote_id: quote_id(variant.quote),
                    text: variant.text.clone(),
                    diff: variant
                        .diff
                        .iter()
                        .map(|op| pb::DiffOp {
                            kind: diff_kind(op.kind) as i32,
                            text: op.text.clone(),
                        })
                        .collect(),
                    similarity: variant.similarity,
                })
                .collect(),
            single_outlet: statement.single_outlet,
        })
        .collect();
    let speakers = cmp
        .speakers
        .iter()
        .map(|speaker| pb::SpeakerCoverage {
            entity_id: cross_entity_id(speaker.entity),
            name: cmp
                .entities
                .get(speaker.entity)
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            articles: speaker
                .articles
                .iter()
                .map(|row| pb::ArticleQuotes {
                    article_id: article_id(row.article),
                    quote_count: row.quotes as u32,
                    sentiment: row.sentiment.map(sentiment),
                })
                .collect(),
        })
        .collect();
    pb::CompareCoverageResponse {
        entities,
        statements,
        speakers,
        articles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_article_and_content_are_invalid() {
        let err = request(pb::AnalyzeRequest::default()).unwrap_err();
        assert_eq!(err.code(), tonic::Code::InvalidArgument);
        let err = request(pb::AnalyzeRequest {
            article: Some(pb::Article::default()),
            options: None,
        })
        .unwrap_err();
        assert!(err.message().contains("no content"));
    }

    fn article(id: &str) -> pb::Article {
        pb::Article {
            id: id.into(),
            content: Some(pb::article::Content::Text("Hello.".into())),
            ..Default::default()
        }
    }

    #[test]
    fn compare_request_needs_distinct_ids_within_the_limit() {
        let request = |ids: &[&str]| pb::CompareCoverageRequest {
            articles: ids.iter().map(|id| article(id)).collect(),
            ..Default::default()
        };
        let err = compare_request(request(&[]), 10).unwrap_err();
        assert_eq!(err.code(), tonic::Code::InvalidArgument);
        let err = compare_request(request(&["a", "b", "a"]), 10).unwrap_err();
        assert!(err.message().contains("\"a\""), "{}", err.message());
        let err = compare_request(request(&["a", ""]), 10).unwrap_err();
        assert!(err.message().contains("article 1"));
        let err = compare_request(request(&["a", "b", "c"]), 2).unwrap_err();
        assert!(err.message().contains("at most 2"));
        let (articles, _, config) = compare_request(request(&["a", "b"]), 2).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(config, crate::compare::Config::default());
    }

    #[test]
    fn compare_request_checks_similarity_and_keeps_contentless_articles() {
        let mut request = pb::CompareCoverageRequest {
            articles: vec![
                article("a"),
                pb::Article {
                    id: "b".into(),
                    ..Default::default()
                },
            ],
            min_similarity: 1.5,
            ..Default::default()
        };
        assert!(compare_request(request.clone(), 10).is_err());
        request.min_similarity = f32::NAN;
        assert!(compare_request(request.clone(), 10).is_err());
        request.min_similarity = 0.7;
        let (articles, _, config) = compare_request(request, 10).unwrap();
        assert_eq!(config.min_similarity, 0.7);
        assert!(articles[0].1.is_ok() && articles[1].1.is_err());
    }

    #[test]
    fn error_names_follow_grpc() {
        let err = error(&Status::invalid_argument("bad"));
        assert_eq!((err.code, err.status.as_str()), (3, "INVALID_ARGUMENT"));
        assert_eq!(
            error(&Status::resource_exhausted("x")).status,
            "RESOURCE_EXHAUSTED"
        );
    }
}
