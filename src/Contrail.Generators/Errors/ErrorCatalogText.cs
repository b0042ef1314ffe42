using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contrail.Generators.Common;

namespace Contrail.Generators.Errors;

/// <summary>
/// What every part of an error catalog writes the same way: the gRPC type names, the status-code
/// table, the catalog's namespace and name, each error's domain, order, helper name and locals.
/// </summary>
internal static class ErrorCatalogText
{
    public const string StatusCode = "global::Grpc.Core.StatusCode";
    public const string RpcException = "global::Grpc.Core.RpcException";
    public const string Wire = "global::Contrail.Generated.GrpcStatusDetails";
    public const string Pairs = "global::System.Collections.Generic.KeyValuePair<string, string>";

    /// <summary>gRPC status names (for the catalog) and the grpc-gateway HTTP status of each code.</summary>
    public static readonly (string Member, string Wire, int Http)[] Codes =
    {
        ("OK", "OK", 200), ("Cancelled", "CANCELLED", 499), ("Unknown", "UNKNOWN", 500),
        ("InvalidArgument", "INVALID_ARGUMENT", 400), ("DeadlineExceeded", "DEADLINE_EXCEEDED", 504),
        ("NotFound", "NOT_FOUND", 404), ("AlreadyExists", "ALREADY_EXISTS", 409),
        ("PermissionDenied", "PERMISSION_DENIED", 403), ("ResourceExhausted", "RESOURCE_EXHAUSTED", 429),
        ("FailedPrecondition", "FAILED_PRECONDITION", 400), ("Aborted", "ABORTED", 409),
        ("OutOfRange", "OUT_OF_RANGE", 400), ("Unimplemented", "UNIMPLEMENTED", 501),
        ("Internal", "INTERNAL", 500), ("Unavailable", "UNAVAILABLE", 503), ("DataLoss", "DATA_LOSS", 500),
        ("Unauthenticated", "UNAUTHENTICATED", 401),
    };

    /// <summary>The namespace of the helper class: the longest namespace every error type shares.</summary>
    public static string CatalogNamespace(IReadOnlyList<GrpcErrorModel> errors)
    {
        var common = errors[0].Namespace.Split('.');
        var length = common.Length;
        foreach (var error in errors)
        {
            var parts = error.Namespace.Split('.');
            var i = 0;
            while (i < Math.Min(length, parts.Length) && parts[i] == common[i])
            {
                i++;
            }

            length = i;
        }

        return string.Join(".", common.Take(length));
    }

    /// <summary>The helper class's fully qualified name.</summary>
    public static string CatalogTypeName(IReadOnlyList<GrpcErrorModel> errors, string catalogName)
    {
        var ns = CatalogNamespace(errors);
        return ns.Length > 0 ? $"global::{ns}.{catalogName}" : $"global::{catalogName}";
    }

    /// <summary>Writes <c>prefix A.TryCreateRpcException(exception) ?? B.… ?? fallback;</c>, one mapper a line.</summary>
    public static void WriteMapperChain(SourceWriter writer, string prefix, IReadOnlyList<string> mappers, string? fallback)
    {
        var terms = mappers.Select(m => $"{m}.TryCreateRpcException(exception)").ToList();
        if (fallback is not null)
        {
            terms.Add(fallback);
        }

        writer.WriteLine(prefix + terms[0] + (terms.Count == 1 ? ";" : string.Empty));
        using (writer.Indent())
        {
            for (var i = 1; i < terms.Count; i++)
            {
                writer.WriteLine("?? " + terms[i] + (i == terms.Count - 1 ? ";" : string.Empty));
            }
        }
    }

    /// <summary>Catalog order: by domain, then reason, ordinal.</summary>
    public static IEnumerable<GrpcErrorModel> Ordered(IEnumerable<GrpcErrorModel> errors, ErrorCatalogSettings settings) =>
        errors.OrderBy(e => DomainOf(e, settings), StringComparer.Ordinal).ThenBy(e => e.Reason, StringComparer.Ordinal);

    /// <summary>Helper names (<c>IsOrderNotFound</c>), made unique with a numeric suffix where two errors share one.</summary>
    public static Dictionary<GrpcErrorModel, string> HelperNames(IReadOnlyList<GrpcErrorModel> errors)
    {
        var names = new Dictionary<GrpcErrorModel, string>();
        foreach (var group in errors.OrderBy(e => e.DisplayName, StringComparer.Ordinal).GroupBy(e => e.HelperName, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var error in group)
            {
                names[error] = index++ == 0 ? group.Key : group.Key + index.ToString(CultureInfo.InvariantCulture);
            }
        }

        return names;
    }

    /// <summary>The error's own domain, else the assembly's (errors without either are not emitted).</summary>
    public static string DomainOf(GrpcErrorModel error, ErrorCatalogSettings settings) => error.Domain ?? settings.DefaultDomain!;

    /// <summary>A helper that names an error's type is only as visible as that type.</summary>
    public static string Access(GrpcErrorModel error) => error.IsPublic ? "public" : "internal";

    /// <summary>The local holding a metadata value; the suffix keeps keys clear of keywords and of the generated locals.</summary>
    public static string Local(string key) => key + "Value";
}
