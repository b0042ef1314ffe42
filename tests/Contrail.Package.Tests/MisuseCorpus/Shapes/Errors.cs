// The further misuse shapes that the pages of CTR4001-CTR4010 list, beyond the one case of each ID
// in OneOfEach/ (CTR4008 is in TracedServices.cs). A "// expect: ID" comment marks the line the
// diagnostic must be reported on: the [GrpcError], [ErrorMetadata] or [assembly: ErrorDomain]
// attribute. The project's [assembly: ErrorDomain] has an empty domain, so an error without its
// own Domain has none (CTR4003); every other error here sets Domain.
using System;
using Contrail;

[assembly: ErrorDomain(" ")] // expect: CTR4010

namespace Corpus.Shapes;

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_ALREADY_SHIPPED_", Domain = Domains.Shop)] // expect: CTR4001
public sealed class OrderAlreadyShippedException(string orderId) : Exception($"Order {orderId} has already been shipped.")
{
}

[GrpcError(GrpcStatusCode.NotFound, "ORDERS_AND_CARTS_AND_WISHLISTS_AND_EVERYTHING_ELSE_OF_THE_SHOP_NOT_FOUND", Domain = Domains.Shop)] // expect: CTR4001
public sealed class EverythingNotFoundException() : Exception("Nothing was found.")
{
}

public enum PaymentError
{
    [GrpcError(GrpcStatusCode.FailedPrecondition, "payment-declined", Domain = Domains.Shop)] // expect: CTR4001
    Declined,

    [GrpcError(GrpcStatusCode.OK, "PAYMENT_PENDING", Domain = Domains.Shop)] // expect: CTR4006
    Pending,

    [GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_EXPIRED")] // expect: CTR4003
    Expired,

    [GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_REFUSED", Domain = Domains.Shop)]
    Refused,

    [GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_REJECTED", Domain = Domains.Shop)] // expect: CTR4009
    Rejected = Refused,
}

public static class Domains
{
    public const string Shop = "shapes.corpus.example";
}

[GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = Domains.Shop)]
public sealed class OrderNotFoundException(string orderId) : Exception($"Order {orderId} was not found.")
{
    [ErrorMetadata("orderId")]
    public string OrderId { get; } = orderId;
}

public enum LookupError
{
    [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = Domains.Shop)] // expect: CTR4002
    OrderMissing,
}

// The same reason in another domain is not a duplicate.
[GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = "archive.corpus.example")]
public sealed class ArchivedOrderNotFoundException(string orderId) : Exception($"Archived order {orderId} was not found.")
{
    [ErrorMetadata("orderId")]
    public string OrderId { get; } = orderId;
}

// No Domain, and the assembly's domain is empty.
[GrpcError(GrpcStatusCode.NotFound, "CUSTOMER_NOT_FOUND")] // expect: CTR4003
public sealed class CustomerNotFoundException(string customerId) : Exception($"Customer {customerId} was not found.")
{
}

[GrpcError(GrpcStatusCode.NotFound, "STORE_NOT_FOUND", Domain = "   ")] // expect: CTR4003
public sealed class StoreNotFoundException(string storeId) : Exception($"Store {storeId} was not found.")
{
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_NOT_EDITABLE", Domain = Domains.Shop, Message = "Order {orderId} can no longer be changed.")]
public class OrderNotEditableException(string orderId, string message) : Exception(message)
{
    public OrderNotEditableException(string orderId)
        : this(orderId, $"Order {orderId} can no longer be changed.")
    {
    }

    [ErrorMetadata("orderId")] // expect: CTR4004
    public string OrderId { get; } = orderId;
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_ALREADY_DELIVERED", Domain = Domains.Shop)]
public sealed class OrderAlreadyDeliveredException(string orderId, string trackingNumber, string carrier)
    : OrderNotEditableException(orderId, $"Order {orderId} has already been delivered.")
{
    [ErrorMetadata("orderId")]
    public string DeliveredOrderId { get; } = orderId;

    [ErrorMetadata("TrackingNumber")] // expect: CTR4004
    public string TrackingNumber { get; } = trackingNumber;

    [ErrorMetadata("carrier_name")] // expect: CTR4004
    public string Carrier { get; } = carrier;
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ITEM_OUT_OF_STOCK", Domain = Domains.Shop, Message = "Only {available} of {sku} are in stock.")] // expect: CTR4005
public sealed class ItemOutOfStockException(string sku, int available) : Exception($"Only {available} of {sku} are in stock.")
{
    [ErrorMetadata("sku")]
    public string Sku { get; } = sku;

    public int Available { get; } = available;
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "LIMIT_EXCEEDED", Domain = Domains.Shop, Message = "The limit of {limit:N0} was exceeded {}.")] // expect: CTR4005, CTR4005
public sealed class LimitExceededException(long limit) : Exception($"The limit of {limit} was exceeded.")
{
    [ErrorMetadata("limit")]
    public long Limit { get; } = limit;
}

[GrpcError((GrpcStatusCode)(-1), "WAREHOUSE_UNREACHABLE", Domain = Domains.Shop)] // expect: CTR4006
public sealed class WarehouseUnreachableException() : Exception("The warehouse cannot be reached.")
{
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_TOTAL_EXCEEDED", Domain = Domains.Shop)]
public sealed class OrderTotalExceededException(string orderId, DateTimeOffset limitResetsAt)
    : Exception($"Order {orderId} exceeds the spending limit.")
{
    [ErrorMetadata("orderId")] // expect: CTR4007
    public string OrderId { private get; init; } = orderId;

    [ErrorMetadata("limitResetsAt")] // expect: CTR4007
    public DateTimeOffset LimitResetsAt { get; } = limitResetsAt;

    [ErrorMetadata("region")] // expect: CTR4007
    public static string Region => "eu";

    [ErrorMetadata("note")] // expect: CTR4007
    public string Note { set => _ = value; }

    public override string ToString() => OrderId;
}

public sealed class OrderDto
{
    [ErrorMetadata("orderId")] // expect: CTR4007
    public string OrderId { get; set; } = "";
}

[GrpcError(GrpcStatusCode.NotFound, "RESOURCE_NOT_FOUND", Domain = Domains.Shop)] // expect: CTR4009
public sealed class ResourceNotFoundException<TResource>(string id) : Exception($"{typeof(TResource).Name} {id} was not found.")
{
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "SHOP_ERROR", Domain = Domains.Shop)] // expect: CTR4009
public abstract class ShopException(string message) : Exception(message)
{
}

public sealed class OrderCancelledException(string orderId) : ShopException($"Order {orderId} has been cancelled.")
{
}

public static class OrderErrors
{
    [GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_REFUNDED", Domain = Domains.Shop)] // expect: CTR4009
    private sealed class OrderRefundedException(string orderId) : Exception($"Order {orderId} has been refunded.")
    {
    }
}
