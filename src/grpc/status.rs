//! The one place where core errors become gRPC statuses: client faults keep
//! their message; our own faults are logged and answered generically.

use crate::error::Error;
use tonic::Status;

impl From<Error> for Status {
    fn from(err: Error) -> Status {
        match &err {
            Error::EmptyInput | Error::MissingContent | Error::NotText { .. } => {
                Status::invalid_argument(err.to_string())
            }
            Error::InputTooLarge { .. } | Error::TooMuchWork { .. } => {
                Status::resource_exhausted(err.to_string())
            }
            Error::DeadlineExceeded { .. } => Status::deadline_exceeded(err.to_string()),
            _ => {
                tracing::error!(error = %err, "internal error during analysis");
                Status::internal("internal error")
            }
        }
    }
}

/// The canonical name of a gRPC status code ("INVALID_ARGUMENT"), as used in
/// error bodies and metric labels.
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code;
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    #[test]
    fn client_faults_keep_their_message() {
        let status = Status::from(Error::InputTooLarge { len: 11, max: 10 });
        assert_eq!(status.code(), Code::ResourceExhausted);
        assert!(status.message().contains("limit is 10"));
        assert_eq!(
            Status::from(Error::EmptyInput).code(),
            Code::InvalidArgument
        );
    }

    #[test]
    fn internal_faults_hide_details() {
        let status = Status::from(Error::Model {
            name: "ner",
            reason: "secret path".into(),
        });
        assert_eq!(status.code(), Code::Internal);
        assert!(!status.message().contains("secret"));
    }
}
