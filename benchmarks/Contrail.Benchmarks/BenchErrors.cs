using System;

// The error mapping the ErrorMappingBenchmarks measure: Contrail generates BenchErrors from it. The assembly's
// traced service (BenchOrderService) now maps its exceptions through it too.
[assembly: Contrail.ErrorDomain("bench.acme.example", CatalogName = "BenchErrors")]

namespace Contrail.Benchmarks;

/// <summary>A mapped exception with one metadata entry, as a service would declare it.</summary>
[GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Message = "Order {orderId} does not exist.")]
public sealed class OrderNotFoundException : Exception
{
    public OrderNotFoundException(string orderId)
        : base($"Order {orderId} does not exist.")
    {
        OrderId = orderId;
    }

    [ErrorMetadata("orderId")]
    public string OrderId { get; }
}
