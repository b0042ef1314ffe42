using System;
using Contrail;

[assembly: ErrorDomain("shop.acme.example", CatalogName = "ShopErrors")]

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>A mapped exception whose metadata rebuilds it on the client.</summary>
[GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Message = "Order {orderId} was not found.")]
public class OrderNotFoundException(string orderId) : Exception($"Order {orderId} was not found (server detail).")
{
    [ErrorMetadata("orderId")]
    public string OrderId { get; } = orderId;
}

/// <summary>Derived from a mapped exception, mapped itself: the most derived mapping wins.</summary>
[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_ARCHIVED")]
public sealed class OrderArchivedException(string orderId, int archivedYear) : OrderNotFoundException(orderId)
{
    [ErrorMetadata("archivedYear")]
    public int ArchivedYear { get; } = archivedYear;
}

/// <summary>Every kind of metadata value, restored through a constructor and settable properties.</summary>
[GrpcError(GrpcStatusCode.ResourceExhausted, "QUOTA_EXCEEDED", Domain = "billing.acme.example", Message = "Quota of {limit} {unit} exceeded.")]
public sealed class QuotaExceededException(long limit, QuotaUnit unit) : Exception("Quota exceeded.")
{
    [ErrorMetadata("limit")]
    public long Limit { get; } = limit;

    [ErrorMetadata("unit")]
    public QuotaUnit Unit { get; } = unit;

    [ErrorMetadata("accountId")]
    public Guid AccountId { get; set; }

    [ErrorMetadata("retryable")]
    public bool? Retryable { get; set; }
}

public enum QuotaUnit
{
    Requests,
    Orders,
}

/// <summary>An error catalog without exception types.</summary>
public enum PaymentError
{
    [GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_DECLINED", Message = "Card ending {last4} was declined.")]
    Declined,

    [GrpcError(GrpcStatusCode.Unavailable, "PAYMENT_PROVIDER_DOWN")]
    ProviderDown,

    NotAnError,
}

/// <summary>A mapped exception whose metadata cannot be read: the mapping fails at run time.</summary>
[GrpcError(GrpcStatusCode.Internal, "BROKEN_METADATA")]
public sealed class BrokenMetadataException : Exception
{
    [ErrorMetadata("value")]
    public string Value => throw new InvalidOperationException("The metadata getter fails.");
}
