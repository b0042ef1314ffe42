using Contrail.Generators.Common;

namespace Contrail.Generators.TracedServices;

/// <summary>The four gRPC method kinds, named as grpc-dotnet's <c>MethodType</c>.</summary>
internal enum RpcMethodKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>How a recorded request member becomes a span attribute value.</summary>
internal enum TagValueKind
{
    /// <summary>Recorded as is: string, bool or a number.</summary>
    Primitive,

    /// <summary>Recorded through a generated switch to the member's (proto) name.</summary>
    Enum,
}

/// <summary>One traced gRPC service class: everything the emitter needs, nothing from Roslyn.</summary>
/// <remarks>
/// Models are <see langword="sealed"/> records of strings, enums, bools and
/// <see cref="EquatableArray{T}"/>, so the incremental pipeline compares them by value and caches
/// its output; they never hold symbols, syntax, locations or compilations.
/// </remarks>
internal sealed record TracedServiceModel(
    string Namespace,
    string ServiceTypeName,
    string ServiceDisplayName,
    string InterceptorName,
    bool IsVisibleOutsideAssembly,
    string BinderTypeName,
    string BindMethodName,
    string HintName,
    EquatableArray<RpcMethodModel> Methods,
    EquatableArray<EnumTagModel> Enums)
{
    /// <summary>The generated interceptor's fully qualified name.</summary>
    public string InterceptorTypeName =>
        Namespace.Length > 0 ? $"global::{Namespace}.{InterceptorName}" : $"global::{InterceptorName}";
}

/// <summary>One RPC method of a traced service.</summary>
/// <param name="Name">The method name, which is also the proto method name.</param>
/// <param name="ErrorStatusMask">Bit <c>n</c> set when status code <c>n</c> marks the span as an error.</param>
internal sealed record RpcMethodModel(
    string Name,
    RpcMethodKind Kind,
    string RequestTypeName,
    bool IsTraced,
    int ErrorStatusMask,
    EquatableArray<TraceTagModel> Tags);

/// <summary>A request member recorded as a span attribute.</summary>
/// <param name="Path">The member names from the request to the recorded value.</param>
/// <param name="NullableSteps">For each step but the last, whether the value can be null and needs a check.</param>
internal sealed record TraceTagModel(
    string AttributeName,
    EquatableArray<string> Path,
    EquatableArray<bool> NullableSteps,
    TagValueKind ValueKind,
    bool ValueIsNullableStruct);

/// <summary>An enum recorded in a span attribute, with the names each value records as.</summary>
internal sealed record EnumTagModel(string TypeName, EquatableArray<EnumMemberModel> Members);

/// <summary>An enum member and the name it records as (its proto name when it has one).</summary>
internal sealed record EnumMemberModel(string MemberName, string TagValue);
