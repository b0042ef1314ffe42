namespace Contrail;

/// <summary>
/// The gRPC status codes, with the numeric values every gRPC implementation puts on the wire.
/// Contrail's attributes use this enum so that they do not depend on a gRPC package.
/// </summary>
public enum GrpcStatusCode
{
    /// <summary>Not an error; returned on success. Wire name <c>OK</c>.</summary>
    OK = 0,

    /// <summary>The operation was cancelled, typically by the caller. Wire name <c>CANCELLED</c>.</summary>
    Cancelled = 1,

    /// <summary>Unknown error. Wire name <c>UNKNOWN</c>.</summary>
    Unknown = 2,

    /// <summary>The client specified an invalid argument. Wire name <c>INVALID_ARGUMENT</c>.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline expired before the operation could complete. Wire name <c>DEADLINE_EXCEEDED</c>.</summary>
    DeadlineExceeded = 4,

    /// <summary>Some requested entity was not found. Wire name <c>NOT_FOUND</c>.</summary>
    NotFound = 5,

    /// <summary>The entity a client attempted to create already exists. Wire name <c>ALREADY_EXISTS</c>.</summary>
    AlreadyExists = 6,

    /// <summary>The caller does not have permission for the operation. Wire name <c>PERMISSION_DENIED</c>.</summary>
    PermissionDenied = 7,

    /// <summary>Some resource has been exhausted. Wire name <c>RESOURCE_EXHAUSTED</c>.</summary>
    ResourceExhausted = 8,

    /// <summary>The system is not in a state required for the operation. Wire name <c>FAILED_PRECONDITION</c>.</summary>
    FailedPrecondition = 9,

    /// <summary>The operation was aborted, typically by a concurrency conflict. Wire name <c>ABORTED</c>.</summary>
    Aborted = 10,

    /// <summary>The operation was attempted past the valid range. Wire name <c>OUT_OF_RANGE</c>.</summary>
    OutOfRange = 11,

    /// <summary>The operation is not implemented or not supported. Wire name <c>UNIMPLEMENTED</c>.</summary>
    Unimplemented = 12,

    /// <summary>Internal error: an invariant of the system is broken. Wire name <c>INTERNAL</c>.</summary>
    Internal = 13,

    /// <summary>The service is currently unavailable. Wire name <c>UNAVAILABLE</c>.</summary>
    Unavailable = 14,

    /// <summary>Unrecoverable data loss or corruption. Wire name <c>DATA_LOSS</c>.</summary>
    DataLoss = 15,

    /// <summary>The request lacks valid authentication credentials. Wire name <c>UNAUTHENTICATED</c>.</summary>
    Unauthenticated = 16,
}
