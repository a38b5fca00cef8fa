//! JSON over HTTP on the gRPC port: `POST /v1/analyze` and `POST /v1/compare`
//! take and return the proto3 JSON mapping and call the very same service
//! methods as gRPC (same limits, same errors, mapped to HTTP codes with a JSON
//! error body). `GET /openapi.json` describes them, generated from the proto's
//! own descriptors so it cannot drift; `GET /` serves the demo page.

use super::{json, pb, AnalysisService};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use pb::text_analysis_server::TextAnalysis;
use prost_reflect::{Cardinality, DescriptorPool, Kind, MessageDescriptor};
use serde_json::{json as json_value, Map, Value};
use tonic::{Code, Status};

const INDEX_HTML: &str = include_str!("../../web/index.html");

/// The HTTP routes, sharing `service` with the gRPC server.
pub fn router(service: AnalysisService, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/", get(|| async { Html(INDEX_HTML) }))
        .route("/openapi.json", get(openapi_json))
        .route("/v1/analyze", post(analyze))
        .route("/v1/compare", post(compare))
        .route("/v1/seeds", get(seeds))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(service)
}

async fn analyze(
    State(service): State<AnalysisService>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: pb::AnalyzeRequest = match parse(&headers, &body) {
        Ok(request) => request,
        Err(status) => return error_response(&status),
    };
    match service.analyze(tonic::Request::new(request)).await {
        Ok(response) => json_response(&response.into_inner()),
        Err(status) => error_response(&status),
    }
}

async fn compare(
    State(service): State<AnalysisService>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: pb::CompareCoverageRequest = match parse(&headers, &body) {
        Ok(request) => request,
        Err(status) => return error_response(&status),
    };
    match service.compare_coverage(tonic::Request::new(request)).await {
        Ok(response) => json_response(&response.into_inner()),
        Err(status) => error_response(&status),
    }
}

/// The sample articles shipped with the service, for the demo page.
async fn seeds() -> Response {
    let seeds: Vec<Value> = SEEDS
        .iter()
        .map(|(id, text)| json_value!({"id": id, "text": text}))
        .collect();
    axum::Json(Value::Array(seeds)).into_response()
}

const SEEDS: &[(&str, &str)] = &[
    (
        "000_014238c15a46f1f0.txt",
        include_str!("../../seeds/000_014238c15a46f1f0.txt"),
    ),
    (
        "001_fd6752b6150a77c8.txt",
        include_str!("../../seeds/001_fd6752b6150a77c8.txt"),
    ),
    (
        "002_3f996f77626a4efd.txt",
        include_str!("../../seeds/002_3f996f77626a4efd.txt"),
    ),
    (
        "003_6c5723df540ffc3e.txt",
        include_str!("../../seeds/003_6c5723df540ffc3e.txt"),
    ),
    (
        "004_29795408d260e6de.txt",
        include_str!("../../seeds/004_29795408d260e6de.txt"),
    ),
];

fn parse<M: prost::Message + prost::Name + Default>(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<M, Status> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    // curl -d sends form encoding by default; accept it when the body is JSON.
    if !(content_type.starts_with("application/json")
        || content_type.starts_with("application/x-www-form-urlencoded")
        || content_type.starts_with("text/plain"))
    {
        return Err(Status::invalid_argument(format!(
            "unsupported content type {content_type:?}: send application/json"
        )));
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| Status::invalid_argument("request body is not UTF-8 JSON"))?;
    json::from_json::<M>(text)
        .map_err(|err| Status::invalid_argument(format!("invalid request JSON: {err}")))
}

fn json_response<M: prost::Message + prost::Name>(message: &M) -> Response {
    axum::Json(json::to_json(message)).into_response()
}

/// The HTTP code for a gRPC status, as grpc-gateway maps them.
pub fn http_code(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Code::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
        Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A JSON error body `{"code", "status", "message"}` with the mapped HTTP code.
pub fn error_response(status: &Status) -> Response {
    let error = super::convert::error(status);
    let mut response = (
        http_code(status.code()),
        axum::Json(
            json_value!({"code": error.code, "status": error.status, "message": error.message}),
        ),
    )
        .into_response();
    if let Some(pushback) = status.metadata().get("grpc-retry-pushback-ms") {
        if let Some(secs) = pushback
            .to_str()
            .ok()
            .and_then(|ms| ms.parse::<u64>().ok())
            .map(|ms| ms.div_ceil(1000).max(1))
        {
            if let Ok(value) = secs.to_string().parse() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
    }
    response
}

async fn openapi_json() -> Response {
    axum::Json(openapi()).into_response()
}

/// OpenAPI 3.0 description of the JSON routes, built from the proto descriptors.
pub fn openapi() -> Value {
    let pool = DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET)
        .expect("the descriptor set is generated at build time from our own proto");
    let mut schemas = Map::new();
    for message in pool
        .all_messages()
        .filter(|m| m.package_name() == "textanalysis.v1")
    {
        schemas.insert(message.name().to_owned(), message_schema(&message));
    }
    schemas.insert(
        "ErrorBody".to_owned(),
        json_value!({
            "type": "object",
            "properties": {
                "code": {"type": "integer", "description": "gRPC status code number"},
                "status": {"type": "string", "description": "gRPC status code name"},
                "message": {"type": "string", "description": "Human-readable reason"}
            }
        }),
    );
    let operation = |summary: &str, request: &str, response: &str| {
        json_value!({
            "summary": summary,
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{request}")}}}},
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{response}")}}}},
                "default": {"description": "Error (HTTP code mapped from the gRPC status)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
            }
        })
    };
    json_value!({
        "openapi": "3.0.3",
        "info": {
            "title": "textanalysis",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "JSON mapping of the textanalysis.v1 gRPC API (proto3 JSON: lowerCamelCase names, enums as strings). Spans are UTF-8 byte offsets, half-open."
        },
        "paths": {
            "/v1/analyze": {"post": operation("Analyze one article (TextAnalysis.Analyze)", "AnalyzeRequest", "AnalyzeResponse")},
            "/v1/compare": {"post": operation("Compare coverage across articles (TextAnalysis.CompareCoverage)", "CompareCoverageRequest", "CompareCoverageResponse")}
        },
        "components": {"schemas": Value::Object(schemas)}
    })
}

fn message_schema(message: &MessageDescriptor) -> Value {
    let mut properties = Map::new();
    for field in message.fields() {
        let item = match field.kind() {
            Kind::Message(m) => json_value!({"$ref": format!("#/components/schemas/{}", m.name())}),
            Kind::Enum(e) => {
                json_value!({"type": "string", "enum": e.values().map(|v| v.name().to_owned()).collect::<Vec<_>>()})
            }
            Kind::String => json_value!({"type": "string"}),
            Kind::Bytes => json_value!({"type": "string", "format": "byte"}),
            Kind::Bool => json_value!({"type": "boolean"}),
            Kind::Float | Kind::Double => json_value!({"type": "number"}),
            Kind::Int64 | Kind::Uint64 | Kind::Sint64 | Kind::Fixed64 | Kind::Sfixed64 => {
                json_value!({"type": "string", "format": "int64"})
            }
            _ => json_value!({"type": "integer"}),
        };
        let schema = if field.cardinality() == Cardinality::Repeated {
            json_value!({"type": "array", "items": item})
        } else {
            item
        };
        properties.insert(field.json_name().to_owned(), schema);
    }
    json_value!({"type": "object", "properties": Value::Object(properties)})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openapi_covers_every_message_field() {
        let spec = openapi();
        let schemas = &spec["components"]["schemas"];
        assert_eq!(
            schemas["Quote"]["properties"]["speakerEntityId"]["type"],
            "string"
        );
        assert_eq!(schemas["Entity"]["properties"]["type"]["enum"][1], "PERSON");
        assert_eq!(
            schemas["AnalyzeResponse"]["properties"]["quotes"]["type"],
            "array"
        );
        assert_eq!(schemas["Article"]["properties"]["html"]["format"], "byte");
        assert!(spec["paths"]["/v1/compare"]["post"].is_object());
    }

    #[test]
    fn statuses_map_to_http_codes() {
        assert_eq!(http_code(Code::InvalidArgument), StatusCode::BAD_REQUEST);
        assert_eq!(
            http_code(Code::ResourceExhausted),
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            http_code(Code::DeadlineExceeded),
            StatusCode::GATEWAY_TIMEOUT
        );
        assert_eq!(http_code(Code::Unauthenticated), StatusCode::UNAUTHORIZED);
    }
}
