using System;

// The google.rpc.ErrorInfo domain of the shop's errors, and the name of the class Contrail
// generates for them: mapping, typed client helpers and catalog.
[assembly: Contrail.ErrorDomain("shop.acme.example", CatalogName = "ShopErrors")]

namespace Contrail.Sample.Shop;

/// <summary>
/// No order has the requested id. Thrown by <see cref="ShopService"/>, it reaches the client as
/// <c>NOT_FOUND</c> with an <c>ErrorInfo</c> (reason <c>ORDER_NOT_FOUND</c>, metadata <c>orderId</c>),
/// from which <c>ShopErrors.TryGetOrderNotFound</c> rebuilds it.
/// </summary>
[GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Message = "Order {orderId} does not exist.")]
public sealed class OrderNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="orderId">The id no order has.</param>
    public OrderNotFoundException(string orderId)
        : base($"Order {orderId} does not exist.")
    {
        OrderId = orderId;
    }

    /// <summary>Gets the id no order has; sent to the client as the <c>orderId</c> metadata entry.</summary>
    [ErrorMetadata("orderId")]
    public string OrderId { get; }
}
