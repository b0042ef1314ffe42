using Google.Protobuf.Reflection;
using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>The rules on services and their RPCs (methods paired by name).</summary>
internal static class ServiceRules
{
    public static void RpcNoDelete(ServicePair pair, RuleFindings findings)
    {
        var (service, previous) = pair;
        for (var i = 0; i < previous.Proto.Method.Count; i++)
        {
            // A name declared twice is reported once, for its first declaration.
            var name = previous.Proto.Method[i].Name;
            if (!service.Methods.ContainsKey(name) && previous.Methods[name] == i)
            {
                findings.Add(FindingSite.Of(service), FindingSite.Of(previous), $"Previously present RPC {Quote(name)} on service {Quote(service.Name)} was deleted.");
            }
        }
    }

    public static void RpcSameClientStreaming(MethodPair pair, RuleFindings findings)
    {
        var method = pair.Current;
        if (pair.Previous.ClientStreaming != method.ClientStreaming)
        {
            findings.Add(pair.At(), pair.Was(), $"RPC {Quote(method.Name)} on service {Quote(pair.Service.Name)} changed from client {(method.ClientStreaming ? "unary" : "streaming")} to client {(method.ClientStreaming ? "streaming" : "unary")}.");
        }
    }

    public static void RpcSameServerStreaming(MethodPair pair, RuleFindings findings)
    {
        var method = pair.Current;
        if (pair.Previous.ServerStreaming != method.ServerStreaming)
        {
            findings.Add(pair.At(), pair.Was(), $"RPC {Quote(method.Name)} on service {Quote(pair.Service.Name)} changed from server {(method.ServerStreaming ? "unary" : "streaming")} to server {(method.ServerStreaming ? "streaming" : "unary")}.");
        }
    }

    public static void RpcSameIdempotencyLevel(MethodPair pair, RuleFindings findings)
    {
        var previousLevel = IdempotencyName(pair.Previous.Options);
        var level = IdempotencyName(pair.Current.Options);
        if (previousLevel != level)
        {
            findings.Add(pair.At(4, 34), pair.Was(4, 34), $"RPC {Quote(pair.Current.Name)} on service {Quote(pair.Service.Name)} changed option \"idempotency_level\" from {Quote(previousLevel)} to {Quote(level)}.");
        }
    }

    public static void RpcSameRequestType(MethodPair pair, RuleFindings findings)
    {
        var previousInput = pair.Previous.InputType.TrimStart('.');
        var input = pair.Current.InputType.TrimStart('.');
        if (previousInput != input)
        {
            findings.Add(pair.At(2), pair.Was(2), $"RPC {Quote(pair.Current.Name)} on service {Quote(pair.Service.Name)} changed request type from {Quote(previousInput)} to {Quote(input)}.");
        }
    }

    public static void RpcSameResponseType(MethodPair pair, RuleFindings findings)
    {
        var previousOutput = pair.Previous.OutputType.TrimStart('.');
        var output = pair.Current.OutputType.TrimStart('.');
        if (previousOutput != output)
        {
            findings.Add(pair.At(3), pair.Was(3), $"RPC {Quote(pair.Current.Name)} on service {Quote(pair.Service.Name)} changed response type from {Quote(previousOutput)} to {Quote(output)}.");
        }
    }

    private static string IdempotencyName(MethodOptions? options) => options?.IdempotencyLevel switch
    {
        MethodOptions.Types.IdempotencyLevel.NoSideEffects => "NO_SIDE_EFFECTS",
        MethodOptions.Types.IdempotencyLevel.Idempotent => "IDEMPOTENT",
        _ => "IDEMPOTENCY_UNKNOWN",
    };
}
