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
            Error::InputTooLarge { .. } => Status::resource_exhausted(err.to_string()),
            Error::DeadlineExceeded { .. } => Status::deadline_exceeded(err.to_string()),
            _ => {
                tracing::error!(error = %err, "internal error during analysis");
                Status::internal("internal error")
            }
        }
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
