using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.AspNetCore.Server;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using RpcStatus = Google.Rpc.Status;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// The generated error mapping end to end through the real ASP.NET Core gRPC pipeline: server →
/// trailers → GrpcChannel → client, with the trailer decoded by Google.Api.CommonProtos, by
/// Grpc.StatusProto and by the generated client helpers.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ErrorMappingBehaviourTests
{
    private const string GetOrder = "/acme.shop.v1.Orders/GetOrder";

    [Fact]
    public async Task A_mapped_exception_reaches_the_client_with_its_status_message_and_ErrorInfo()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "gone" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, received.StatusCode);
        Assert.Equal("Order o-404 was not found.", received.Status.Detail);
        var status = RpcStatus.Parser.ParseFrom(received.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal((int)StatusCode.NotFound, status.Code);
        Assert.Equal("Order o-404 was not found.", status.Message);
        var detail = Assert.Single(status.Details);
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail.TypeUrl);
        var info = detail.Unpack<ErrorInfo>();
        Assert.Equal("ORDER_NOT_FOUND", info.Reason);
        Assert.Equal("shop.acme.example", info.Domain);
        Assert.Equal(new Dictionary<string, string> { ["orderId"] = "o-404" }, info.Metadata);

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("NOT_FOUND", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task Grpc_StatusProto_reads_the_mapped_status_and_ErrorInfo_from_the_RpcException()
    {
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "archived" }).ResponseAsync);

        var status = received.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal(received.Status.Detail, status.Message);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("ORDER_ARCHIVED", info.Reason);
        Assert.Equal("shop.acme.example", info.Domain);
        Assert.Equal(new Dictionary<string, string> { ["archivedYear"] = "1999", ["orderId"] = "o-1999" }, info.Metadata);
    }

    [Fact]
    public async Task The_most_derived_mapping_wins_and_the_client_rebuilds_the_typed_exception()
    {
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "archived" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, received.StatusCode);
        Assert.True(ShopErrors.IsOrderArchived(received));
        Assert.False(ShopErrors.IsOrderNotFound(received));
        Assert.True(ShopErrors.TryGetOrderArchived(received, out var archived));
        Assert.Equal("o-1999", archived.OrderId);
        Assert.Equal(1999, archived.ArchivedYear);
        Assert.False(ShopErrors.TryGetOrderNotFound(received, out _));
    }

    [Fact]
    public async Task A_service_that_is_not_traced_maps_through_the_generated_interceptor()
    {
        await using var host = await GrpcTestHost.StartAsync(
            services => services.AddGrpc(options => options.Interceptors.Add<ShopErrorsInterceptor>()),
            endpoints => endpoints.MapGrpcService<UntracedShopService>());

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, received.StatusCode);
        Assert.Equal("Quota of 100 Orders exceeded.", received.Status.Detail);
        Assert.True(ShopErrors.TryGetQuotaExceeded(received, out var quota));
        Assert.Equal(100, quota.Limit);
        Assert.Equal(QuotaUnit.Orders, quota.Unit);
        Assert.Equal(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), quota.AccountId);
        Assert.Null(quota.Retryable);
        Assert.True(ShopErrors.TryGetErrorInfo(received, out var reason, out var domain, out var metadata));
        Assert.Equal(("QUOTA_EXCEEDED", "billing.acme.example"), (reason, domain));
        Assert.Equal(new[] { "accountId", "limit", "retryable", "unit" }, metadata.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(string.Empty, metadata["retryable"]);
    }

    [Fact]
    public async Task A_mapping_that_fails_leaves_the_original_exception_and_the_call_is_still_recorded_once()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "broken" }).ResponseAsync);

        // The original exception reaches Grpc.AspNetCore, which answers with its safe default.
        Assert.Equal(StatusCode.Unknown, received.StatusCode);
        Assert.Equal("Exception was thrown by handler.", received.Status.Detail);
        Assert.Null(received.Trailers.GetValueBytes("grpc-status-details-bin"));
        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("UNKNOWN", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal(typeof(BrokenMetadataException).FullName, span.GetTagItem("error.type"));
        Assert.Equal("UNKNOWN", capture.SingleMeasurement().Tags["rpc.response.status_code"]);
    }

    [Fact]
    public async Task Unmapped_exceptions_keep_the_safe_default()
    {
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "boom" }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, received.StatusCode);
        Assert.Equal("Exception was thrown by handler.", received.Status.Detail);
        Assert.Null(received.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Null(received.GetRpcStatus());
        Assert.DoesNotContain("hunter2", string.Join(",", received.Trailers.Select(t => t.Key + t.Value)));
    }

    [Fact]
    public void Enum_errors_build_the_same_wire_error_and_fill_placeholders_from_metadata()
    {
        var exception = PaymentError.Declined.ToRpcException(new Dictionary<string, string> { ["last4"] = "4242" });

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal("Card ending 4242 was declined.", exception.Status.Detail);
        var info = RpcStatus.Parser.ParseFrom(exception.Trailers.GetValueBytes("grpc-status-details-bin")).Details.Single().Unpack<ErrorInfo>();
        Assert.Equal(("PAYMENT_DECLINED", "shop.acme.example", "4242"), (info.Reason, info.Domain, info.Metadata["last4"]));
        Assert.True(ShopErrors.IsDeclined(exception));
        Assert.Equal("PAYMENT_PROVIDER_DOWN", PaymentError.ProviderDown.ToRpcException().Status.Detail);
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentError.NotAnError.ToRpcException());

        // Caller-supplied metadata goes out in ordinal key order, a null value as empty.
        var unordered = PaymentError.Declined.ToRpcException(new Dictionary<string, string> { ["zone"] = "eu", ["last4"] = null!, ["attempt"] = "2" });
        var entries = RpcStatus.Parser.ParseFrom(unordered.Trailers.GetValueBytes("grpc-status-details-bin")).Details.Single().Unpack<ErrorInfo>().Metadata;
        Assert.Equal(new Dictionary<string, string> { ["attempt"] = "2", ["last4"] = string.Empty, ["zone"] = "eu" }, entries);
        Assert.True(ShopErrors.TryGetErrorInfo(unordered, out _, out _, out var read));
        Assert.Equal(new[] { "attempt", "last4", "zone" }, read.Keys);
    }

    [Fact]
    public void The_HTTP_view_and_the_catalog_use_the_same_status_table()
    {
        // GetHttpStatus is runtime code, the descriptors' HttpStatus comes from the generator's table.
        for (var code = 0; code < Errors.ErrorCatalogText.Codes.Length; code++)
        {
            Assert.Equal(Errors.ErrorCatalogText.Codes[code].Http, ShopErrors.GetHttpStatus((StatusCode)code));
            Assert.Equal(Errors.ErrorCatalogText.Codes[code].Member, ((StatusCode)code).ToString());
        }

        Assert.All(ShopErrors.Catalog, e => Assert.Equal(ShopErrors.GetHttpStatus((StatusCode)(int)e.Code), e.HttpStatus));
    }

    [Fact]
    public void The_problem_view_carries_the_http_status_reason_and_metadata()
    {
        var problem = ShopErrors.ToProblem(new OrderNotFoundException("o-7").ToRpcException());

        Assert.Equal("urn:shop.acme.example:error:ORDER_NOT_FOUND", problem.Type);
        Assert.Equal("ORDER_NOT_FOUND", problem.Title);
        Assert.Equal(404, problem.Status);
        Assert.Equal("Order o-7 was not found.", problem.Detail);
        Assert.Equal("o-7", problem.Extensions["orderId"]);
        Assert.Equal(429, ShopErrors.GetHttpStatus(StatusCode.ResourceExhausted));
        Assert.Equal(499, ShopErrors.GetHttpStatus(StatusCode.Cancelled));

        var plain = ShopErrors.ToProblem(new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "down")));
        Assert.Null(plain.Type);
        Assert.Equal(503, plain.Status);
    }

    [Fact]
    public void The_catalog_lists_every_error_with_its_code_reason_domain_keys_and_http_status()
    {
        var entries = ShopErrors.Catalog.Select(e => $"{e.Domain} {e.Reason} {e.Code} {e.HttpStatus} [{string.Join(",", e.MetadataKeys)}] {e.Source}");

        Assert.Equal(new[]
        {
            "billing.acme.example QUOTA_EXCEEDED ResourceExhausted 429 [accountId,limit,retryable,unit] Contrail.Generators.Tests.Behaviour.QuotaExceededException",
            "shop.acme.example BROKEN_METADATA Internal 500 [value] Contrail.Generators.Tests.Behaviour.BrokenMetadataException",
            "shop.acme.example ORDER_ARCHIVED FailedPrecondition 400 [archivedYear,orderId] Contrail.Generators.Tests.Behaviour.OrderArchivedException",
            "shop.acme.example ORDER_NOT_FOUND NotFound 404 [orderId] Contrail.Generators.Tests.Behaviour.OrderNotFoundException",
            "shop.acme.example PAYMENT_DECLINED FailedPrecondition 400 [] Contrail.Generators.Tests.Behaviour.PaymentError.Declined",
            "shop.acme.example PAYMENT_PROVIDER_DOWN Unavailable 503 [] Contrail.Generators.Tests.Behaviour.PaymentError.ProviderDown",
        }, entries);

        var catalog = typeof(ShopErrors).Assembly.GetCustomAttributes(typeof(ErrorCatalogAttribute), inherit: false).Cast<ErrorCatalogAttribute>().Single();
        Assert.Equal(typeof(ShopErrors), catalog.Mapper);
        using var json = System.Text.Json.JsonDocument.Parse(catalog.Json);
        Assert.Equal(6, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Malformed_trailers_never_throw_and_truncated_ones_never_match()
    {
        var valid = new OrderNotFoundException("o-1").ToRpcException().Trailers.GetValueBytes("grpc-status-details-bin")!;
        var random = new Random(20261121);
        var inputs = new List<byte[]> { Array.Empty<byte>(), new byte[] { 0xFF }, new byte[] { 0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F } };
        for (var length = 0; length < valid.Length; length++)
        {
            // Every cut falls inside the Status's one length-delimited detail: never a match.
            var truncated = valid.Take(length).ToArray();
            Assert.False(ShopErrors.IsOrderNotFound(new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "x"), new Metadata { { "grpc-status-details-bin", truncated } })), $"matched after {length} bytes");
            inputs.Add(truncated);
        }

        for (var i = 0; i < 2000; i++)
        {
            var flipped = (byte[])valid.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            inputs.Add(flipped);
            var noise = new byte[random.Next(64)];
            random.NextBytes(noise);
            inputs.Add(noise);
        }

        foreach (var bytes in inputs)
        {
            var exception = new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "x"), new Metadata { { "grpc-status-details-bin", bytes } });
            var matched = ShopErrors.TryGetErrorInfo(exception, out var reason, out _, out _);
            if (matched)
            {
                // Whatever decoded must be something protobuf itself accepts.
                Assert.NotEmpty(reason);
            }

            ShopErrors.IsOrderNotFound(exception);
            ShopErrors.TryGetOrderNotFound(exception, out _);
            ShopErrors.ToProblem(exception);
        }

        Assert.False(ShopErrors.IsOrderNotFound(new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "no trailer"))));
    }
}
