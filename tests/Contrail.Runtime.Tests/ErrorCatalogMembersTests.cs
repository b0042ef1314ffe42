using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Generated;
using Grpc.Core;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>The members every error catalog class gets a copy of: the HTTP view and the descriptor.</summary>
public sealed class ErrorCatalogMembersTests
{
    /// <summary>The grpc-gateway table (also JSON transcoding's), code by code.</summary>
    public static TheoryData<StatusCode, int> GatewayTable => new()
    {
        { StatusCode.OK, 200 }, { StatusCode.Cancelled, 499 }, { StatusCode.Unknown, 500 },
        { StatusCode.InvalidArgument, 400 }, { StatusCode.DeadlineExceeded, 504 }, { StatusCode.NotFound, 404 },
        { StatusCode.AlreadyExists, 409 }, { StatusCode.PermissionDenied, 403 }, { StatusCode.ResourceExhausted, 429 },
        { StatusCode.FailedPrecondition, 400 }, { StatusCode.Aborted, 409 }, { StatusCode.OutOfRange, 400 },
        { StatusCode.Unimplemented, 501 }, { StatusCode.Internal, 500 }, { StatusCode.Unavailable, 503 },
        { StatusCode.DataLoss, 500 }, { StatusCode.Unauthenticated, 401 },
    };

    [Theory]
    [MemberData(nameof(GatewayTable))]
    public void Each_code_has_the_grpc_gateway_HTTP_status(StatusCode code, int httpStatus) =>
        Assert.Equal(httpStatus, ErrorCatalogMembers.GetHttpStatus(code));

    [Fact]
    public void A_code_no_gRPC_version_defines_is_a_server_error() =>
        Assert.Equal(500, ErrorCatalogMembers.GetHttpStatus((StatusCode)42));

    [Fact]
    public void A_problem_carries_the_ErrorInfo_as_type_title_and_extensions()
    {
        var exception = GrpcStatusDetails.CreateException(
            StatusCode.NotFound, "Order o-7 was not found.", "ORDER_NOT_FOUND", "shop.acme.example", new[] { new KeyValuePair<string, string>("orderId", "o-7") });

        var problem = ErrorCatalogMembers.ToProblem(exception);

        Assert.Equal("urn:shop.acme.example:error:ORDER_NOT_FOUND", problem.Type);
        Assert.Equal("ORDER_NOT_FOUND", problem.Title);
        Assert.Equal(404, problem.Status);
        Assert.Equal("Order o-7 was not found.", problem.Detail);
        Assert.Equal(
            new[] { ("domain", "shop.acme.example"), ("orderId", "o-7"), ("reason", "ORDER_NOT_FOUND") },
            problem.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Metadata_named_reason_or_domain_does_not_replace_the_ErrorInfo_fields()
    {
        var exception = GrpcStatusDetails.CreateException(
            StatusCode.Aborted, "m", "R", "d.example", new[] { new KeyValuePair<string, string>("reason", "spoofed"), new KeyValuePair<string, string>("domain", "spoofed") });

        var problem = ErrorCatalogMembers.ToProblem(exception);

        Assert.Equal("R", problem.Extensions["reason"]);
        Assert.Equal("d.example", problem.Extensions["domain"]);
    }

    [Fact]
    public void A_problem_without_ErrorInfo_is_titled_by_the_status_code()
    {
        var problem = ErrorCatalogMembers.ToProblem(new RpcException(new Status(StatusCode.Unavailable, "down")));

        Assert.Null(problem.Type);
        Assert.Equal("Unavailable", problem.Title);
        Assert.Equal(503, problem.Status);
        Assert.Equal("down", problem.Detail);
        Assert.Empty(problem.Extensions);
    }

    [Fact]
    public void A_malformed_trailer_gives_a_problem_without_ErrorInfo()
    {
        var trailers = new Metadata { { GrpcStatusDetails.TrailerKey, new byte[] { 0x1a, 0xff, 0x01 } } };

        var problem = ErrorCatalogMembers.ToProblem(new RpcException(new Status(StatusCode.Internal, "x"), trailers));

        Assert.Null(problem.Type);
        Assert.Equal(500, problem.Status);
    }

    [Fact]
    public void A_null_exception_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => ErrorCatalogMembers.ToProblem(null!));

    [Fact]
    public void A_descriptor_keeps_what_it_was_given()
    {
        var descriptor = new ErrorCatalogMembers.ErrorDescriptor(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", "shop.acme.example", new[] { "orderId" }, 404, "Acme.Shop.OrderNotFoundException", null);

        Assert.Equal(
            (GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", "shop.acme.example", 404, "Acme.Shop.OrderNotFoundException", (string?)null),
            (descriptor.Code, descriptor.Reason, descriptor.Domain, descriptor.HttpStatus, descriptor.Source, descriptor.Message));
        Assert.Equal(new[] { "orderId" }, descriptor.MetadataKeys);
    }
}
