using System;
using System.Linq;
using Contrail.Generated;
using Contrail.Generators.TracedServices;
using Grpc.Core;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>Which status codes mark a server span as an error, and the names the conventions record.</summary>
public sealed class StatusRuleTests
{
    [Theory]
    [InlineData(StatusCode.OK, false)]
    [InlineData(StatusCode.Cancelled, false)]
    [InlineData(StatusCode.Unknown, true)]
    [InlineData(StatusCode.InvalidArgument, false)]
    [InlineData(StatusCode.DeadlineExceeded, true)]
    [InlineData(StatusCode.NotFound, false)]
    [InlineData(StatusCode.AlreadyExists, false)]
    [InlineData(StatusCode.PermissionDenied, false)]
    [InlineData(StatusCode.ResourceExhausted, false)]
    [InlineData(StatusCode.FailedPrecondition, false)]
    [InlineData(StatusCode.Aborted, false)]
    [InlineData(StatusCode.OutOfRange, false)]
    [InlineData(StatusCode.Unimplemented, true)]
    [InlineData(StatusCode.Internal, true)]
    [InlineData(StatusCode.Unavailable, true)]
    [InlineData(StatusCode.DataLoss, true)]
    [InlineData(StatusCode.Unauthenticated, false)]
    public void The_default_rule_marks_the_server_errors_of_the_conventions(StatusCode code, bool isError)
    {
        var method = Telemetry(RpcSemanticConventions.DefaultServerErrorMask);

        Assert.Equal(isError, method.IsError(code));
    }

    [Fact]
    public void A_methods_own_mask_decides_alone()
    {
        var method = Telemetry((1 << (int)StatusCode.NotFound) | (1 << (int)StatusCode.Cancelled));

        var errors = Enum.GetValues<StatusCode>().Where(method.IsError).ToArray();

        Assert.Equal(new[] { StatusCode.Cancelled, StatusCode.NotFound }, errors);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(1000)]
    public void A_code_outside_the_known_range_is_an_error_only_where_its_bit_says_or_beyond_the_mask(int code)
    {
        var none = Telemetry(0);
        var all = Telemetry(-1);

        // Codes 0-31 have a bit in the mask; larger ones cannot be described and count as errors.
        Assert.Equal(code >= 32, none.IsError((StatusCode)code));
        Assert.True(all.IsError((StatusCode)code));
    }

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.Cancelled, "CANCELLED")]
    [InlineData(StatusCode.Unknown, "UNKNOWN")]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.AlreadyExists, "ALREADY_EXISTS")]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    [InlineData(StatusCode.ResourceExhausted, "RESOURCE_EXHAUSTED")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.Aborted, "ABORTED")]
    [InlineData(StatusCode.OutOfRange, "OUT_OF_RANGE")]
    [InlineData(StatusCode.Unimplemented, "UNIMPLEMENTED")]
    [InlineData(StatusCode.Internal, "INTERNAL")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    [InlineData(StatusCode.DataLoss, "DATA_LOSS")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    [InlineData((StatusCode)42, "42")]
    public void Status_names_are_the_conventions_spelling(StatusCode code, string name)
    {
        Assert.Equal(name, ContrailServerTelemetry.StatusName(code));
    }

    [Fact]
    public void Method_telemetry_takes_its_names_from_the_bound_method()
    {
        var method = Telemetry(0, id: 3);

        Assert.Equal(3, method.Id);
        Assert.Equal("acme.test.v1.Tests", method.ServiceName);
        Assert.Equal("Get", method.MethodName);
        Assert.Equal("acme.test.v1.Tests/Get", method.RpcMethod);
    }

    [Fact]
    public void The_method_table_is_keyed_by_the_path_the_server_routes_on_and_skips_undescribed_methods()
    {
        var get = Methods.Create("acme.test.v1.Tests", "Get");
        var list = Methods.Create("acme.test.v1.Tests", "List", MethodType.ServerStreaming);

        var table = RpcMethodTelemetry.CreateTable(
            binder =>
            {
                binder.AddMethod(get, (UnaryServerMethod<string, string>?)null);
                binder.AddMethod(list, (ServerStreamingServerMethod<string, string>?)null);
            },
            method => method.Name == "Get" ? new RpcMethodTelemetry(0, method, 0) : null);

        Assert.Equal(new[] { "/acme.test.v1.Tests/Get" }, table.Keys);
        Assert.Equal("acme.test.v1.Tests/Get", table["/acme.test.v1.Tests/Get"].RpcMethod);
    }

    private static RpcMethodTelemetry Telemetry(int mask, int id = 0) =>
        new(id, Methods.Create("acme.test.v1.Tests", "Get"), mask);
}

/// <summary>gRPC method descriptors for tests, with string messages.</summary>
internal static class Methods
{
    public static Method<string, string> Create(string service, string name, MethodType type = MethodType.Unary) =>
        new(type, service, name, Marshallers.StringMarshaller, Marshallers.StringMarshaller);
}
