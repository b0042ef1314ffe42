// One misuse of each error catalog diagnostic (CTR4001-CTR4007, CTR4009, CTR4010; CTR4008 is in
// TracedServices.cs), as written on their pages under docs/diagnostics. A "// expect: ID" comment
// marks the line the diagnostic must be reported on: the [GrpcError], [ErrorMetadata] or
// [assembly: ErrorDomain] attribute.
using System;
using Contrail;

[assembly: ErrorDomain("shop.corpus.example", CatalogName = "Shop-Errors")] // expect: CTR4010

namespace Corpus.OneOfEach;

[GrpcError(GrpcStatusCode.NotFound, "OrderNotFound")] // expect: CTR4001
public sealed class OrderNotFoundException(string orderId) : Exception($"Order {orderId} was not found.")
{
}

[GrpcError(GrpcStatusCode.NotFound, "CART_NOT_FOUND", Message = "Cart {cartId} was not found.")]
public sealed class CartNotFoundException(string cartId) : Exception($"Cart {cartId} was not found.")
{
    [ErrorMetadata("cartId")]
    public string CartId { get; } = cartId;
}

[GrpcError(GrpcStatusCode.NotFound, "CART_NOT_FOUND", Message = "Basket {basketId} was not found.")] // expect: CTR4002
public sealed class BasketNotFoundException(string basketId) : Exception($"Basket {basketId} was not found.")
{
    [ErrorMetadata("basketId")]
    public string BasketId { get; } = basketId;
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_DECLINED", Domain = "")] // expect: CTR4003
public sealed class PaymentDeclinedException(string orderId) : Exception($"The payment for order {orderId} was declined.")
{
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_ALREADY_SHIPPED")]
public sealed class OrderAlreadyShippedException(string orderId) : Exception($"Order {orderId} has already been shipped.")
{
    [ErrorMetadata("order_id")] // expect: CTR4004
    public string OrderId { get; } = orderId;
}

[GrpcError(GrpcStatusCode.NotFound, "SHIPMENT_NOT_FOUND", Message = "Shipment {ShipmentId} was not found.")] // expect: CTR4005
public sealed class ShipmentNotFoundException(string shipmentId) : Exception($"Shipment {shipmentId} was not found.")
{
    [ErrorMetadata("shipmentId")]
    public string ShipmentId { get; } = shipmentId;
}

[GrpcError((GrpcStatusCode)404, "INVOICE_NOT_FOUND")] // expect: CTR4006
public sealed class InvoiceNotFoundException(string invoiceId) : Exception($"Invoice {invoiceId} was not found.")
{
}

[GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_TOTAL_EXCEEDED")]
public sealed class OrderTotalExceededException(decimal total) : Exception("The order exceeds the spending limit.")
{
    [ErrorMetadata("total")] // expect: CTR4007
    public decimal Total { get; } = total;
}

[GrpcError(GrpcStatusCode.NotFound, "ORDER_ERROR")] // expect: CTR4009
public sealed class OrderError
{
}
